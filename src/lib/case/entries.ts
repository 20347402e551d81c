import { nativeLang } from '../hanzi.ts';
import { entryId, type EntryId } from '../ids.ts';
import { isEntityType, type EntityType } from '../schema/entity-types.ts';
import type { AnyCaseInput, CaseEntry, CaseInput, Entity, EntityCaseInput } from './types.ts';

/** Turning a checked input into the entry pages read. */

/** True when an input is an entity's file (not a report's or a source's). */
export function isEntityInput(input: AnyCaseInput): input is EntityCaseInput {
  return isEntityType(input.collection);
}

/** The id of an input's entry, `type/slug`. */
export function inputId(input: AnyCaseInput): EntryId {
  return entryId(input.collection, input.slug);
}

/**
 * The entity entry of an entity input. Generic over the type, so `type` and `data` stay paired for
 * every type without a branch per type; the indexed mapped types give back the union for a union.
 */
function toEntity<K extends EntityType>(
  input: { [P in K]: CaseInput<P> }[K],
  common: Omit<CaseEntry, 'kind' | 'type' | 'data'>,
): { [P in K]: Entity<P> }[K] {
  const data = input.data;
  const entity: Entity<K> = {
    ...common,
    native: data.native,
    nativeLang: data.native === undefined ? undefined : nativeLang(data.native, data.native_lang),
    aliases: data.aliases,
    kind: 'entity',
    type: input.collection,
    data,
  };
  return entity;
}

/** Turns an input into its model entry; `bodyCitations` are the body's inline citations, in order. */
export function toEntry(input: AnyCaseInput, bodyCitations: CaseEntry['bodyCitations']): CaseEntry {
  const common = { id: inputId(input), slug: input.slug, file: input.file, body: input.body, bodyCitations };
  if (isEntityInput(input)) {
    return toEntity(input, {
      ...common,
      name: input.data.name,
      summary: input.data.summary,
      draft: input.data.draft,
    });
  }
  if (input.collection === 'reports') {
    const d = input.data;
    return {
      ...common,
      kind: 'report',
      type: 'reports',
      name: d.title,
      summary: d.summary,
      draft: d.draft,
      date: d.date,
      data: d,
    };
  }
  const d = input.data;
  const byline = [d.publisher, d.author].filter(Boolean).join(', ');
  return {
    ...common,
    kind: 'source',
    type: 'sources',
    name: d.title,
    summary: d.date ? `${byline}, ${d.date}` : byline,
    draft: d.draft,
    data: d,
  };
}
