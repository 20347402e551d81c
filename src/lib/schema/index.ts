import type { z } from 'astro/zod';
import type { CollectionKey, EntityType } from './entity-types.ts';
import type { EntityDefinition } from './entity-definition.ts';
import { actorDefinition, actorSchema } from './actors.ts';
import { companyDefinition, companySchema } from './companies.ts';
import { identityDefinition, identitySchema } from './identities.ts';
import { locationDefinition, locationSchema } from './locations.ts';
import { personDefinition, personSchema } from './people.ts';
import { reportSchema } from './reports.ts';
import { sourceSchema } from './sources.ts';
import { toolDefinition, toolSchema } from './tools.ts';

/**
 * Every collection's schema and every entity type's definition, keyed by collection: with the list
 * in entity-types.ts, the one place a type is added. Each list is typed by key, so a type missing
 * from one does not compile.
 */

/** Builds one collection's schema: Astro asks for it once per entry, so only that collection's is built. */
export const SCHEMA_BUILDERS = {
  actors: actorSchema,
  people: personSchema,
  companies: companySchema,
  locations: locationSchema,
  identities: identitySchema,
  tools: toolSchema,
  reports: reportSchema,
  sources: sourceSchema,
} satisfies Record<CollectionKey, (image: () => z.ZodString) => z.ZodType>;

/** Builds every collection's schema with the given image helper. */
export function collectionSchemas<I extends z.ZodType>(image: () => I) {
  return {
    actors: actorSchema(image),
    people: personSchema(image),
    companies: companySchema(image),
    locations: locationSchema(image),
    identities: identitySchema(image),
    tools: toolSchema(image),
    reports: reportSchema(),
    sources: sourceSchema(),
  } satisfies Record<CollectionKey, z.ZodType>;
}

/** The schemas with images as plain paths: what the case model and the content checker see. */
export type CaseSchemas = ReturnType<typeof collectionSchemas<z.ZodString>>;

/** Parsed frontmatter of an entry of each collection (images as paths). */
export type EntryData = { [K in keyof CaseSchemas]: z.output<CaseSchemas[K]> };

/** An entity's frontmatter as the case model holds it, by type. */
export type EntityData<K extends EntityType> = Omit<EntryData[K], 'images'>;

/** What each entity type says about itself: facts rows, card words, search names, schema.org and STIX. */
export const ENTITY_DEFINITIONS: { readonly [K in EntityType]: EntityDefinition<EntityData<K>> } = {
  actors: actorDefinition,
  people: personDefinition,
  companies: companyDefinition,
  locations: locationDefinition,
  identities: identityDefinition,
  tools: toolDefinition,
};

/** The definition of one entity type, typed with that type's frontmatter. */
export function definitionOf<K extends EntityType>(type: K): EntityDefinition<EntityData<K>> {
  return ENTITY_DEFINITIONS[type];
}
