import { stringify } from 'csv-stringify/sync';
import type { CaseModel } from './case.ts';
import { relationEvidence } from './evidence.ts';
import { RELATIONS } from './schema/relations.ts';

/**
 * /exports/evidence.csv: the whole case's evidence, one row per relationship and cited source, with
 * the grade and the passage quoted. Written with csv-stringify (RFC 4180: fields quoted when they
 * hold a comma, a quote or a line break, quotes doubled, CRLF line ends), so spreadsheets read
 * notes and passages with commas, quotes, line breaks and hanzi as one field each.
 */

/** The columns, in order. */
export const EVIDENCE_COLUMNS = [
  'relationship',
  'from_id',
  'from_name',
  'relation',
  'to_id',
  'to_name',
  'grade',
  'grade_meaning',
  'note',
  'since',
  'until',
  'source_id',
  'source_title',
  'source_publisher',
  'source_date',
  'source_url',
  'source_archived_url',
  'locator',
  'quote',
] as const;

/** The rows of the file (without the header), relationships in the case's order, sources as cited. */
export function evidenceRows(model: CaseModel): string[][] {
  const rows: string[][] = [];
  for (const relation of model.relations) {
    const evidence = relationEvidence(model, relation);
    const common = [
      evidence.key,
      evidence.from.id,
      evidence.from.name,
      RELATIONS[evidence.rel].forward,
      evidence.to.id,
      evidence.to.name,
      evidence.confidence,
      evidence.confidenceMeaning,
      evidence.note ?? '',
      evidence.since ?? '',
      evidence.until ?? '',
    ];
    for (const source of evidence.sources) {
      rows.push([
        ...common,
        source.id,
        source.title,
        source.publisher,
        source.date ?? '',
        source.url ?? '',
        source.archivedUrl ?? '',
        source.locator ?? '',
        source.quote ?? '',
      ]);
    }
  }
  return rows;
}

/** How a field that a spreadsheet would run as a formula begins (OWASP's list for CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A field as a spreadsheet may be given it: one that would start a formula (a note or a quoted
 * passage beginning `=HYPERLINK(…)`, or `@SUM(…)`) gets an apostrophe in front, which spreadsheets
 * read as "text" and show without it, so opening the file runs nothing an author's sources said.
 */
export function spreadsheetSafe(field: string): string {
  return FORMULA_START.test(field) ? `'${field}` : field;
}

/** Rows as RFC 4180 CSV with a header line, every field spreadsheet-safe. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  // csv-stringify quotes a field holding the record delimiter (CRLF) but not a bare LF, which
  // spreadsheets also read as a new row; fields with edge spaces are quoted so they survive trimming.
  return stringify(
    [header, ...rows].map((row) => row.map(spreadsheetSafe)),
    { record_delimiter: 'windows', quoted_match: /[\r\n]|^\s|\s$/ },
  );
}

/** The whole file. */
export function evidenceCsv(model: CaseModel): string {
  return toCsv(EVIDENCE_COLUMNS, evidenceRows(model));
}
