import { drawWikilink, splitWikilinks, type DrawnWikilink, type WikilinkTarget } from './wikilinks.ts';
import { splitHanziRuns, type ScriptRun } from './hanzi.ts';

/**
 * Short texts from frontmatter (relationship notes, event texts, aliases) rendered inline: wikilinks
 * become links, hanzi runs are marked zh — the same treatment bodies get from the Markdown pipeline.
 */

/** A piece of inline text: plain runs, or a drawn wikilink whose label is itself split into runs. */
export type InlinePiece =
  { kind: 'text'; runs: ScriptRun[] } | { kind: 'wikilink'; link: DrawnWikilink; runs: ScriptRun[] };

/** Splits a short text into pieces ready to render. */
export function inlinePieces(text: string, lookup: (id: string) => WikilinkTarget | undefined): InlinePiece[] {
  return splitWikilinks(text).map((piece) => {
    if (piece.kind === 'text') return { kind: 'text', runs: splitHanziRuns(piece.text) };
    const link = drawWikilink(piece.link, lookup);
    return { kind: 'wikilink', link, runs: splitHanziRuns(link.label) };
  });
}
