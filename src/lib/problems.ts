/**
 * Problems an author can cause, collected across the whole case and reported together, each naming
 * the file, the field and the fix.
 */

/** One thing wrong with the content. */
export interface CaseProblem {
  /** Path of the file, relative to the project root (or as given). */
  file: string;
  /** The field, as a path such as `links[2].to`, or `body`. */
  field: string;
  /** 1-based line in the file, when known. */
  line?: number | undefined;
  /** What is wrong. */
  message: string;
  /** How to fix it, e.g. 'did you mean "companies/huaying-haitai"?'. */
  fix?: string | undefined;
}

/** Formats a field path as `links[2].to`. */
export function formatFieldPath(pathToField: readonly PropertyKey[]): string {
  let out = '';
  for (const key of pathToField) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out || '(frontmatter)';
}

/** Formats one problem as `file:line  field: message (fix)`. */
export function formatProblem(problem: CaseProblem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  const fix = problem.fix === undefined ? '' : `\n      fix: ${problem.fix}`;
  return `  ${where}\n    ${problem.field}: ${problem.message}${fix}`;
}

/** Orders problems by file, then line, then field, so reports are stable and easy to walk. */
export function sortProblems(problems: readonly CaseProblem[]): CaseProblem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      a.field.localeCompare(b.field) ||
      a.message.localeCompare(b.message),
  );
}

/** Formats a list of problems as one readable report. */
export function formatProblems(problems: readonly CaseProblem[]): string {
  const sorted = sortProblems(problems);
  const files = new Set(sorted.map((p) => p.file)).size;
  const heading = `casefile: ${sorted.length} problem${sorted.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}; nothing was built.`;
  return [heading, ...sorted.map(formatProblem)].join('\n');
}

/** Thrown when the case has problems; carries them all. */
export class CaseError extends Error {
  /** Every problem found. */
  readonly problems: readonly CaseProblem[];

  constructor(problems: readonly CaseProblem[], options?: ErrorOptions) {
    super(formatProblems(problems), options);
    this.name = 'CaseError';
    this.problems = sortProblems(problems);
  }
}
