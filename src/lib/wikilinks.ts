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
