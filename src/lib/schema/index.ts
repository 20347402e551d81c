import type { z } from 'astro/zod';
import type { CollectionKey } from './entity-types.ts';
import { actorSchema } from './actors.ts';
import { companySchema } from './companies.ts';
import { identitySchema } from './identities.ts';
import { locationSchema } from './locations.ts';
import { personSchema } from './people.ts';
import { reportSchema } from './reports.ts';
import { sourceSchema } from './sources.ts';
import { toolSchema } from './tools.ts';

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
