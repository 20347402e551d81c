/**
 * Which entry pages this build renders, for the `getStaticPaths` of the entry routes. The plan is
 * made by the incremental build (src/integrations/incremental-build.ts) when the build starts, in
 * the module graph of the config; the pages run in another module graph of the same process, so
 * the plan sits on the global object, as the checked case does (src/reader/session.ts).
 */

/**
 * The routes whose files a rebuild may keep: dossiers (src/pages/[type]/[slug].astro), source pages,
 * the pages of the table that mirrors the graph (src/pages/graph/table/[page].astro, by page
 * number), each entity's JSON record, a data file (src/site/data-files.ts) that shows what its
 * dossier shows, less the body, and the other data files (`data`, by site path without its leading
 * slash: the STIX bundles and the whole case's files), kept together while the case without its
 * bodies is unchanged (src/integrations/case-data-digest.ts).
 */
export type EntryRoute = 'dossier' | 'source' | 'table' | 'record' | 'data';

/** The built file of an entry's page of a route, relative to the output folder. */
export function routeFile(route: EntryRoute, id: string): string {
  switch (route) {
    case 'dossier':
    case 'source':
      return `${id}/index.html`;
    case 'table':
      return `graph/table/${id}/index.html`;
    case 'record':
      return `${id}.json`;
    case 'data':
      return id;
    default:
      return route satisfies never;
  }
}

/** The pages a build keeps from the previous output, as `route:id` keys. */
export interface RebuildPlan {
  /** Pages not rendered again: their previous output is carried over. */
  kept: ReadonlySet<string>;
}

declare global {
  /** The rebuild plan of this process's build, if it keeps any page. */
  var casefileRebuildPlan: RebuildPlan | undefined;
}

/** The key of one entry's page of one route. */
export function pageKey(route: EntryRoute, id: string): string {
  return `${route}:${id}`;
}

/** The entries whose page of `route` this build renders: all, unless a rebuild keeps some. */
export function entriesToRender<E extends { id: string }>(route: EntryRoute, entries: readonly E[]): E[] {
  const kept = globalThis.casefileRebuildPlan?.kept;
  return kept ? entries.filter((entry) => !kept.has(pageKey(route, entry.id))) : [...entries];
}

/** The numbers (from 1) of the graph table's pages this build renders, of `count`. */
export function tablePagesToRender(count: number): number[] {
  const kept = globalThis.casefileRebuildPlan?.kept;
  const numbers = Array.from({ length: count }, (_, i) => i + 1);
  return kept ? numbers.filter((page) => !kept.has(pageKey('table', String(page)))) : numbers;
}
