import * as z from 'zod/mini';
import { indexQuery } from '../lib/search-text.ts';
import { keepPhraseMatches, rankByName, searchResultData, toHit, type SearchHit } from '../lib/search-results.ts';

/**
 * The site's search, on top of Pagefind's browser API: loads the index on first use, turns hanzi
 * queries into phrase searches, and orders results so a name or handle finds its own dossier first.
 */

/** One result handle as Pagefind returns it. */
interface PagefindResult {
  id: string;
  data: () => Promise<unknown>;
}

/** The parts of Pagefind's module the site uses. */
interface PagefindModule {
  options: (options: Record<string, unknown>) => Promise<void>;
  search: (term: string, options?: { filters?: Record<string, string[]> }) => Promise<unknown>;
  filters: () => Promise<unknown>;
}

const searchResponse = z.object({
  results: z.array(z.object({ id: z.string() })),
  totalFilters: z.optional(z.record(z.string(), z.record(z.string(), z.number()))),
});

/** What a search returns to the UI. */
export interface SearchOutcome {
  /** Results in display order (up to `limit`). */
  hits: SearchHit[];
  /** How many pages matched in all. */
  total: number;
  /** Matches per type for the query, ignoring the type filter. */
  typeCounts: Record<string, number>;
}

/** How many results are loaded and shown per query. */
const LIMIT = 20;

let loading: Promise<PagefindModule> | undefined;

/** Loads Pagefind from the site (once). Fails under `astro dev`, where no index exists. */
export function loadPagefind(base: string): Promise<PagefindModule> {
  loading ??= (async () => {
    const url = `${base.endsWith('/') ? base : `${base}/`}pagefind/pagefind.js`;
    const module = (await import(/* @vite-ignore */ url)) as PagefindModule;
    await module.options({
      baseUrl: base,
      excerptLength: 24,
      ranking: { metaWeights: { name: 10, native: 10, aliases: 8, value: 8, title: 1 }, pageLength: 0.5 },
    });
    // Searches report per-type counts only once the filter index is loaded.
    await module.filters();
    return module;
  })();
  return loading;
}

/** Runs one search. */
export async function runSearch(base: string, query: string, types: readonly string[]): Promise<SearchOutcome> {
  const pagefind = await loadPagefind(base);
  const term = indexQuery(query);
  const filters = types.length > 0 ? { filters: { type: [...types] } } : {};
  const phrase = term.startsWith('"');
  const [rankedRaw, phraseRaw] = await Promise.all([
    pagefind.search(phrase ? term.slice(1, -1) : term, filters),
    phrase ? pagefind.search(term, filters) : Promise.resolve(undefined),
  ]);
  const ranked = searchResponse.parse(rankedRaw);
  const rawResults = (rankedRaw as { results: PagefindResult[] }).results;
  let results = rawResults;
  let counts = ranked.totalFilters?.type ?? {};
  if (phraseRaw !== undefined) {
    const exact = searchResponse.parse(phraseRaw);
    results = keepPhraseMatches(rawResults, new Set(exact.results.map((result) => result.id)));
    counts = exact.totalFilters?.type ?? counts;
  }
  const loaded = await Promise.all(
    results.slice(0, LIMIT).map(async (result) => ({ ...searchResultData.parse(await result.data()), id: result.id })),
  );
  return { hits: rankByName(query, loaded).map(toHit), total: results.length, typeCounts: counts };
}
