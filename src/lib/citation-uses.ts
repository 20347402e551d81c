import { formatPartialDate } from './dates.ts';
import { RELATIONS } from './schema/relations.ts';
import type { CitationUse } from './case.ts';

/**
 * The default wording of what a citation supports, for a source's page: "the entry as a whole",
 * "the alias 张世龙", "works for Huaying Haitai". Pages may word it their own way from the same data.
 */

/** Words for one use of a source; `nameOf` names the other end of a relationship. */
export function describeUse(use: CitationUse, nameOf: (id: string) => string): string {
  switch (use.kind) {
    case 'entry':
      return 'the entry as a whole';
    case 'text':
      return 'the text';
    case 'alias':
      return `the alias ${use.alias}`;
    case 'relationship':
      return `${RELATIONS[use.relation.rel].forward} ${nameOf(use.relation.to)}`;
    case 'event':
      return `the event of ${formatPartialDate(use.date)}`;
    case 'dispute':
      return `${use.about}: ${use.claim}`;
  }
}
