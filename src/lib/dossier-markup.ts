import { hasHanzi, splitHanziRuns, type ScriptRun } from './hanzi.ts';
import type { InlinePiece } from './inline.ts';
import { entryPath, withBase } from './paths.ts';
import { escapeHtml } from './search-document.ts';
import { CONFIDENCE_INFO, type Confidence } from './schema/confidence.ts';
import type { CaseEntry } from './case.ts';
import { sourceEntryId, type CitationMark } from './citation-marks.ts';

/*
 * Markup that the dossier's long lists repeat on every row (links to entries, names with hanzi, grade
 * tags), written as strings that components insert with set:html. A component instance per link, name
 * and tag was most of what a dossier's rendering made (issue 19); the strings are escaped here.
 */

/** Text with its hanzi runs marked `lang="zh"`, escaped for HTML (what Runs.astro renders). */
export function runsHtml(text: string): string {
  return hasHanzi(text) ? scriptRunsHtml(splitHanziRuns(text)) : escapeHtml(text);
}

/** Runs of text as markup, the hanzi ones marked `lang="zh"`. */
function scriptRunsHtml(runs: readonly ScriptRun[]): string {
  return runs
    .map((run) => (run.lang ? `<span lang="${run.lang}">${escapeHtml(run.text)}</span>` : escapeHtml(run.text)))
    .join('');
}

/**
 * A short text from frontmatter (an event, a note) as markup: wikilinks as links under the base (or
 * marked broken, with why), hanzi marked, as Text.astro shows it.
 */
export function inlineHtml(pieces: readonly InlinePiece[], base: string): string {
  return pieces
    .map((piece) => {
      const runs = scriptRunsHtml(piece.runs);
      if (piece.kind === 'text') return runs;
      const link = piece.link;
      const className = escapeHtml(link.className.join(' '));
      return link.kind === 'link'
        ? `<a href="${escapeHtml(withBase(base, link.path))}" class="${className}">${runs}</a>`
        : `<em class="${className}" title="${escapeHtml(link.title)}">${runs}</em>`;
    })
    .join('');
}

/**
 * The markup of a link to an entry's page: its name (hanzi marked), then its native name when it has
 * one that differs. The type marker is the link's ::before (markers.css, types.css).
 */
export function entityLinkHtml(entry: CaseEntry, base: string, showNative = true): string {
  const native = entry.kind === 'entity' && showNative && entry.native !== entry.name ? entry.native : undefined;
  const lang = entry.kind === 'entity' && entry.nativeLang ? ` lang="${escapeHtml(entry.nativeLang)}"` : '';
  const nativeHtml = native ? `<span class="native"${lang}>${escapeHtml(native)}</span>` : '';
  return (
    `<a class="entity-link type-${entry.type}" href="${escapeHtml(withBase(base, entryPath(entry.id)))}">` +
    `${runsHtml(entry.name)}${nativeHtml}</a>`
  );
}

/**
 * A confidence grade as a tag, told by the word, the weight and the shape, never by colour alone
 * (styled in global.css); `titled` adds the grade's meaning as a tooltip where the page does not
 * already say it beside the tag.
 */
export function gradeTagHtml(level: Confidence, titled: boolean): string {
  const info = CONFIDENCE_INFO[level];
  const title = titled ? ` title="${escapeHtml(info.meaning)}"` : '';
  return `<span class="grade-tag grade-${level}"${title}>${escapeHtml(info.label)}</span>`;
}

/**
 * Citation marks as markup: a superscript link per source to the page's source list, carrying the
 * passage and locator for the preview (what the Markdown step writes for inline citations); empty
 * when there are none.
 */
export function citeMarksHtml(marks: readonly CitationMark[]): string {
  if (marks.length === 0) return '';
  const links = marks.map(({ n, citation }) => {
    const quote = citation.quote === undefined ? '' : ` data-quote="${escapeHtml(citation.quote)}"`;
    const locator = citation.locator === undefined ? '' : ` data-locator="${escapeHtml(citation.locator)}"`;
    return `<a class="cite-mark" href="#${sourceEntryId(n)}" aria-label="source ${n}"${quote}${locator}>${n}</a>`;
  });
  return `<sup class="cite">${links.join('<span class="sep">,</span>')}</sup>`;
}
