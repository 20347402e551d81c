import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { actorSchema } from './lib/schema/actors.ts';
import { personSchema } from './lib/schema/people.ts';
import { companySchema } from './lib/schema/companies.ts';
import { locationSchema } from './lib/schema/locations.ts';
import { identitySchema } from './lib/schema/identities.ts';
import { toolSchema } from './lib/schema/tools.ts';
import { reportSchema } from './lib/schema/reports.ts';
import { sourceSchema } from './lib/schema/sources.ts';
import { CONTENT_ROOT } from './content-root.ts';
import { entryPatterns } from './integrations/drafts.ts';

/**
 * A glob loader for one collection folder; the file name (without extension) is the slug. A
 * production build leaves drafts' files out entirely (src/integrations/drafts.ts).
 */
function folder(name: string) {
  const base = path.resolve(CONTENT_ROOT, name);
  return glob({
    pattern: entryPatterns(base, import.meta.env.DEV),
    base: pathToFileURL(base + path.sep),
    generateId: ({ entry }) => entry.replace(/\.mdx?$/, ''),
  });
}

export const collections = {
  actors: defineCollection({ loader: folder('actors'), schema: ({ image }) => actorSchema(image) }),
  people: defineCollection({ loader: folder('people'), schema: ({ image }) => personSchema(image) }),
  companies: defineCollection({ loader: folder('companies'), schema: ({ image }) => companySchema(image) }),
  locations: defineCollection({ loader: folder('locations'), schema: ({ image }) => locationSchema(image) }),
  identities: defineCollection({ loader: folder('identities'), schema: ({ image }) => identitySchema(image) }),
  tools: defineCollection({ loader: folder('tools'), schema: ({ image }) => toolSchema(image) }),
  reports: defineCollection({ loader: folder('reports'), schema: reportSchema() }),
  sources: defineCollection({ loader: folder('sources'), schema: sourceSchema() }),
};
