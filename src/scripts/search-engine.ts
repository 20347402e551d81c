import * as z from 'zod/mini';
import { indexQuery } from '../lib/search-text.ts';
import { SEARCH_META_WEIGHTS } from '../lib/search-meta.ts';
import { keepPhraseMatches, rankByName, searchResultData, toHit, type SearchHit } from '../lib/search-results.ts';
import { matchNames, prepareName, type NameMatch, type PreparedName } from '../lib/name-match.ts';
import { queryShards, readNameShard, type NameEntry } from '../lib/name-index.ts';

/**
 * The site's search in the browser: entity names from the site's own name index (small files, one
 * per first letter, see src/lib/search-names.ts), full text from Pagefind (loaded on first use,
 * hanzi queries turned into phrase searches, results ordered so a name finds its own dossier first).
 */

/** One result handle as Pagefind returns it. */
export interface PagefindResult {
  id: string;
  data: () => Promise<unknown>;
}

/** The parts of Pagefind's module the site uses. */
interface PagefindModule {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (term: string, options?: { filters?: Record<string, string[]> }) => Promise<unknown>;
  filters: () => Promise<unknown>;
}

const searchResponse = z.object({
  results: z.array(z.object({ id: z.string() })),
  totalFilters: z.optional(z.record(z.string(), z.record(z.string(), z.number()))),
});

/** What a full-text search returns: every matching page, not loaded yet, and counts per type. */
export interface TextOutcome {
  /** The matching pages, best first (load them with `loadHits`). */
  results: PagefindResult[];
  /** Matches per type for the query, ignoring the type filter; empty until `loadTypeCounts` ran. */
  typeCounts: Record<string, number>;
}

const withSlash = (base: string) => (base.endsWith('/') ? base : `${base}/`);

let loading: Promise<PagefindModule> | undefined;

/** Loads Pagefind from the site (once). Fails under `astro dev`, where no index exists. */
export function loadPagefind(base: string): Promise<PagefindModule> {
  loading ??= (async () => {
    const module = (await import(/* @vite-ignore */ `${withSlash(base)}pagefind/pagefind.js`)) as PagefindModule;
    await module.options({
      baseUrl: base,
      excerptLength: 22,
      // Searching a few thousand pages takes milliseconds: a worker would cost a 12 KB download and
      // a second copy of the index for nothing a reader could notice.
      noWorker: true,
      ranking: { metaWeights: SEARCH_META_WEIGHTS, pageLength: 0.5 },
    });
    return module;
  })();
  return loading;
}

/** Starts loading Pagefind and its index metadata, so the first query needs only its own words. */
export async function preloadFullText(base: string): Promise<void> {
  await (await loadPagefind(base)).init();
}

let countsLoaded: Promise<unknown> | undefined;

/**
 * Loads Pagefind's filter index, which searches need to count matches per type. Only the search
 * page shows counts, and it asks for them after the first results are on screen.
 */
export async function loadTypeCounts(base: string): Promise<void> {
  const pagefind = await loadPagefind(base);
  countsLoaded ??= pagefind.filters();
  await countsLoaded;
}

/** Runs one full-text search, narrowed to some types (plural labels) when given. */
export async function searchText(base: string, query: string, types: readonly string[]): Promise<TextOutcome> {
  const pagefind = await loadPagefind(base);
  const term = indexQuery(query);
  const filters = types.length > 0 ? { filters: { type: [...types] } } : {};
  const phrase = term.startsWith('"');
  // A hanzi phrase is searched twice: as words, for the ranking, and as a phrase, to keep only the
  // pages where the characters stand together and in order.
  const [rankedRaw, phraseRaw] = await Promise.all([
    pagefind.search(phrase ? term.slice(1, -1) : term, filters),
    phrase ? pagefind.search(term, filters) : Promise.resolve(undefined),
  ]);
  const ranked = searchResponse.parse(rankedRaw);
  let results = (rankedRaw as { results: PagefindResult[] }).results;
  let counts = ranked.totalFilters?.type ?? {};
  if (phraseRaw !== undefined) {
    const exact = searchResponse.parse(phraseRaw);
    results = keepPhraseMatches(results, new Set(exact.results.map((result) => result.id)));
    counts = exact.totalFilters?.type ?? counts;
  }
  return { results, typeCounts: counts };
}

/** Loads results' data and orders them so a name finds its own dossier first. */
export async function loadHits(query: string, results: readonly PagefindResult[]): Promise<SearchHit[]> {
  const loaded = await Promise.all(
    results.map(async (result) => ({ ...searchResultData.parse(await result.data()), id: result.id })),
  );
  return rankByName(query, loaded).map(toHit);
}

const shards = new Map<string, Promise<PreparedName<NameEntry>[]>>();

/** Loads one file of the name index (once), its names folded for matching. */
function loadShard(base: string, shard: string): Promise<PreparedName<NameEntry>[]> {
  let loaded = shards.get(shard);
  if (!loaded) {
    loaded = (async () => {
      const response = await fetch(`${withSlash(base)}search/names/${shard}.json`);
      if (!response.ok) throw new Error(`the name index answered ${response.status}`);
      return readNameShard(await response.json()).map(prepareName);
    })();
    // A failed load is tried again on the next keystroke rather than remembered.
    loaded.catch(() => shards.delete(shard));
    shards.set(shard, loaded);
  }
  return loaded;
}

/** The entities whose names best match the query, best first. */
export async function searchNames(base: string, query: string, limit: number): Promise<NameMatch<NameEntry>[]> {
  const files = await Promise.all(queryShards(query).map((shard) => loadShard(base, shard)));
  // An entity listed in two of the files is matched once.
  const seen = new Set<string>();
  const entries = files.flat().filter(({ entry }) => {
    const key = `${entry.type}/${entry.slug}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return matchNames(query, entries, limit);
}
