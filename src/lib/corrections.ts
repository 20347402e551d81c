import type { CaseEntry, CaseModel } from './case.ts';
import type { Citation } from './citations.ts';
import type { PartialDate } from './dates.ts';
import { entryPath } from './paths.ts';

/**
 * Corrections: what was put right in a published entry, when, and on what evidence. Each entry shows
 * its own under a heading of their own; the site lists them all, newest first, on /corrections/ and
 * in the corrections feed; an entry's "last updated" date is its `updated` or its latest correction.
 */

/** One correction as it is listed. */
export interface CorrectionRecord {
  /** The corrected entry, `type/slug`. */
  entryId: string;
  /** Its name or title. */
  name: string;
  /** Site path of the corrected entry (without base). */
  path: string;
  /** Fragment id of the correction on the entry's page. */
  anchor: string;
  /** When it was made. */
  date: PartialDate;
  /** What was corrected. */
  text: string;
  /** Citations for the corrected version. */
  sources: Citation[];
}

/** An entry's corrections as written, or none for a source. */
function correctionsOfEntry(entry: CaseEntry): { date: PartialDate; text: string; sources: Citation[] }[] {
  return entry.kind === 'source' ? [] : entry.data.corrections;
}

/** The fragment id of an entry's `index`-th correction (from 0, as written). */
export function correctionAnchor(index: number): string {
  return `correction-${index + 1}`;
}

/** An entry's corrections, newest first, each with its anchor. */
export function correctionsOf(entry: CaseEntry): CorrectionRecord[] {
  return correctionsOfEntry(entry)
    .map((correction, i) => ({
      entryId: entry.id,
      name: entry.name,
      path: entryPath(entry.id),
      anchor: correctionAnchor(i),
      date: correction.date,
      text: correction.text,
      sources: correction.sources,
    }))
    .sort((a, b) => b.date.localeCompare(a.date) || a.anchor.localeCompare(b.anchor));
}

/** Every correction of the published case, newest first, then by entry. */
export function caseCorrections(model: CaseModel): CorrectionRecord[] {
  return [...model.entries.values()]
    .flatMap(correctionsOf)
    .sort(
      (a, b) => b.date.localeCompare(a.date) || a.entryId.localeCompare(b.entryId) || a.anchor.localeCompare(b.anchor),
    );
}

/** When an entry was last revised: its `updated` date or its latest correction, whichever is later. */
export function lastUpdated(entry: CaseEntry): PartialDate | undefined {
  if (entry.kind === 'source') return undefined;
  const dates = [entry.data.updated, ...entry.data.corrections.map((correction) => correction.date)].filter(
    (date): date is PartialDate => date !== undefined,
  );
  return dates.sort().at(-1);
}
