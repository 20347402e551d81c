import { formatFieldPath } from '../problems.ts';
import type { ProblemLog } from './problem-log.ts';
import type { AnyCaseInput } from './types.ts';

/**
 * Dates in the future: a report dated 2999 would head the feed for ever, and a fact cannot have been
 * found before it happened. Only an event marked `planned` (a hearing, an announced sanction) may
 * lie ahead.
 */

/** The fields that hold dates, wherever they sit in an entry. */
const DATE_FIELDS = new Set(['date', 'updated', 'accessed', 'first_seen', 'since', 'until']);

/** Refuses every date of an input that starts after `today` (YYYY-MM-DD). */
export function checkDates(input: AnyCaseInput, today: string, log: ProblemLog): void {
  // A partial date starts on its first day: 2018 on 2018-01-01, 2018-05 on 2018-05-01.
  const startOf = (date: string) => `${date}-01-01`.slice(0, 10);
  const visit = (value: unknown, path: (string | number)[]): void => {
    if (Array.isArray(value)) {
      value.forEach((item: unknown, i) => visit(item, [...path, i]));
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const planned = 'planned' in value && value.planned === true;
    for (const [key, item] of Object.entries(value)) {
      if (DATE_FIELDS.has(key) && typeof item === 'string' && !planned) {
        if (startOf(item) > today) {
          const where = [...path, key];
          log.add(
            input,
            where,
            formatFieldPath(where),
            `${item} is in the future (today is ${today})`,
            path[0] === 'events'
              ? 'correct the date, or mark an announced event with planned: true'
              : 'correct the date: nothing published can be dated after today',
          );
        }
      } else {
        visit(item, [...path, key]);
      }
    }
  };
  visit(input.data, []);
}
