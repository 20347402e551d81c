import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';
import { indexCopy, searchableCopy } from '../lib/search-text.ts';
import { htmlFiles } from './built-files.ts';

/** Pages handed to Pagefind at once. */
const PAGES_IN_FLIGHT = 8;

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
          const files = htmlFiles(site);
          // Several pages in flight: each call is a round trip to Pagefind's process, which indexes
          // while the next page is read and sent. Pagefind sorts what it writes, so the index is
          // the same bytes whatever order the pages arrive in. Each page goes as its searchable
          // part only (see searchableCopy), the same index for a third fewer bytes to send and parse.
          const add = async (file: string, html: string) => {
            const added = await index.addHTMLFile({ sourcePath: file, content: indexCopy(html) });
            if (added.errors.length > 0)
              throw new Error(`Pagefind failed to index ${file}:\n${added.errors.join('\n')}`);
          };
          const unmarked: string[] = [];
          let next = 0;
          const indexPages = async () => {
            for (let file = files[next++]; file !== undefined; file = files[next++]) {
              const searchable = searchableCopy(readFileSync(path.join(site, file), 'utf8'));
              if (searchable === undefined) unmarked.push(file);
              else await add(file, searchable);
            }
          };
          await Promise.all(Array.from({ length: PAGES_IN_FLIGHT }, indexPages));
          // Pagefind leaves out pages without data-pagefind-body once any page has it; when none
          // has it, it indexes every page whole.
          const noneMarked = unmarked.length === files.length;
          if (noneMarked) for (const file of files) await add(file, readFileSync(path.join(site, file), 'utf8'));
          const pages = noneMarked ? files.length : files.length - unmarked.length;
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
