import { sourceIdsOf, type Citation } from './citations.ts';

/**
 * Numbered citation marks: how a page numbers the sources it cites, and the fragment ids of the
 * marks, shared by the Markdown step that renders inline citations in bodies and the components
 * that render the page's other marks and its source list.
 *
 * A page numbers its sources by first citation in page order (`CaseModel.citationsOf`): the entry's
 * own sources, its disputes', then its body's inline citations, then aliases, relationships and
 * events. Everything up to the body lives in the entry's own file, so the numbers the Markdown step
 * reads from the checked case change only when that file does, and a cached render stays right.
 */

/** Numbers source ids by first appearance across lists of citations, from 1. */
export function numberSources(lists: Iterable<readonly Citation[]>): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const list of lists) {
    for (const id of sourceIdsOf(list)) if (!numbers.has(id)) numbers.set(id, numbers.size + 1);
  }
  return numbers;
}

/** The fragment id of the `occurrence`-th (from 1) inline mark citing a source in a body. */
export function citationMarkId(sourceId: string, occurrence: number): string {
  return occurrence === 1 ? `cite-${sourceId}` : `cite-${sourceId}-${occurrence}`;
}

/** The fragment id of a source's entry in the page's numbered source list. */
export function sourceEntryId(number: number): string {
  return `source-${number}`;
}

/** One mark of a group: the number it shows and what it cites. */
export interface CitationMark {
  /** The page's number for the source. */
  n: number;
  /** The citation. */
  citation: Citation;
}

/**
 * The marks of a group of citations, in number order; a source cited twice in one group is marked
 * once, with the first passage given. Citations of sources the page does not number are left out.
 */
export function marksOf(citations: readonly Citation[], numbers: ReadonlyMap<string, number>): CitationMark[] {
  const marks = new Map<string, CitationMark>();
  for (const citation of citations) {
    const n = numbers.get(citation.source);
    if (n !== undefined && !marks.has(citation.source)) marks.set(citation.source, { n, citation });
  }
  return [...marks.values()].sort((a, b) => a.n - b.n);
}

/** A place on a page that cites sources, with the fragment id a reader can be sent back to. */
export interface CitingPlace {
  /** Fragment id of the place (a relationship's row, an event, a mark in the body). */
  anchor: string;
  /** What it cites. */
  citations: readonly Citation[];
}

/**
 * Where each entry of the source list sends a reader back to when no script remembers the mark
 * they came from: the first place on the page, in page order, that cites the source.
 */
export function firstCitingAnchors(places: Iterable<CitingPlace>): Map<string, string> {
  const anchors = new Map<string, string>();
  for (const place of places) {
    for (const id of sourceIdsOf(place.citations)) if (!anchors.has(id)) anchors.set(id, place.anchor);
  }
  return anchors;
}

/** The body's places: the first inline mark of each source it cites. */
export function bodyPlaces(bodyCitations: readonly Citation[]): CitingPlace[] {
  return sourceIdsOf(bodyCitations).map((id) => ({ anchor: citationMarkId(id, 1), citations: [{ source: id }] }));
}
