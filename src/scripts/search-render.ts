import { CONFIDENCE_INFO, CONFIDENCE_LEVELS } from '../lib/schema/confidence.ts';
import { ENTITY_TYPE_INFO, ENTITY_TYPES, type EntityType } from '../lib/schema/entity-types.ts';
import { shapePath } from '../lib/shapes.ts';
import { hasHanzi } from '../lib/hanzi.ts';
import type { ExcerptRun } from '../lib/search-results.ts';
import type { NameEntry } from '../lib/name-index.ts';
import type { NameMatch } from '../lib/name-match.ts';

/**
 * DOM pieces the quick-jump dialog and the search page share, built from text (never HTML strings):
 * type markers, marked excerpts, a dossier's grade counts and the address a result leads to.
 */

const SVG = 'http://www.w3.org/2000/svg';

/** Whether a collection key is an entity type (and so has a marker). */
export function isEntityType(key: string | undefined): key is EntityType {
  return (ENTITY_TYPES as readonly string[]).includes(key ?? '');
}

/** The type's marker, as the dossiers draw it (shape and colour; hidden from screen readers). */
export function typeMarker(type: EntityType, size = 12): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', `type-marker type-${type}`);
  svg.setAttribute('width', String(size));
  svg.setAttribute('height', String(size));
  svg.setAttribute('viewBox', '-7 -7 14 14');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', shapePath(ENTITY_TYPE_INFO[type].shape, 5.5));
  svg.append(path);
  return svg;
}

/** An element holding text, with a class and, for hanzi, a language. */
export function textElement(tag: string, className: string, text: string, lang?: string): HTMLElement {
  const element = document.createElement(tag);
  element.className = className;
  element.textContent = text;
  if (lang) element.lang = lang;
  return element;
}

/** Excerpt runs as text and <mark> nodes. */
export function markedText(runs: readonly ExcerptRun[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const run of runs) {
    if (run.marked) fragment.append(textElement('mark', '', run.text));
    else fragment.append(run.text);
  }
  return fragment;
}

/**
 * A dossier's relationships by grade: each count beside a short rule drawn in that grade's line
 * style (as the graph draws the edges), with the words for screen readers and as a tooltip.
 */
export function gradeCounts(grades: readonly number[]): HTMLElement {
  const wrap = document.createElement('span');
  wrap.className = 'grades';
  const words: string[] = [];
  CONFIDENCE_LEVELS.forEach((level, i) => {
    const count = grades[i] ?? 0;
    if (count === 0) return;
    words.push(`${count} ${CONFIDENCE_INFO[level].label}`);
    const grade = textElement('span', `grade grade-${level}`, String(count));
    grade.setAttribute('aria-hidden', 'true');
    wrap.append(grade);
  });
  const total = grades.reduce((sum, count) => sum + count, 0);
  const said = total === 0 ? 'no relationships' : `${total} relationship${total === 1 ? '' : 's'}: ${words.join(', ')}`;
  wrap.title = said;
  wrap.append(textElement('span', 'visually-hidden', said));
  return wrap;
}

/** The address of a result: its page, with the query to highlight there. */
export function resultHref(path: string, query: string): string {
  const url = new URL(path, location.origin);
  url.searchParams.set('highlight', query);
  return url.pathname + url.search;
}

/** A dossier's path under the site's base. */
export function entityPath(base: string, entry: NameEntry): string {
  return `${base.endsWith('/') ? base : `${base}/`}${entry.type}/${entry.slug}/`;
}

/**
 * The inside of one line for a dossier that matched by name: marker, name, native name, what
 * matched when it was an alias or identifier, the type in words (for screen readers) and the grades.
 */
export function nameLine(match: NameMatch<NameEntry>): DocumentFragment {
  const { entry, via } = match;
  const line = document.createDocumentFragment();
  line.append(typeMarker(entry.type));
  const names = document.createElement('span');
  names.className = 'names';
  names.append(textElement('span', 'name', entry.name));
  if (entry.native && entry.native !== entry.name)
    names.append(' ', textElement('span', 'native', entry.native, hasHanzi(entry.native) ? 'zh' : undefined));
  if (via) names.append(' ', textElement('span', 'via', via));
  line.append(names, textElement('span', 'visually-hidden', `, ${ENTITY_TYPE_INFO[entry.type].label}, `));
  line.append(gradeCounts(entry.grades));
  return line;
}
