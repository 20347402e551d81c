import * as z from 'zod/mini';
import { tidyExcerpt } from './search-text.ts';
import { META_SEPARATOR } from './search-meta.ts';
import { ENTITY_TYPES, ENTITY_TYPE_INFO, type CollectionKey } from './schema/entity-types.ts';
import { foldText, wordsOf } from './name-match.ts';

/**
 * What the search UI reads from Pagefind, checked with a schema (the index is fetched data), and the
 * ordering rules Pagefind cannot apply by itself.
 */

/** The fields of a Pagefind result the UI uses. */
export const searchResultData = z.object({
  /** Page URL (with the site's base). */
  url: z.string(),
  /** Excerpt HTML: text with <mark> around matched words. */
  excerpt: z.string(),
  /** Metadata of the search document (see src/lib/search-meta.ts). */
  meta: z.record(z.string(), z.string()),
  /** Filter values: `type` holds the plural type label. */
  filters: z.optional(z.record(z.string(), z.array(z.string()))),
});

/** A Pagefind result's data, as the UI uses it. */
export type SearchResultData = z.infer<typeof searchResultData>;

/** A result ready to show. */
export interface SearchHit {
  /** Page URL. */
  url: string;
  /** Display name. */
  title: string;
  /** Collection of the page: an entity type, `reports` or `sources`. */
  collection: CollectionKey | undefined;
  /** Type label: "Person", "Report", "Source". */
  type: string;
  /** Native name, when the entity has one. */
  native: string | undefined;
  /**
   * What to show under the title: the matched passage of the page's own text with the terms marked,
   * or, when the text has no match (the name or an alias matched), the summary unmarked.
   */
  excerpt: ExcerptRun[];
  /** Whether `excerpt` is a matched passage (true) or the summary (false). */
  passage: boolean;
}

/** A run of excerpt text, marked or not. */
export interface ExcerptRun {
  /** The text (unescaped). */
  text: string;
  /** Whether it matched the query. */
  marked: boolean;
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&#x27;': "'",
};

/** Unescapes the few entities Pagefind writes into excerpts. */
function unescape(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (entity) => ENTITIES[entity] ?? entity);
}

/**
 * Splits an excerpt into runs, so the UI builds text nodes (never HTML), after removing the spaces
 * the indexer put between hanzi.
 */
export function excerptRuns(excerptHtml: string): ExcerptRun[] {
  const runs: ExcerptRun[] = [];
  for (const part of tidyExcerpt(excerptHtml).split(/(<mark>[\s\S]*?<\/mark>)/)) {
    if (part === '') continue;
    const marked = part.startsWith('<mark>');
    const inner = marked ? part.slice('<mark>'.length, -'</mark>'.length) : part;
    const text = unescape(inner.replace(/<[^>]*>/g, ''));
    const previous = runs.at(-1);
    // 新, 开 and 路 arrive as three marks: show them as one.
    if (previous && previous.marked === marked) previous.text += text;
    else runs.push({ text, marked });
  }
  return runs;
}

/** The collection and singular label of a type filter value ("People" → people, "Person"). */
export function typeOfFilter(plural: string | undefined): { collection: CollectionKey | undefined; label: string } {
  if (plural === 'Reports') return { collection: 'reports', label: 'Report' };
  if (plural === 'Sources') return { collection: 'sources', label: 'Source' };
  const type = ENTITY_TYPES.find((key) => ENTITY_TYPE_INFO[key].plural === plural);
  return type
    ? { collection: type, label: ENTITY_TYPE_INFO[type].label }
    : { collection: undefined, label: plural ?? '' };
}

/** A result's data turned into a hit. */
export function toHit(data: SearchResultData): SearchHit {
  const meta = data.meta;
  const { collection, label } = typeOfFilter(data.filters?.type?.[0]);
  const runs = excerptRuns(data.excerpt);
  const passage = runs.some((run) => run.marked);
  return {
    url: data.url,
    title: meta.title ?? data.url,
    collection,
    type: label,
    native: meta.native,
    excerpt: passage ? runs : [{ text: meta.summary ?? '', marked: false }],
    passage,
  };
}

/** Letters and digits only, folded: "xiaohong[.]org" and "xiaohong.org" both become xiaohongorg. */
export function matchKey(text: string): string {
  return wordsOf(foldText(text)).join('');
}

/**
 * Puts results whose own name or native name *is* the query first, then those with the query as an
 * alias or identifier (the Twitter account of a handle comes after the handle's own dossier), then
 * those whose name starts with it, keeping the index's order otherwise. A reader who types a
 * handle wants that handle's dossier, not the busiest page that mentions it.
 */
export function rankByName<T extends { meta: Record<string, string> }>(query: string, results: readonly T[]): T[] {
  const wanted = matchKey(query);
  if (wanted === '') return [...results];
  const keys = (...names: (string | undefined)[]) =>
    names.filter((name): name is string => Boolean(name)).map((name) => matchKey(name));
  const score = (result: T) => {
    const meta = result.meta;
    const own = keys(meta.title, meta.native);
    const other = keys(...(meta.aliases ?? '').split(META_SEPARATOR), ...(meta.ids ?? '').split(META_SEPARATOR));
    if (own.includes(wanted)) return 0;
    if (other.includes(wanted)) return 1;
    if ([...own, ...other].some((name) => name.startsWith(wanted))) return 2;
    return 3;
  };
  return results
    .map((result, index) => ({ result, index, score: score(result) }))
    .sort((a, b) => a.score - b.score || a.index - b.index)
    .map(({ result }) => result);
}

/** Keeps the ranked results that the exact-phrase search also found, in ranked order. */
export function keepPhraseMatches<T extends { id: string }>(ranked: readonly T[], phraseIds: ReadonlySet<string>): T[] {
  return ranked.filter((result) => phraseIds.has(result.id));
}
