import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { close, createIndex, type PagefindIndex } from 'pagefind';
import type { CaseEntry, CaseModel } from '../lib/case.ts';
import { entryPath } from '../lib/paths.ts';
import { searchDocument, searchParts } from '../lib/search-document.ts';
import { nameEntries } from '../lib/name-entries.ts';
import { nameShards } from '../lib/name-index.ts';
import { indexCopy, markedElements } from '../lib/search-text.ts';
import { checkedCase } from '../reader/session.ts';
import { incrementalRequested } from './incremental-build.ts';
import { SEARCH_BODIES_FILE, SearchBodies } from './search-bodies.ts';
import { SEARCH_INDEX_FOLDER } from './built-files.ts';
import { syncFolder } from './folder-sync.ts';

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
  /** The content folder whose checked case is indexed. */
  contentRoot: string;
  /**
   * Pages (files relative to the output folder) already in place when the build starts: those an
   * incremental build carries over. Asked at the build's start, once the rest is set aside.
   */
  keptFiles?: () => readonly string[];
}

/**
 * Pagefind's settings: citation marks, figures (their tables list other entries) and anything a
 * page marks as not its text stay out of the body.
 */
const INDEX_SETTINGS = {
  excludeSelectors: ['[data-pagefind-ignore]', 'nav', 'sup', 'figure', 'button', '[aria-hidden="true"]'],
};

/** The file of an entry's page, relative to the output folder. */
function pageFile(entry: CaseEntry): string {
  return `${entryPath(entry.id).slice(1)}index.html`;
}

/**
 * The document Pagefind reads for an entry: its parts from the model and its body from its page
 * (remembered from the last build in `bodies`, if the page is the same file).
 */
function documentOf(site: string, entry: CaseEntry, model: CaseModel, bodies: SearchBodies | undefined): string {
  return indexCopy(searchDocument(searchParts(entry, model), bodyOf(site, entry, bodies)));
}

/**
 * The documents of entries whose pages are already written, made a few at a time so that the
 * build's own work on this thread (Vite's plugins, rendering) goes on between them.
 */
async function documentsOf(
  site: string,
  entries: readonly CaseEntry[],
  model: CaseModel,
  bodies: SearchBodies | undefined,
) {
  const documents = new Map<string, string>();
  for (const [i, entry] of entries.entries()) {
    if (i % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
    documents.set(entry.id, documentOf(site, entry, model, bodies));
  }
  return documents;
}

/**
 * Hands the entries' documents to Pagefind (those in `ready` already made), several in flight:
 * each call is a round trip to Pagefind's process, which indexes while the next is read and sent.
 * The order matters: Pagefind's index is not the same bytes when the same pages come in another.
 */
async function addEntries(
  index: PagefindIndex,
  site: string,
  entries: readonly CaseEntry[],
  model: CaseModel,
  ready: ReadonlyMap<string, string>,
  bodies: SearchBodies | undefined,
) {
  let next = 0;
  const indexEntries = async () => {
    for (let entry = entries[next++]; entry !== undefined; entry = entries[next++]) {
      const content = ready.get(entry.id) ?? documentOf(site, entry, model, bodies);
      const added = await index.addHTMLFile({ sourcePath: pageFile(entry), content });
      if (added.errors.length > 0)
        throw new Error(`Pagefind failed to index ${entry.file}:\n${added.errors.join('\n')}`);
    }
  };
  await Promise.all(Array.from({ length: PAGES_IN_FLIGHT }, indexEntries));
}

/**
 * Writes the index into its folder; what to log of it. Where the folder is there already (an
 * incremental build keeps the last one), Pagefind's files are taken from it (getFiles) and only those
 * whose bytes changed are written: its writeFiles creates every file again, about one per page, and
 * an edit changes a few. Where there is none, Pagefind writes them itself, since getFiles would hold
 * every file in this process as well (at 20,000 entities about 100 MB more, for no file kept).
 */
async function writeIndex(index: PagefindIndex, folder: string): Promise<string> {
  if (!existsSync(folder)) {
    const written = await index.writeFiles({ outputPath: folder });
    if (written.errors.length > 0) throw new Error(`Pagefind failed to write its index:\n${written.errors.join('\n')}`);
    return '';
  }
  const made = await index.getFiles();
  if (made.errors.length > 0) throw new Error(`Pagefind failed to make its index:\n${made.errors.join('\n')}`);
  const files = await syncFolder(folder, made.files);
  return `, ${files.written} of its ${made.files.length} files written again`;
}

/** Starts Pagefind's index, failing the build if it cannot. */
async function startIndex(): Promise<PagefindIndex> {
  const { index, errors } = await createIndex(INDEX_SETTINGS);
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  return index;
}

/**
 * The body HTML of an entry, cut from its built page (or remembered in `bodies` from the build that
 * wrote the same file); an entry with a body must have it marked.
 */
function bodyOf(site: string, entry: CaseEntry, bodies: SearchBodies | undefined): string {
  const page = pageFile(entry);
  const file = path.join(site, page);
  if (!existsSync(file)) throw new Error(`search: ${entry.file} has no page at ${path.relative(site, file)}`);
  const cut = (html: string) => {
    const marked = markedElements(html, BODY_ATTRIBUTE);
    if (marked.length === 0 && entry.body.trim() !== '') {
      throw new Error(
        `search: the page of ${entry.file} shows a body but marks none with ${BODY_ATTRIBUTE}; ` +
          `put ${BODY_ATTRIBUTE} on the element that renders the body in ${LAYOUT_OF[entry.kind]}`,
      );
    }
    return marked.join('');
  };
  return bodies ? bodies.bodyOf(page, cut) : cut(readFileSync(file, 'utf8'));
}

/**
 * Builds the search indexes when Astro has written the site: Pagefind's full-text index, through its
 * Node API so a plain `astro build` yields a searchable site, and the name index of the quick-jump
 * list. Pagefind reads a document per entry written from the case model and the entry's rendered
 * body (see src/lib/search-document.ts), never the page around it. Any error fails the build: a
 * site whose search silently misses pages is worse than no build.
 */
export function pagefindIndex(options: SearchIndexOptions): AstroIntegration {
  let outDir: string | undefined;
  let cacheDir: string | undefined;
  // An incremental build remembers each page's body for the next (src/integrations/search-bodies.ts).
  let bodies: SearchBodies | undefined;
  // An incremental build's kept pages are in place from its start: their documents are made, and
  // Pagefind started, while Vite bundles and the other pages render, so that once the pages are
  // generated only the rendered pages' documents are left to make. They are still handed over then,
  // all in the order a cold build uses, since the order changes the index's bytes. The index cannot
  // be kept from the last build: Pagefind has no way to update one, and its every chunk depends on
  // every page.
  let early: { index: Promise<PagefindIndex>; documents: Promise<Map<string, string>> } | undefined;
  // The index being made since the pages were generated: for which output folder, and what to log.
  let indexed: { site: string; log: Promise<string> } | undefined;

  /** Writes the search indexes of the site built in `site`; what to log. */
  const indexInto = async (site: string): Promise<string> => {
    const started = performance.now();
    // The very case the content check built and the pages rendered, read once per process.
    const model = checkedCase(options.contentRoot, false).model;
    const entries: CaseEntry[] = [...model.entities, ...model.reports, ...model.sources];
    if (entries.length === 0) throw new Error('search: the case has no entries to index');

    const namesDir = path.join(site, NAME_INDEX_DIR);
    mkdirSync(namesDir, { recursive: true });
    for (const [shard, file] of nameShards(nameEntries(model)))
      writeFileSync(path.join(namesDir, `${shard}.json`), JSON.stringify(file));

    const begun = early;
    early = undefined;
    try {
      const index = await (begun?.index ?? startIndex());
      const ready = (await begun?.documents) ?? new Map<string, string>();
      // The bodies remembered belong to the pages of the configured output folder.
      const remembered = site === outDir ? bodies : undefined;
      await addEntries(index, site, entries, model, ready, remembered);
      const rewritten = await writeIndex(index, path.join(site, SEARCH_INDEX_FOLDER));
      remembered?.save();
      const before =
        ready.size > 0
          ? ` (${ready.size} kept pages read while the others rendered, ` +
            `${remembered?.remembered ?? 0} search bodies remembered from the last build)`
          : '';
      return `indexed ${entries.length} pages${before}${rewritten} in ${Math.round(performance.now() - started)} ms`;
    } finally {
      await close();
    }
  };
  return {
    name: 'casefile:pagefind',
    hooks: {
      'astro:build:start': () => {
        early = undefined;
        indexed = undefined;
        bodies = undefined;
        if (outDir && cacheDir && incrementalRequested()) {
          bodies = new SearchBodies(path.join(cacheDir, SEARCH_BODIES_FILE), outDir);
          bodies.forget();
        }
        const kept = new Set(options.keptFiles?.() ?? []);
        if (kept.size === 0 || !outDir) return;
        const site = outDir;
        const model = checkedCase(options.contentRoot, false).model;
        const entries = [...model.entities, ...model.reports, ...model.sources].filter((entry) =>
          kept.has(pageFile(entry)),
        );
        early = { index: startIndex(), documents: documentsOf(site, entries, model, bodies) };
        // A failure is reported when the build's end awaits it, not as an unhandled rejection now.
        early.index.catch(() => undefined);
        early.documents.catch(() => undefined);
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        cacheDir = fileURLToPath(config.cacheDir);
      },
      // Pagefind reads only the pages, all written once Astro has generated them: the index is made
      // from then on, while the steps before this one at the build's end (the sitemap, the wait for
      // the data files, the unreferenced-asset sweep, which leaves pagefind/ alone) go on.
      'astro:build:generated': ({ dir }) => {
        const site = fileURLToPath(dir);
        indexed = { site, log: indexInto(site) };
        // Until the build's end awaits it, a failure is held there rather than thrown unhandled.
        indexed.log.catch(() => undefined);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const pending = indexed?.site === site ? indexed.log : indexInto(site);
        indexed = undefined;
        logger.info(await pending);
      },
    },
  };
}
