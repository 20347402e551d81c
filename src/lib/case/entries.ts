import { nativeLang } from '../hanzi.ts';
import { entryId, type EntryId } from '../ids.ts';
import { isEntityType } from '../schema/entity-types.ts';
import type { AnyCaseInput, AnyEntity, CaseEntry, EntityCaseInput } from './types.ts';

/** Turning a checked input into the entry pages read. */

/** True when an input is an entity's file (not a report's or a source's). */
export function isEntityInput(input: AnyCaseInput): input is EntityCaseInput {
  return isEntityType(input.collection);
}

/** The id of an input's entry, `type/slug`. */
export function inputId(input: AnyCaseInput): EntryId {
  return entryId(input.collection, input.slug);
}

/** The entity entry of an entity input. */
function toEntity(input: EntityCaseInput, common: Omit<CaseEntry, 'kind' | 'type' | 'data'>): AnyEntity {
  const data = input.data;
  const fields = {
    native: data.native,
    nativeLang: data.native === undefined ? undefined : nativeLang(data.native, data.native_lang),
    aliases: data.aliases,
  };
  // One branch per type keeps `type` and `data` paired without a cast.
  switch (input.collection) {
    case 'actors':
      return { ...common, ...fields, kind: 'entity', type: input.collection, data: input.data };
    case 'people':
      return { ...common, ...fields, kind: 'entity', type: input.collection, data: input.data };
    case 'companies':
      return { ...common, ...fields, kind: 'entity', type: input.collection, data: input.data };
    case 'locations':
      return { ...common, ...fields, kind: 'entity', type: input.collection, data: input.data };
    case 'identities':
      return { ...common, ...fields, kind: 'entity', type: input.collection, data: input.data };
    case 'tools':
      return { ...common, ...fields, kind: 'entity', type: input.collection, data: input.data };
  }
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
