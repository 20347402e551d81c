import { ENTITY_TYPE_INFO, type EntityType } from '../lib/schema/entity-types.ts';
import { CONFIDENCE_INFO, type Confidence } from '../lib/schema/confidence.ts';
import { shapePath } from '../lib/shapes.ts';
import { entryPath, withBase } from '../lib/paths.ts';
import type { GraphNode } from '../lib/graph.ts';
import type { EdgeEvidence } from '../lib/edge-evidence.ts';
import type { EdgeSummary } from '../lib/graph-scene.ts';

/**
 * The explorer's words: the hover cards of a node and of an edge, and the panel describing the
 * entity in focus, whose list of links is how a keyboard reaches every edge. Built as DOM nodes from
 * text, never from HTML strings. Traced chains are written out in graph-chains-text.ts.
 */

const SVG = 'http://www.w3.org/2000/svg';

/** Creates an element with a class and children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) element.className = className;
  element.append(...children);
  return element;
}

/** A button with a label. */
export function button(label: string, className = 'button'): HTMLButtonElement {
  const b = el('button', className, label);
  b.type = 'button';
  return b;
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
export function nameWithNative(node: GraphNode, link?: string): (Node | string)[] {
  const name = link ? el('a', '', node.name) : el('span', '', node.name);
  if (link && name instanceof HTMLAnchorElement) name.href = link;
  if (!node.native || node.native === node.name) return [name];
  const native = el('span', 'native', node.native);
  native.lang = node.lang ?? 'zh';
  return [name, ' ', native];
}

/** A short line drawn in a grade's style (weight and dash), beside its name. */
export function lineSample(level: Confidence | undefined): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', level ? `line-sample grade-${level}` : 'line-sample mention');
  svg.setAttribute('viewBox', '0 0 28 6');
  svg.setAttribute('width', '28');
  svg.setAttribute('height', '6');
  svg.setAttribute('aria-hidden', 'true');
  const line = document.createElementNS(SVG, 'line');
  for (const [name, value] of [
    ['x1', '1'],
    ['y1', '3'],
    ['x2', '27'],
    ['y2', '3'],
  ]) {
    line.setAttribute(name ?? '', value ?? '');
  }
  if (level && CONFIDENCE_INFO[level].dash.length > 0) {
    line.setAttribute('stroke-dasharray', CONFIDENCE_INFO[level].dash.join(' '));
  }
  svg.append(line);
  return svg;
}

/** A grade in words with its line sample. */
export function gradeTag(level: Confidence | undefined): HTMLElement {
  return el('span', 'grade', lineSample(level), level ? CONFIDENCE_INFO[level].label : 'mention, not graded');
}

/** Fills the hover card of a node: type, full name, native name, summary. */
export function renderCard(card: HTMLElement, node: GraphNode): void {
  card.replaceChildren(
    el('p', 'card-type', typeMarker(node.type), ` ${ENTITY_TYPE_INFO[node.type].label}`),
    el('p', 'card-name', ...nameWithNative(node)),
    el('p', 'card-summary', node.summary),
  );
}

/** Fills the hover card of an edge: the relationship in words, its grade, its note once loaded. */
export function renderEdgeCard(card: HTMLElement, edge: EdgeSummary, evidence: EdgeEvidence | undefined): void {
  const children: Node[] = [
    el('p', 'card-type', edge.confidence ? 'Relationship' : 'Mention in text'),
    el('p', 'card-name', `${edge.from.name} `, el('span', 'rel', edge.label), ` ${edge.to.name}`),
    el('p', 'card-grade', gradeTag(edge.confidence)),
  ];
  if (evidence?.note) children.push(el('p', 'card-summary', evidence.note.map((piece) => piece.text).join('')));
  if (edge.confidence) {
    children.push(
      el(
        'p',
        'card-hint',
        `${edge.sources} ${edge.sources === 1 ? 'source' : 'sources'}. Click for how we know, with the sources.`,
      ),
    );
  }
  card.replaceChildren(...children);
}

/** What the focus panel needs beyond the node. */
export interface FocusActions {
  /** The links in scope from it, read from its side. */
  links: EdgeSummary[];
  /** The ego view's depth (1–3), or undefined for the whole case. */
  depth: number | undefined;
  /** Puts another entity in focus (to walk the graph from the keyboard). */
  onFocus: (id: string) => void;
  /** Clears the focus. */
  onClear: () => void;
  /** Starts a chain from it. */
  onTraceFrom: () => void;
  /** Changes the ego depth. */
  onDepth: (depth: number | undefined) => void;
  /** Brings an edge forward on the canvas (undefined: none). */
  onEdge: (index: number | undefined) => void;
  /** Opens an edge's evidence. */
  onEvidence: (index: number) => void;
}

/** The control that narrows the diagram to what lies near the focus. */
function depthControl(actions: FocusActions): HTMLElement {
  const select = el('select', '');
  select.id = 'graph-depth';
  for (const [value, text] of [
    ['', 'the whole case'],
    ['1', 'one step'],
    ['2', 'two steps'],
    ['3', 'three steps'],
  ] as const) {
    const option = el('option', '', text);
    option.value = value;
    option.selected = value === String(actions.depth ?? '');
    select.append(option);
  }
  select.addEventListener('change', () => actions.onDepth(select.value ? Number(select.value) : undefined));
  const label = el('label', '', 'Show what lies within ');
  label.htmlFor = select.id;
  return el('p', 'focus-depth', label, select);
}

/** Fills the panel that describes the entity in focus, with a link to its dossier and every link from it. */
export function renderFocus(panel: HTMLElement, node: GraphNode, base: string, actions: FocusActions): void {
  const trace = button('Trace from here');
  trace.addEventListener('click', actions.onTraceFrom);
  const clear = button('Clear focus');
  clear.addEventListener('click', actions.onClear);
  const open = el('a', 'button', 'Open the dossier');
  open.href = withBase(base, entryPath(node.id));
  panel.replaceChildren(
    el('p', 'card-type', typeMarker(node.type), ` ${ENTITY_TYPE_INFO[node.type].label} · in focus`),
    el('p', 'card-name', ...nameWithNative(node, withBase(base, entryPath(node.id)))),
    el('p', 'card-summary', node.summary),
    el('p', 'focus-actions', open, ' ', trace, ' ', clear),
    depthControl(actions),
    linkList(actions),
  );
}

/**
 * The focused entity's links, each with a button that moves the focus along it and one that opens
 * how we know it: the keyboard's way onto every edge. Focusing either brings the edge forward.
 */
function linkList(actions: FocusActions): HTMLElement {
  const count = actions.links.length;
  if (count === 0) return el('p', 'muted', 'No link shown under the current filters.');
  const list = el('ul', 'focus-links');
  list.setAttribute('aria-label', 'Links of the entity in focus');
  for (const link of actions.links) {
    const go = button(link.to.name, 'link-button');
    go.addEventListener('click', () => actions.onFocus(link.to.id));
    const item = el('li', '', el('span', 'rel', link.label), ' ', go, el('br', ''), gradeTag(link.confidence));
    if (link.confidence) {
      const why = button('How we know', 'why');
      why.setAttribute('aria-label', `How we know: ${link.from.name} ${link.label} ${link.to.name}`);
      why.addEventListener('click', () => actions.onEvidence(link.index));
      item.append(' ', why);
    }
    for (const target of item.querySelectorAll('button')) {
      target.addEventListener('focus', () => actions.onEdge(link.index));
      target.addEventListener('blur', () => actions.onEdge(undefined));
    }
    item.addEventListener('pointerenter', () => actions.onEdge(link.index));
    item.addEventListener('pointerleave', () => actions.onEdge(undefined));
    list.append(item);
  }
  return el('div', 'focus-list', el('p', 'focus-count', `${count} ${count === 1 ? 'link' : 'links'} shown`), list);
}
