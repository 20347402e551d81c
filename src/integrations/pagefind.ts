import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';
import type { CaseEntry, CaseModel } from '../lib/case.ts';
import { entryPath } from '../lib/paths.ts';
import { searchDocument, searchParts } from '../lib/search-document.ts';
import { nameEntries } from '../lib/name-entries.ts';
import { nameShards } from '../lib/name-index.ts';
import { indexCopy, markedElements } from '../lib/search-text.ts';
import { timedStage } from '../stage-timings.ts';
import { checkCaseFolder } from './case-files.ts';

/** Documents handed to Pagefind at once. */
const PAGES_IN_FLIGHT = 8;

/** The attribute a layout puts on the element holding an entry's own body (its rendered Markdown). */
export const BODY_ATTRIBUTE = 'data-search-body';

/** The layout that renders each kind of entry, named in the error when one lost the body marker. */
const LAYOUT_OF: Record<CaseEntry['kind'], string> = {
  entity: 'src/layouts/Dossier.astro',
  report: 'src/layouts/Report.astro',
  source: 'src/pages/sources/[slug].astro',
};

/** Where the name index is written, under the site's output. */
export const NAME_INDEX_DIR = 'search/names';

/** Options of the search integration. */
export interface SearchIndexOptions {
  /** The content folder, read again only when `model` has nothing to give. */
  contentRoot: string;
  /** The case as the content check built it, when it did. */
  model?: () => CaseModel | undefined;
}

/** The body HTML of an entry, cut from its built page; an entry with a body must have it marked. */
function bodyOf(site: string, entry: CaseEntry): string {
  const file = path.join(site, entryPath(entry.id), 'index.html');
  if (!existsSync(file)) throw new Error(`search: ${entry.file} has no page at ${path.relative(site, file)}`);
  const bodies = markedElements(readFileSync(file, 'utf8'), BODY_ATTRIBUTE);
  if (bodies.length === 0 && entry.body.trim() !== '') {
    throw new Error(
      `search: the page of ${entry.file} shows a body but marks none with ${BODY_ATTRIBUTE}; ` +
        `put ${BODY_ATTRIBUTE} on the element that renders the body in ${LAYOUT_OF[entry.kind]}`,
    );
  }
  return bodies.join('');
}

/**
 * Builds the search indexes when Astro has written the site: Pagefind's full-text index, through its
 * Node API so a plain `astro build` yields a searchable site, and the name index of the quick-jump
 * list. Pagefind reads a document per entry written from the case model and the entry's rendered
 * body (see src/lib/search-document.ts), never the page around it. Any error fails the build: a
 * site whose search silently misses pages is worse than no build.
 */
export function pagefindIndex(options: SearchIndexOptions): AstroIntegration {
  return {
    name: 'casefile:pagefind',
    hooks: {
      'astro:build:done': ({ dir, logger }) =>
        timedStage('pagefind', async () => {
          const site = fileURLToPath(dir);
          const started = performance.now();
          const model =
            options.model?.() ?? checkCaseFolder(path.resolve(options.contentRoot), { includeDrafts: false }).model;
          const entries: CaseEntry[] = [...model.entities, ...model.reports, ...model.sources];
          if (entries.length === 0) throw new Error('search: the case has no entries to index');

          const namesDir = path.join(site, NAME_INDEX_DIR);
          mkdirSync(namesDir, { recursive: true });
          for (const [shard, file] of nameShards(nameEntries(model)))
            writeFileSync(path.join(namesDir, `${shard}.json`), JSON.stringify(file));

          const { index, errors } = await createIndex({
            // Citation marks, figures (their tables list other entries) and anything a page marks as
            // not its text stay out of the body.
            excludeSelectors: ['[data-pagefind-ignore]', 'nav', 'sup', 'figure', 'button', '[aria-hidden="true"]'],
          });
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          try {
            // Several documents in flight: each call is a round trip to Pagefind's process, which
            // indexes while the next is read and sent. Pagefind sorts what it writes, so the index
            // is the same bytes whatever order they arrive in.
            let next = 0;
            const indexEntries = async () => {
              for (let entry = entries[next++]; entry !== undefined; entry = entries[next++]) {
                const document = searchDocument(searchParts(entry, model), bodyOf(site, entry));
                const sourcePath = `${entryPath(entry.id).slice(1)}index.html`;
                const added = await index.addHTMLFile({ sourcePath, content: indexCopy(document) });
                if (added.errors.length > 0)
                  throw new Error(`Pagefind failed to index ${entry.file}:\n${added.errors.join('\n')}`);
              }
            };
            await Promise.all(Array.from({ length: PAGES_IN_FLIGHT }, indexEntries));
            const written = await index.writeFiles({ outputPath: path.join(site, 'pagefind') });
            if (written.errors.length > 0)
              throw new Error(`Pagefind failed to write its index:\n${written.errors.join('\n')}`);
            logger.info(`indexed ${entries.length} pages in ${Math.round(performance.now() - started)} ms`);
          } finally {
            await close();
          }
        }),
    },
  };
}
