/**
 * Wikilinks in prose: `[[people/gao-qiang]]` or `[[people/gao-qiang|GAO]]`. One parser serves the
 * Markdown pipeline (which turns them into links), the case model (which turns them into
 * "mentions") and the checker (which refuses the ones that lead nowhere).
 */

/** One wikilink found in a text. */
export interface Wikilink {
  /** The target as written, `type/slug`, trimmed. */
  target: string;
  /** The label after `|`, if any. */
  label: string | undefined;
  /** Offset of `[[` in the text. */
  index: number;
  /** The whole match, `[[…]]`. */
  raw: string;
}

// `\|` is accepted as the separator so wikilinks work inside Markdown table cells. A label may hold
// a single `]`, so a defanged name such as xiaohong[.]org can be a label.
const WIKILINK = /\[\[([^\]|\\\n]+?)(?:\\?\|((?:[^\]\n]|\](?!\]))+?))?\]\]/g;

/** Every wikilink in a text, in order. */
export function findWikilinks(text: string): Wikilink[] {
  const found: Wikilink[] = [];
  for (const match of text.matchAll(WIKILINK)) {
    const [raw, target = '', label] = match;
    found.push({ target: target.trim(), label: label?.trim() || undefined, index: match.index, raw });
  }
  return found;
}

/** A run of text, or a wikilink, in the order they appear. */
export type WikilinkPiece = { kind: 'text'; text: string } | { kind: 'wikilink'; link: Wikilink };

/** Splits a text into plain runs and wikilinks. */
export function splitWikilinks(text: string): WikilinkPiece[] {
  const pieces: WikilinkPiece[] = [];
  let cursor = 0;
  for (const link of findWikilinks(text)) {
    if (link.index > cursor) pieces.push({ kind: 'text', text: text.slice(cursor, link.index) });
    pieces.push({ kind: 'wikilink', link });
    cursor = link.index + link.raw.length;
  }
  if (cursor < text.length) pieces.push({ kind: 'text', text: text.slice(cursor) });
  return pieces;
}

/** What a wikilink needs to know of its target. */
export interface WikilinkTarget {
  /** Display name. */
  name: string;
  /** Collection key, for styling. */
  collection: string;
}

/** A wikilink as drawn: a link to its entry, or, when the target is missing, a marked label. */
export type DrawnWikilink =
  | { kind: 'link'; label: string; path: string; className: string[] }
  | { kind: 'broken'; label: string; title: string; className: string[] };

/**
 * The one drawing of a wikilink, for bodies (the Markdown pipeline) and frontmatter texts alike:
 * labelled with the author's label or the entry's name, classed by the target's type. A broken one
 * is reachable only under `astro dev`: a build refuses it first.
 */
export function drawWikilink(
  link: Pick<Wikilink, 'target' | 'label'>,
  lookup: (id: string) => WikilinkTarget | undefined,
): DrawnWikilink {
  const target = lookup(link.target);
  const label = link.label ?? target?.name ?? link.target;
  if (!target) return { kind: 'broken', label, title: `No entry at ${link.target}`, className: ['wikilink-broken'] };
  return { kind: 'link', label, path: `/${link.target}/`, className: ['wikilink', `type-${target.collection}`] };
}
