import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';
import { indexCopy } from '../lib/search-text.ts';
import { htmlFiles } from './built-files.ts';

/**
 * Builds the Pagefind search index when Astro has written the site, through Pagefind's Node API, so
 * a plain `astro build` yields a searchable site. Any Pagefind error fails the build: a site whose
 * search silently misses pages is worse than no build. Pagefind reads a copy of each page with
 * hanzi spaced apart (see src/lib/search-text.ts); the pages on disk are not changed.
 */
export function pagefindIndex(): AstroIntegration {
  return {
    name: 'casefile:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        const { index, errors } = await createIndex({
          // Only what the pages mark with data-pagefind-body (dossiers, reports, sources) is indexed.
          excludeSelectors: ['[data-pagefind-ignore]', 'nav', '.no-print'],
        });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        try {
          let pages = 0;
          for (const file of htmlFiles(site)) {
            const content = indexCopy(readFileSync(path.join(site, file), 'utf8'));
            const added = await index.addHTMLFile({ sourcePath: file, content });
            if (added.errors.length > 0)
              throw new Error(`Pagefind failed to index ${file}:\n${added.errors.join('\n')}`);
            pages++;
          }
          if (pages === 0) throw new Error('Pagefind found no pages to index in the build output');
          const written = await index.writeFiles({ outputPath: path.join(site, 'pagefind') });
          if (written.errors.length > 0)
            throw new Error(`Pagefind failed to write its index:\n${written.errors.join('\n')}`);
          logger.info(`indexed ${pages} pages in ${Math.round(performance.now() - started)} ms`);
        } finally {
          await close();
        }
      },
    },
  };
}
