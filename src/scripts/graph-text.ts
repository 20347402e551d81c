import { ENTITY_TYPE_INFO, type EntityType } from '../lib/schema/entity-types.ts';
import { CONFIDENCE_INFO, type Confidence } from '../lib/schema/confidence.ts';
import { shapePath } from '../lib/shapes.ts';
import { entryPath, withBase } from '../lib/paths.ts';
import type { GraphNode } from '../lib/graph.ts';
import type { Hop } from '../lib/graph-view.ts';

/**
 * The explorer's words: the hover card, the panel describing the entity in focus, and traced chains
 * written out hop by hop. Built as DOM nodes from text, never from HTML strings.
 */

const SVG = 'http://www.w3.org/2000/svg';

/** Creates an element with a class and children. */
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) element.className = className;
  element.append(...children);
  return element;
}

/** The type's marker, as on badges and the canvas. */
export function typeMarker(type: EntityType): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', `type-marker type-${type}`);
  svg.setAttribute('viewBox', '-7 -7 14 14');
  svg.setAttribute('width', '12');
  svg.setAttribute('height', '12');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', shapePath(ENTITY_TYPE_INFO[type].shape, 5.5));
  svg.append(path);
  return svg;
}

/** A name with its native form beside it, marked with its language. */
function nameWithNative(node: GraphNode, link?: string): (Node | string)[] {
  const name = link ? el('a', '', node.name) : el('span', '', node.name);
  if (link && name instanceof HTMLAnchorElement) name.href = link;
  if (!node.native || node.native === node.name) return [name];
  const native = el('span', 'native', node.native);
  native.lang = node.lang ?? 'zh';
  return [name, ' ', native];
}

/** Fills the hover card: type, name, native name, summary. */
export function renderCard(card: HTMLElement, node: GraphNode): void {
  card.replaceChildren(
    el('p', 'card-type', typeMarker(node.type), ` ${ENTITY_TYPE_INFO[node.type].label}`),
    el('p', 'card-name', ...nameWithNative(node)),
    el('p', 'card-summary', node.summary),
  );
}

/** What the focus panel needs beyond the node. */
export interface FocusActions {
  /** The links shown from it, read from its side. */
  links: { node: GraphNode; label: string; confidence: Confidence | undefined }[];
  /** Puts another entity in focus (to walk the graph from the keyboard). */
  onFocus: (id: string) => void;
  /** Clears the focus. */
  onClear: () => void;
  /** Starts a path from it. */
  onTraceFrom: () => void;
}

/** Fills the panel that describes the entity in focus, with a link to its dossier. */
export function renderFocus(panel: HTMLElement, node: GraphNode, base: string, actions: FocusActions): void {
  const trace = el('button', 'button', 'Trace a path from here');
  trace.type = 'button';
  trace.addEventListener('click', actions.onTraceFrom);
  const clear = el('button', 'button', 'Clear focus');
  clear.type = 'button';
  clear.addEventListener('click', actions.onClear);
  const open = el('a', 'button', 'Open the dossier');
  open.href = withBase(base, entryPath(node.id));
  panel.replaceChildren(
    el('p', 'card-type', typeMarker(node.type), ` ${ENTITY_TYPE_INFO[node.type].label} · in focus`),
    el('p', 'card-name', ...nameWithNative(node, withBase(base, entryPath(node.id)))),
    el('p', 'card-summary', node.summary),
    el('p', 'focus-actions', open, ' ', trace, ' ', clear),
    linkList(actions),
  );
}

/** The focused entity's links as buttons that move the focus along them, so the diagram can be walked by keyboard. */
function linkList(actions: FocusActions): HTMLElement {
  const count = actions.links.length;
  if (count === 0) return el('p', 'muted', 'No link shown under the current filters.');
  const list = el('ul', 'focus-links');
  for (const link of actions.links) {
    const go = el('button', 'link-button', link.node.name);
    go.type = 'button';
    go.addEventListener('click', () => actions.onFocus(link.node.id));
    const grade = link.confidence ? CONFIDENCE_INFO[link.confidence].label : 'mention';
    list.append(el('li', '', el('span', 'rel', link.label), ' ', go, el('span', 'grade', ` (${grade})`)));
  }
  const details = el(
    'details',
    'focus-list',
    el('summary', '', `${count} ${count === 1 ? 'link' : 'links'} shown`),
    list,
  );
  return details;
}

/** A short line drawn in a confidence grade's style, beside its name. */
export function lineSample(level: Confidence | undefined): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', level ? 'line-sample' : 'line-sample mention');
  svg.setAttribute('viewBox', '0 0 28 6');
  svg.setAttribute('width', '28');
  svg.setAttribute('height', '6');
  svg.setAttribute('aria-hidden', 'true');
  const line = document.createElementNS(SVG, 'line');
  line.setAttribute('x1', '0');
  line.setAttribute('y1', '3');
  line.setAttribute('x2', '28');
  line.setAttribute('y2', '3');
  if (level && CONFIDENCE_INFO[level].dash.length > 0) {
    line.setAttribute('stroke-dasharray', CONFIDENCE_INFO[level].dash.join(' '));
  }
  svg.append(line);
  return svg;
}

/** What a path search found. */
export type PathOutcome =
  | { message: string }
  | {
      /** Start's name. */
      from: string;
      /** End's name. */
      to: string;
      /** Each chain, hop by hop. */
      chains: Hop[][];
      /** Whether mentions could be used. */
      mentions: boolean;
    };

/** Writes the chains out: each entity a link, each hop its relationship and confidence in words. */
export function renderPaths(container: HTMLElement, outcome: PathOutcome, base: string): void {
  if ('message' in outcome) {
    container.replaceChildren(el('p', 'path-message', outcome.message));
    return;
  }
  const heading = el('h2', '', `How ${outcome.from} connects to ${outcome.to}`);
  heading.id = 'path-heading';
  const first = outcome.chains[0];
  if (!first) {
    container.replaceChildren(
      heading,
      el(
        'p',
        'path-message',
        `No chain of the links shown joins them. ${outcome.mentions ? '' : 'Allow mentions in text, or '}loosen the filters to look further.`,
      ),
    );
    return;
  }
  const steps = first.length;
  const intro = el(
    'p',
    'path-message',
    `${outcome.chains.length === 1 ? 'One shortest chain' : `${outcome.chains.length} shortest chains`} of ${steps} ${steps === 1 ? 'step' : 'steps'}` +
      `${outcome.mentions ? '' : ', through typed relationships only'}, strongest evidence first:`,
  );
  const list = el('ol', 'chains');
  for (const chain of outcome.chains) {
    const item = el('li', '');
    chain.forEach((hop, i) => {
      if (i === 0) item.append(...nameWithNative(hop.from, withBase(base, entryPath(hop.from.id))));
      const grade = hop.confidence ? CONFIDENCE_INFO[hop.confidence].label : 'mention, not graded';
      item.append(
        el(
          'span',
          'hop',
          ' → ',
          el('span', 'rel', hop.label),
          ' ',
          el('span', 'grade', lineSample(hop.confidence), `(${grade})`),
          ' → ',
        ),
        ...nameWithNative(hop.to, withBase(base, entryPath(hop.to.id))),
      );
    });
    list.append(item);
  }
  container.replaceChildren(heading, intro, list);
}
