import { defineCollection, type SchemaContext } from 'astro:content';
import path from 'node:path';
import { actorSchema } from './lib/schema/actors.ts';
import { companySchema } from './lib/schema/companies.ts';
import { identitySchema } from './lib/schema/identities.ts';
import { locationSchema } from './lib/schema/locations.ts';
import { personSchema } from './lib/schema/people.ts';
import { reportSchema } from './lib/schema/reports.ts';
import { sourceSchema } from './lib/schema/sources.ts';
import { toolSchema } from './lib/schema/tools.ts';
import type { CollectionKey } from './lib/schema/entity-types.ts';
import { caseLoader } from './reader/loader.ts';
import { CONTENT_ROOT } from './content-root.ts';

/**
 * One collection per content folder, each fed by the case reader (which reads and checks every file
 * once) and validated by its schema from src/lib/schema/, built with Astro's image helper. Astro asks
 * for a collection's schema once per entry (the image helper resolves paths from that entry's file),
 * so each builds only its own: building all eight (`collectionSchemas`) every time was a tenth of
 * a 1,000-entity build's CPU.
 */
const root = path.resolve(CONTENT_ROOT);
const reports = reportSchema();
const sources = sourceSchema();

// Listed by key so Astro types each collection's entries; `satisfies` makes a missing one an error.
export const collections = {
  actors: defineCollection({
    loader: caseLoader('actors', root),
    schema: ({ image }: SchemaContext) => actorSchema(image),
  }),
  people: defineCollection({
    loader: caseLoader('people', root),
    schema: ({ image }: SchemaContext) => personSchema(image),
  }),
  companies: defineCollection({
    loader: caseLoader('companies', root),
    schema: ({ image }: SchemaContext) => companySchema(image),
  }),
  locations: defineCollection({
    loader: caseLoader('locations', root),
    schema: ({ image }: SchemaContext) => locationSchema(image),
  }),
  identities: defineCollection({
    loader: caseLoader('identities', root),
    schema: ({ image }: SchemaContext) => identitySchema(image),
  }),
  tools: defineCollection({
    loader: caseLoader('tools', root),
    schema: ({ image }: SchemaContext) => toolSchema(image),
  }),
  reports: defineCollection({ loader: caseLoader('reports', root), schema: reports }),
  sources: defineCollection({ loader: caseLoader('sources', root), schema: sources }),
} satisfies Record<CollectionKey, unknown>;
