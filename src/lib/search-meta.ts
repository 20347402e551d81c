/**
 * The metadata of a search document (see src/lib/search-document.ts), shared by the indexer that
 * writes it and the browser code that ranks and shows it.
 */

/** The metadata fields a search document carries. */
export type SearchMetaField = 'title' | 'aliases' | 'ids' | 'native' | 'summary';

/**
 * How much a match in each metadata field counts against one in the text (weight 1). A name query
 * then puts the entity first and the pages that mention it after; `native` and `summary` are only
 * shown, never matched (hanzi are matched in the text, where the index can take them apart).
 */
export const SEARCH_META_WEIGHTS: Readonly<Record<SearchMetaField, number>> = {
  title: 10,
  aliases: 8,
  ids: 7,
  native: 0,
  summary: 0,
};

/** Separates the values of a list in metadata (aliases, identifiers). */
export const META_SEPARATOR = ' · ';
