import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
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
import { collectRenderedBodies, takeRenderedBodies } from './rendered-bodies.ts';
import { SearchIndexThread, type IndexDocument, type IndexFile } from './search-index-thread.ts';

/** Documents sent to the index's thread at once. */
const BATCH = 250;

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

/** What was handed to Pagefind while the pages were still to render. */
interface EarlyFeed {
  /** How many entries, from the first in order, were handed over. */
  count: number;
  /** The documents of the kept pages among them, by entry id, in case the index must be made again. */
  kept: Map<string, string>;
  /** The body guessed for each page among them that this build renders again, by entry id. */
  guessed: Map<string, string>;
}

/**
 * Hands Pagefind the entries' documents, in order, before the pages are rendered: a kept page's
 * from its remembered body, a page to render from the body it is foreseen to have (the one the
 * content sync rendered from its changed file in `fresh`, else the one it had in the last build).
 * It stops at the first page whose body cannot be foreseen; those left are handed over once the
 * pages are generated, and every guess is checked then against the page as rendered.
 */
async function feedEarly(
  index: SearchIndexThread,
  site: string,
  entries: readonly CaseEntry[],
  model: CaseModel,
  kept: ReadonlySet<string>,
  bodies: SearchBodies | undefined,
  fresh: ReadonlyMap<string, string>,
): Promise<EarlyFeed> {
  const feed: EarlyFeed = { count: 0, kept: new Map(), guessed: new Map() };
  const documentAt = (entry: CaseEntry): string | undefined => {
    const page = pageFile(entry);
    if (kept.has(page)) {
      const document = documentOf(site, entry, model, bodies);
      feed.kept.set(entry.id, document);
      return document;
    }
    const guess = fresh.get(entry.id) ?? bodies?.previous(page);
    if (guess === undefined) return undefined;
    feed.guessed.set(entry.id, guess);
    return indexCopy(searchDocument(searchParts(entry, model), guess));
  };
  // Sent a batch at a time, so Pagefind starts on the first while the next are made, and made a
  // batch at a time, so the build's own work on this thread goes on between them.
  const sent: Promise<void>[] = [];
  let batch: IndexDocument[] = [];
  for (const entry of entries) {
    const content = documentAt(entry);
    if (content === undefined) break;
    batch.push({ sourcePath: pageFile(entry), content, file: entry.file });
    feed.count += 1;
    if (batch.length === BATCH) {
      sent.push(index.add(batch));
      batch = [];
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  if (batch.length > 0) sent.push(index.add(batch));
  await Promise.all(sent);
  return feed;
}

/**
 * Hands the entries' documents to the index (those in `ready` already made), in their order: the
 * order matters, since Pagefind's index is not the same bytes when the same pages come in another.
 */
async function addEntries(
  index: SearchIndexThread,
  site: string,
  entries: readonly CaseEntry[],
  model: CaseModel,
  ready: ReadonlyMap<string, string>,
  bodies: SearchBodies | undefined,
) {
  const sent: Promise<void>[] = [];
  for (let from = 0; from < entries.length; from += BATCH) {
    const batch = entries.slice(from, from + BATCH).map((entry) => ({
      sourcePath: pageFile(entry),
      content: ready.get(entry.id) ?? documentOf(site, entry, model, bodies),
      file: entry.file,
    }));
    sent.push(index.add(batch));
  }
  await Promise.all(sent);
}

/**
 * Writes the index into its folder; what to log of it. Where the folder is there already (an
 * incremental build keeps the last one), Pagefind's files are taken from it (getFiles; `made`, if
 * they were asked for already) and only those whose bytes changed are written: its writeFiles
 * creates every file again, about one per page, and an edit changes a few. Where there is none,
 * Pagefind writes them itself, since getFiles would hold every file in this process as well (at
 * 20,000 entities about 100 MB more, for no file kept).
 */
async function writeIndex(index: SearchIndexThread, folder: string, made?: IndexFile[]): Promise<string> {
  if (!made && !existsSync(folder)) {
    await index.write(folder);
    return '';
  }
  const files = made ?? (await index.files());
  const synced = await syncFolder(folder, files);
  return `, ${synced.written} of its ${files.length} files written again`;
}

/** Starts Pagefind's index on its own thread, failing the build if it cannot. */
async function startIndex(): Promise<SearchIndexThread> {
  const index = new SearchIndexThread();
  try {
    await index.start(INDEX_SETTINGS);
  } catch (error) {
    await index.close().catch(() => undefined);
    throw error;
  }
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
  // An incremental build's kept pages are in place from its start, and the bodies of most pages it
  // renders again can be foreseen (`feedEarly`): Pagefind is started then and handed the documents,
  // in the order a cold build uses (the order changes the index's bytes), while Vite bundles and the
  // pages render; when every one was handed over, the index is made then too. Once the pages are
  // generated, each foreseen body is checked against its page; one that differs means the index is
  // made again from the start, from the pages as rendered. The index cannot be kept from the last
  // build: Pagefind has no way to update one, and its every chunk depends on every page.
  let early:
    | {
        site: string;
        index: Promise<SearchIndexThread>;
        fed: Promise<EarlyFeed>;
        made: Promise<IndexFile[] | undefined>;
      }
    | undefined;
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

    const earlier = early;
    early = undefined;
    const begun = earlier?.site === site ? earlier : undefined;
    if (earlier && !begun) void earlier.index.then((unused) => unused.close()).catch(() => undefined);
    let index: SearchIndexThread | undefined;
    try {
      // The bodies remembered belong to the pages of the configured output folder.
      const remembered = site === outDir ? bodies : undefined;
      index = await (begun?.index ?? startIndex());
      const fed = await begun?.fed;
      // Each foreseen body, against its page as rendered (read now, and remembered for the next build).
      const wrong = [...(fed?.guessed ?? [])].filter(([id, guess]) => {
        const entry = model.get(id);
        return !entry || bodyOf(site, entry, remembered) !== guess;
      });
      if (wrong.length > 0) await index.start(INDEX_SETTINGS);
      const from = wrong.length > 0 ? 0 : (fed?.count ?? 0);
      const made = from === entries.length ? await begun?.made : undefined;
      await addEntries(index, site, entries.slice(from), model, fed?.kept ?? new Map(), remembered);
      const rewritten = await writeIndex(index, path.join(site, SEARCH_INDEX_FOLDER), made);
      remembered?.save();
      const guessed = fed?.guessed.size ?? 0;
      const before = fed
        ? ` (${fed.kept.size} kept pages read while the others rendered, ` +
          `${remembered?.remembered ?? 0} search bodies remembered from the last build; ` +
          `${fed.count} handed over before the pages were generated, ` +
          (wrong.length > 0
            ? `${wrong.length} of the ${guessed} bodies of pages rendered again not as foreseen ` +
              `(${wrong.map(([id]) => id).join(', ')}), so all again after)`
            : `the ${guessed} bodies of pages rendered again as foreseen)`)
        : '';
      return `indexed ${entries.length} pages${before}${rewritten} in ${Math.round(performance.now() - started)} ms`;
    } finally {
      await index?.close();
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
        const fresh = takeRenderedBodies();
        const kept = new Set(options.keptFiles?.() ?? []);
        if (kept.size === 0 || !outDir) return;
        const site = outDir;
        const model = checkedCase(options.contentRoot, false).model;
        const entries = [...model.entities, ...model.reports, ...model.sources];
        const index = startIndex();
        const fed = index.then((started) => feedEarly(started, site, entries, model, kept, bodies, fresh));
        const made = Promise.all([index, fed]).then(([started, { count }]) =>
          count === entries.length ? started.files() : undefined,
        );
        early = { site, index, fed, made };
        // A failure is reported when the build's end awaits it, not as an unhandled rejection now.
        for (const pending of [index, fed, made]) pending.catch(() => undefined);
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        cacheDir = fileURLToPath(config.cacheDir);
        // The content syncs after this: the bodies it renders foresee those of the pages to render.
        if (incrementalRequested()) collectRenderedBodies();
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
