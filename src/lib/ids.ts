import { isCollectionKey, type CollectionKey } from './schema/entity-types.ts';

/**
 * The two spellings of an id, told apart by type: an entry is `type/slug` (`people/gao-qiang`,
 * `sources/crowdstrike-2018`), a cited source is its bare slug (`crowdstrike-2018`), as authors
 * write it in `sources` lists. Both are made here, from checked text, and nowhere else.
 */

/** An entry's id, `type/slug`. */
export type EntryId = string & { readonly __entryId: unique symbol };

/** A source as cited: the slug of a file in content/sources/. */
export type SourceId = string & { readonly __sourceId: unique symbol };

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The id of the entry in a collection with a slug. */
export function entryId(collection: CollectionKey, slug: string): EntryId {
  return `${collection}/${slug}` as EntryId;
}

/** Reads `type/slug` as an entry id, or undefined when it is not one (unknown type, bad slug). */
export function parseEntryId(text: string): EntryId | undefined {
  const slash = text.indexOf('/');
  const collection = text.slice(0, slash);
  return slash > 0 && isCollectionKey(collection) && SLUG.test(text.slice(slash + 1))
    ? entryId(collection, text.slice(slash + 1))
    : undefined;
}

/** Reads a cited source's slug, or undefined when it is not a slug. */
export function parseSourceId(text: string): SourceId | undefined {
  return SLUG.test(text) ? (text as SourceId) : undefined;
}

/** The entry id of a cited source: `crowdstrike-2018` → `sources/crowdstrike-2018`. */
export function sourceEntryId(source: SourceId): EntryId {
  return entryId('sources', source);
}
