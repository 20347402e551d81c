import * as z from 'zod/mini';
import { indexQuery } from '../lib/search-text.ts';
import { keepPhraseMatches, rankByName, searchResultData, toHit, type SearchHit } from '../lib/search-results.ts';

/**
 * The site's search, on top of Pagefind's browser API: loads the index on first use, turns hanzi
 * queries into phrase searches, and orders results so a name or handle finds its own dossier first.
 */

/** One result handle as Pagefind returns it. */
export interface PagefindResult {
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
  /** The first page of results, in display order. */
  hits: SearchHit[];
  /** The results after the first page, not loaded yet (see `loadHits`). */
  rest: PagefindResult[];
  /** How many pages matched in all. */
  total: number;
  /** Matches per type for the query, ignoring the type filter. */
  typeCounts: Record<string, number>;
}

/**
 * How many results are loaded and shown at once; the reader asks for more. Each result costs a
 * fragment request, so a short first page makes the first answer quicker and lighter.
 */
export const PAGE_SIZE = 10;

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
  const hits = await loadHits(query, results.slice(0, PAGE_SIZE));
  return { hits, rest: results.slice(PAGE_SIZE), total: results.length, typeCounts: counts };
}

/** Loads results' data and orders them so a name finds its own dossier first. */
export async function loadHits(query: string, results: readonly PagefindResult[]): Promise<SearchHit[]> {
  const loaded = await Promise.all(
    results.map(async (result) => ({ ...searchResultData.parse(await result.data()), id: result.id })),
  );
  return rankByName(query, loaded).map(toHit);
}
