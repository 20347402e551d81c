import { defineCollection, type SchemaContext } from 'astro:content';
import path from 'node:path';
import { collectionSchemas } from './lib/schema/index.ts';
import type { CollectionKey } from './lib/schema/entity-types.ts';
import { caseLoader } from './reader/loader.ts';
import { CONTENT_ROOT } from './content-root.ts';

/**
 * One collection per content folder, each fed by the case reader (which reads and checks every file
 * once) and validated by its schema from src/lib/schema/, built with Astro's image helper.
 */
const root = path.resolve(CONTENT_ROOT);
const schemas = ({ image }: SchemaContext) => collectionSchemas(image);

// Listed by key so Astro types each collection's entries; `satisfies` makes a missing one an error.
export const collections = {
  actors: defineCollection({ loader: caseLoader('actors', root), schema: (c) => schemas(c).actors }),
  people: defineCollection({ loader: caseLoader('people', root), schema: (c) => schemas(c).people }),
  companies: defineCollection({ loader: caseLoader('companies', root), schema: (c) => schemas(c).companies }),
  locations: defineCollection({ loader: caseLoader('locations', root), schema: (c) => schemas(c).locations }),
  identities: defineCollection({ loader: caseLoader('identities', root), schema: (c) => schemas(c).identities }),
  tools: defineCollection({ loader: caseLoader('tools', root), schema: (c) => schemas(c).tools }),
  reports: defineCollection({ loader: caseLoader('reports', root), schema: (c) => schemas(c).reports }),
  sources: defineCollection({ loader: caseLoader('sources', root), schema: (c) => schemas(c).sources }),
} satisfies Record<CollectionKey, unknown>;
