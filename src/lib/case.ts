/**
 * The case model, from one door: the shapes (case/types.ts), the model pages read (case/model.ts)
 * and the build that checks every rule (case/build.ts, which calls one file per family of checks).
 */
export type * from './case/types.ts';
export { CaseModel, type CaseParts } from './case/model.ts';
export { buildCase, loadCase } from './case/build.ts';
