import { CaseError } from '../problems.ts';
import { SLUG_PATTERN } from '../schema/fields.ts';
import { inputId, toEntry } from './entries.ts';
import { CaseModel } from './model.ts';
import { ProblemLog } from './problem-log.ts';
import { collectRedirects } from './redirects.ts';
import { References } from './references.ts';
import { RelationChecker } from './check-relations.ts';
import { checkProse } from './check-prose.ts';
import { indicatorCheck, type IndicatorCheck } from './check-indicators.ts';
import { checkWholeCase } from './check-whole-case.ts';
import { checkLineage } from './check-lineage.ts';
import { checkDates } from './check-dates.ts';
import { checkCorrections, checkFrontPage } from '../front-page.ts';
import type { CaseProblem } from '../problems.ts';
import type { AnyCaseInput, BuildOptions, BuildResult } from './types.ts';

/**
 * The problems of the checks that read one file alone (its dates against today, its texts against
 * the case's indicators), kept per parsed input with what else they read: under `astro dev` an
 * unchanged file keeps its parse, so checking the case again after an edit looks in that file only.
 */
const alone = new WeakMap<
  AnyCaseInput,
  { today: string | undefined; indicators: IndicatorCheck; problems: CaseProblem[] }
>();

/** Checks an input's dates and indicators into the log, or logs what the same checks found in it last time. */
function checkAlone(input: AnyCaseInput, today: string | undefined, indicators: IndicatorCheck, log: ProblemLog): void {
  const kept = alone.get(input);
  if (kept !== undefined && kept.today === today && kept.indicators === indicators) {
    log.problems.push(...kept.problems);
    return;
  }
  const own = new ProblemLog();
  indicators.check(input, own);
  if (today !== undefined) checkDates(input, today, own);
  alone.set(input, { today, indicators, problems: own.problems });
  log.problems.push(...own.problems);
}

/**
 * Builds the case model from parsed inputs, checking every reference, and returns it together with
 * every problem found; `loadCase` is the strict form that throws.
 */
export function buildCase(inputs: readonly AnyCaseInput[], options: BuildOptions): BuildResult {
  const log = new ProblemLog();
  // Every file, drafts included, so references to drafts can be told from references to nothing.
  const all = new Map<string, AnyCaseInput>();
  for (const input of inputs) {
    const id = inputId(input);
    if (!SLUG_PATTERN.test(input.slug)) {
      log.add(
        input,
        [],
        'file name',
        `"${input.slug}" is not a valid slug`,
        'rename the file to lowercase words joined by hyphens, e.g. gao-qiang.md',
      );
    }
    const existing = all.get(id);
    if (existing) {
      log.add(
        input,
        [],
        'file name',
        `duplicate slug: ${existing.file} already defines ${id}`,
        'rename one of the two files',
      );
      continue;
    }
    all.set(id, input);
  }
  const included = (input: AnyCaseInput) => options.includeDrafts || !input.data.draft;
  const unparsed = new Set(options.unparsed ?? []);
  // Redirects first, so a reference to an old slug can say where the entry went.
  const { index: renamed, redirects } = collectRedirects(all, included, log);
  const refs = new References(all, unparsed, renamed, included, log);
  const relations = new RelationChecker(refs, log);
  const indicators = indicatorCheck(all.values());

  const entries = [];
  const mentions = new Map<string, string[]>();
  for (const input of all.values()) {
    if (!included(input)) continue;
    relations.check(input);
    const prose = checkProse(input, refs, log);
    if (prose.mentions.length > 0) mentions.set(inputId(input), prose.mentions);
    checkAlone(input, options.today, indicators, log);
    entries.push(toEntry(input, prose.bodyCitations));
  }
  checkLineage(relations.relations, all, log);
  const model = new CaseModel(entries, relations.relations, mentions, redirects);
  checkWholeCase(model, { all, brokenEnds: refs.brokenEnds, complete: unparsed.size === 0 }, log);
  // The front page's findings and the corrections' sources, checked like every other reference.
  log.problems.push(...checkFrontPage(model), ...checkCorrections(model));
  return { model, problems: log.problems };
}

/** Builds the case model and throws a CaseError listing every problem, if there are any. */
export function loadCase(inputs: readonly AnyCaseInput[], options: BuildOptions): CaseModel {
  const { model, problems } = buildCase(inputs, options);
  if (problems.length > 0) throw new CaseError(problems);
  return model;
}
