import type { CaseModel } from './model.ts';
import type { ProblemLog } from './problem-log.ts';
import type { AnyCaseInput } from './types.ts';

/**
 * Rules judged on the built model rather than one file: every entity rests on a source, and readers
 * can reach every entity from some other page.
 */

/** What the whole-case rules need besides the model. */
export interface WholeCaseContext {
  /** Every file by id. */
  all: ReadonlyMap<string, AnyCaseInput>;
  /** Entities at an end of a broken reference: spared, as the rules would repeat that mistake. */
  brokenEnds: ReadonlySet<string>;
  /** Whether every file parsed: a file that failed validation could hold any links. */
  complete: boolean;
}

/** Checks the rules that need the whole case. */
export function checkWholeCase(model: CaseModel, context: WholeCaseContext, log: ProblemLog): void {
  for (const entity of model.entities) {
    const input = context.all.get(entity.id);
    if (!input || context.brokenEnds.has(entity.id)) continue;
    if (model.citationsOf(entity.id).length === 0) {
      log.add(input, ['sources'], 'sources', 'the entry cites no source', 'add sources: [source-id] or a sourced link');
    }
    const reachable = model.relationViews(entity.id).length > 0 || model.mentionedIn(entity.id).length > 0;
    if (!reachable && context.complete) {
      log.add(
        input,
        ['links'],
        'links',
        'nothing links to this entity and it links to nothing: readers cannot reach it',
        'add a link to or from another entity, or mention it with a wikilink in a report',
      );
    }
  }
}
