/**
 * Partial dates as investigations know them: a year, a month or a day (YYYY, YYYY-MM, YYYY-MM-DD).
 * They sort, compare and print without pretending to more precision than the source gives.
 */

/** A validated partial date string. */
export type PartialDate = string & { readonly __partialDate: unique symbol };

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** Days in a month of a year, February aware of leap years. */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; returns undefined when the text is not a real calendar date. */
export function parsePartialDate(text: string): PartialDate | undefined {
  const match = PARTIAL_DATE.exec(text.trim());
  if (!match) return undefined;
  const [, y, m, d] = match;
  const year = Number(y);
  if (m !== undefined) {
    const month = Number(m);
    if (month < 1 || month > 12) return undefined;
    if (d !== undefined) {
      const day = Number(d);
      if (day < 1 || day > daysInMonth(year, month)) return undefined;
    }
  }
  return text.trim() as PartialDate;
}

/**
 * Normalises what YAML may hand over for a date: a string, a bare year (a number), or a Date
 * (some YAML parsers turn 2018-08-30 into one). Returns the text form, or undefined.
 */
export function coercePartialDate(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  return undefined;
}

/** How precise a partial date is. */
export function datePrecision(date: PartialDate): 'year' | 'month' | 'day' {
  const parts = date.split('-').length;
  return parts === 1 ? 'year' : parts === 2 ? 'month' : 'day';
}

/** Orders partial dates chronologically; a year sorts before its months, a month before its days. */
export function comparePartialDates(a: PartialDate, b: PartialDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Human form in English: "2018", "August 2018", "30 August 2018". */
export function formatPartialDate(date: PartialDate): string {
  const [y, m, d] = date.split('-');
  if (m === undefined) return String(y);
  const month = MONTHS[Number(m) - 1] ?? m;
  return d === undefined ? `${month} ${y}` : `${Number(d)} ${month} ${y}`;
}

/** The first instant the partial date covers, as an ISO timestamp (for feeds and STIX). */
export function partialDateStart(date: PartialDate): string {
  const [y, m = '01', d = '01'] = date.split('-');
  return `${y}-${m}-${d}T00:00:00.000Z`;
}
