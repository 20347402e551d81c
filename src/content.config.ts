// Astro's own entry for defining collections, not the virtual `astro:content`: that brings the whole
// page runtime (80-odd modules) into the module graph Astro loads this file in, under `astro dev` too.
import { defineCollection } from 'astro/content/config';
import type { SchemaContext } from 'astro:content';
import path from 'node:path';
import { SCHEMA_BUILDERS } from './lib/schema/index.ts';
import { COLLECTIONS, type CollectionKey } from './lib/schema/entity-types.ts';
import { caseLoader } from './reader/loader.ts';
import { CONTENT_ROOT } from './content-root.ts';

/**
 * One collection per content folder, each fed by the case reader (which reads and checks every file
 * once) and validated by its schema from src/lib/schema/, built with Astro's image helper. Astro asks
 * for a collection's schema once per entry (the image helper resolves paths from that entry's file),
 * so each builds only its own: building all eight (`collectionSchemas`) every time was a tenth of
 * a 1,000-entity build's CPU. The collections come from the one list of them, so a new type needs
 * nothing here.
 */
const root = path.resolve(CONTENT_ROOT);

/** The collection of one content folder. */
function collection(key: CollectionKey) {
  return defineCollection({
    loader: caseLoader(key, root),
    schema: ({ image }: SchemaContext) => SCHEMA_BUILDERS[key](image),
  });
}

export const collections = Object.fromEntries(COLLECTIONS.map((key) => [key, collection(key)]));
