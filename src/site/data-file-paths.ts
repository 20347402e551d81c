import type { CaseModel } from '../lib/case.ts';
import { hasEntityBundles } from './exports.ts';

/**
 * Where the site's data files go (src/site/data-files.ts makes them), kept apart from the code that
 * makes them so that the incremental build (src/integrations/incremental-build.ts) can name them
 * without loading it.
 */

/** The files made from the whole case, in the order they are made. */
export const CASE_FILES = [
  '/exports/case.json',
  '/exports/sources.json',
  '/exports/case.stix.json',
  '/exports/evidence.csv',
  '/exports/graph.gexf',
  '/exports/graph.graphml',
  '/graph.json',
  '/graph/evidence.json',
  '/map.json',
] as const;

/** One of the files made from the whole case. */
export type CaseFile = (typeof CASE_FILES)[number];

/** Site path of an entity's JSON record, e.g. `/people/gao-qiang.json`. */
export function recordPath(id: string): string {
  return `/${id}.json`;
}

/** Site path of an entity's STIX bundle. */
export function bundlePath(id: string): string {
  return `/${id}.stix.json`;
}

/**
 * Every data file but the JSON records: the STIX bundles (where the site has them) and the files
 * made from the whole case. Each reads more of the case than one entity's neighbourhood, and none
 * shows a body (src/integrations/case-data-digest.ts).
 */
export function caseDataPaths(model: CaseModel): string[] {
  const bundles = hasEntityBundles(model) ? model.entities.map((entity) => bundlePath(entity.id)) : [];
  return [...bundles, ...CASE_FILES];
}
