import path from 'node:path';
import { checkCaseFolder } from '../reader/read-case.ts';
import { formatProblems } from '../lib/problems.ts';
import { CONTENT_ROOT } from '../content-root.ts';

/**
 * `npm run check:content [folder] [--drafts]`: every content check of the build, in a second,
 * without building. Exits 1 and lists the problems when there are any.
 */
const args = process.argv.slice(2);
const includeDrafts = args.includes('--drafts');
const root = path.resolve(args.find((arg) => !arg.startsWith('--')) ?? CONTENT_ROOT);
const started = performance.now();
const { model, problems } = checkCaseFolder(root, { includeDrafts });
const ms = Math.round(performance.now() - started);
if (problems.length > 0) {
  console.error(formatProblems(problems));
  process.exit(1);
}
console.log(
  `${path.relative(process.cwd(), root) || '.'}: ${model.entities.length} entities, ${model.relations.length} relationships, ` +
    `${model.reports.length} reports, ${model.sources.length} sources; no problems (${ms} ms)`,
);
