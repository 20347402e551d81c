import { splitWikilinks } from './wikilinks.ts';
import { splitHanziRuns, type ScriptRun } from './hanzi.ts';
import { entryPath } from './paths.ts';

/**
 * Short texts from frontmatter (relationship notes, event texts, aliases) rendered inline: wikilinks
 * become links, hanzi runs are marked zh — the same treatment bodies get from the Markdown pipeline.
 */

/** What an inline wikilink needs to know of its target. */
export interface InlineTarget {
  /** Display name. */
  name: string;
  /** Collection key. */
  collection: string;
}

/** A piece of inline text: plain runs, or a link whose label is itself split into runs. */
export type InlinePiece =
  | { kind: 'text'; runs: ScriptRun[] }
  | { kind: 'link'; path: string; collection: string; runs: ScriptRun[] }
  | { kind: 'broken'; runs: ScriptRun[]; target: string };

/** Splits a short text into pieces ready to render. */
export function inlinePieces(text: string, lookup: (id: string) => InlineTarget | undefined): InlinePiece[] {
  return splitWikilinks(text).map((piece) => {
    if (piece.kind === 'text') return { kind: 'text', runs: splitHanziRuns(piece.text) };
    const target = lookup(piece.link.target);
    const label = piece.link.label ?? target?.name ?? piece.link.target;
    if (!target) return { kind: 'broken', runs: splitHanziRuns(label), target: piece.link.target };
    return {
      kind: 'link',
      path: entryPath(piece.link.target),
      collection: target.collection,
      runs: splitHanziRuns(label),
    };
  });
}
