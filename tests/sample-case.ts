import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Whether `content/` holds the sample case, so that `npm test` runs the sample's own tests (its
 * facts, figures and pages: tests/unit/sample-*.test.ts, tests/e2e/sample/) only then, and a fork
 * that replaces content/ with its own case passes `npm test` unchanged.
 *
 * The signal is the sample's own entries, not a marker: a marker file would travel with a fork that
 * starts from a copy of content/ and rewrites it, and its author would face tests about GAO Qiang.
 * These five dossiers and sources are what the sample case's tests are about; a case without any
 * of them is another case. A case that keeps all five is the sample, perhaps extended, and is held
 * to the sample's tests. Some but not all is a case in the making: its own, and said so.
 */

const ROOT = path.resolve(import.meta.dirname, '..');

/** The entries that make content/ the sample case (paths inside the content folder). */
export const SAMPLE_ENTRIES = [
  'actors/stone-panda.md',
  'people/gao-qiang.md',
  'people/zhang-shilong.md',
  'reports/the-tianjin-bureau.mdx',
  'sources/crowdstrike-2018-two-birds.md',
] as const;

/** True when the content folder (default: the project's content/) holds every sample entry. */
export function hasSampleCase(content = path.join(ROOT, 'content')): boolean {
  return SAMPLE_ENTRIES.every((entry) => existsSync(path.join(content, entry)));
}

/** The line `npm test` prints when it leaves the sample's tests out. */
export const SAMPLE_SKIPPED =
  'content/ is not the sample case (it lacks ' +
  SAMPLE_ENTRIES.join(', ') +
  '): the sample case’s own tests are left out; the engine’s tests run on the fixture cases and on content/.';
