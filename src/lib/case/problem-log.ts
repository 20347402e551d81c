import type { CaseProblem } from '../problems.ts';
import type { AnyCaseInput, FieldPath } from './types.ts';

/** Collects the problems of one build of the case, each located in its file. */
export class ProblemLog {
  /** Every problem so far, in the order found. */
  readonly problems: CaseProblem[] = [];

  /** Records a problem of a field of an input; the line is found from the path unless given. */
  add(input: AnyCaseInput, path: FieldPath, field: string, message: string, fix?: string, line?: number): void {
    this.problems.push({ file: input.file, field, line: line ?? input.locate?.(path), message, fix });
  }
}
