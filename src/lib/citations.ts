import type { Citation } from './schema/fields.ts';
import { parseSourceId, type SourceId } from './ids.ts';

/**
 * Citations: the shape every `sources` list takes (a source id with an optional verbatim quote and
 * locator), and the inline form authors write in prose, Pandoc-style:
 *
 *   [@crowdstrike-2018-two-birds]
 *   [@crowdstrike-2018-two-birds, para. 4]
 *   [@crowdstrike-2018-two-birds, "the passage, verbatim"]
 *   [@crowdstrike-2018-two-birds, para. 4, "the passage, verbatim"]
 *   [@fcw-2018-supply-chain; @crowdstrike-2018-two-birds, para. 2]
 *
 * One parser serves the checker (which refuses unknown source ids) and the renderer (which turns
 * each into numbered marks).
 */

export type { Citation } from './schema/fields.ts';

/** The distinct source ids of a list of citations, in the order first cited. */
export function sourceIdsOf(citations: readonly Citation[]): SourceId[] {
  return [...new Set(citations.map((citation) => citation.source))];
}

/** One inline citation group found in prose: `[@a; @b, locator]`. */
export interface InlineCitation {
  /** The sources it cites, in the order written. */
  citations: Citation[];
  /** Offset of the opening `[` in the text. */
  index: number;
  /** The whole match, `[@…]`. */
  raw: string;
}

// `[@` then anything but a bracket or a line break, then `]`, not followed by `(` or `[` (that would
// be a Markdown link whose text starts with @). Quotes inside may hold brackets only as \[ \].
const INLINE_CITATION = /\[(@(?:[^\]\n\\]|\\.)+)\](?![([])/g;

// One cited item: `@id`, then optional `, locator` and/or `, "quote"` (straight or curly quotes).
const ITEM = /^@([a-z0-9]+(?:-[a-z0-9]+)*)\s*(?:,\s*(.*))?$/s;
const QUOTED = /^(?:(.*?),\s*)?["“]((?:[^"”\\]|\\.)+)["”]\s*$/s;

/** Splits a group's inside on `;` outside quotation marks. */
function splitItems(inside: string): string[] {
  const items: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < inside.length; i++) {
    const c = inside[i];
    if (c === '\\') i++;
    else if (c === '"' || c === '“' || c === '”') quoted = c === '”' ? false : c === '“' ? true : !quoted;
    else if (c === ';' && !quoted) {
      items.push(inside.slice(start, i));
      start = i + 1;
    }
  }
  items.push(inside.slice(start));
  return items.map((item) => item.trim());
}

/** Removes the escapes an author may write inside a quoted passage. */
function unescape(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}

/** The citation an item of a group means, or the reason it is malformed. */
export function parseCitationItem(item: string): Citation | { error: string } {
  const match = ITEM.exec(item);
  if (!match) {
    return { error: `"${item}" is not a citation: write @source-id, optionally followed by , locator and , "quote"` };
  }
  const [, slug = '', rest] = match;
  const source = parseSourceId(slug);
  if (source === undefined) return { error: `"${slug}" is not a source id: lowercase words joined by hyphens` };
  if (rest === undefined || rest.trim() === '') return { source };
  const quoted = QUOTED.exec(rest);
  if (quoted) {
    const locator = quoted[1]?.trim();
    const quote = unescape(quoted[2] ?? '').trim();
    return { source, quote, ...(locator ? { locator } : {}) };
  }
  if (/["“”]/.test(rest)) {
    return { error: `the quotation in "${item}" is not closed, or text follows it: put the quote last, in "…"` };
  }
  return { source, locator: rest.trim() };
}

/** A malformed inline citation, for the checker. */
export interface InlineCitationError {
  /** Offset of the group in the text. */
  index: number;
  /** The group as written. */
  raw: string;
  /** What is wrong. */
  message: string;
  /** How to put it right, when it is not the checker's usual advice on the citation's form. */
  fix?: string;
}

/** The advice for a citation that does not close on the line it opens on. */
export const ONE_LINE_FIX = 'keep a citation on one line, plain text from [@ to ], e.g. [@source-id, locator]';

/**
 * Every `[@` that is not closed by a `]` on its own line: a citation split over a line break (a soft
 * break keeps both lines in one text; a hard break, or markup inside, ends the text before the `]`).
 * Neither the renderer nor the inline pattern reads those, so the page would show `[@…` as it is.
 * Per line, only a `[@` after the line's last `]` is open, so one pass over the text finds each.
 */
function unclosedCitations(text: string): InlineCitationError[] {
  const errors: InlineCitationError[] = [];
  const lastClose = text.lastIndexOf(']');
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(start, end);
    const open = line.indexOf('[@', line.lastIndexOf(']') + 1);
    if (open !== -1) {
      const raw = line.slice(open);
      const split = newline !== -1 && lastClose > newline;
      errors.push({
        index: start + open,
        raw,
        message: split
          ? 'this citation is split over a line break, so it would show as raw text'
          : 'this citation is not closed on its line (or markup cuts it), so it would show as raw text',
        fix: `${ONE_LINE_FIX}; a literal [@ goes in code, \`[@\``,
      });
    }
    if (newline === -1) break;
    start = newline + 1;
  }
  return errors;
}

/** Every inline citation group in a text, in order, with the malformed ones apart. */
export function findInlineCitations(text: string): { found: InlineCitation[]; errors: InlineCitationError[] } {
  const found: InlineCitation[] = [];
  const errors: InlineCitationError[] = [];
  if (!text.includes('[@')) return { found, errors };
  errors.push(...unclosedCitations(text));
  for (const match of text.matchAll(INLINE_CITATION)) {
    const [raw, inside = ''] = match;
    const citations: Citation[] = [];
    for (const item of splitItems(inside)) {
      const parsed = parseCitationItem(item);
      if ('error' in parsed) errors.push({ index: match.index, raw, message: parsed.error });
      else citations.push(parsed);
    }
    if (citations.length > 0 && citations.length === splitItems(inside).length) {
      found.push({ citations, index: match.index, raw });
    }
  }
  errors.sort((a, b) => a.index - b.index);
  return { found, errors };
}

/** A run of text, or an inline citation group, in the order they appear. */
export type CitationPiece = { kind: 'text'; text: string } | { kind: 'citation'; group: InlineCitation };

/** Splits a text into plain runs and well-formed inline citation groups. */
export function splitInlineCitations(text: string): CitationPiece[] {
  const pieces: CitationPiece[] = [];
  let cursor = 0;
  for (const group of findInlineCitations(text).found) {
    if (group.index > cursor) pieces.push({ kind: 'text', text: text.slice(cursor, group.index) });
    pieces.push({ kind: 'citation', group });
    cursor = group.index + group.raw.length;
  }
  if (cursor < text.length) pieces.push({ kind: 'text', text: text.slice(cursor) });
  return pieces;
}
