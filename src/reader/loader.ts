import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path, { posix, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { CollectionKey } from '../lib/schema/entity-types.ts';
import { caseSession } from './case-session.ts';
import type { CheckedCase, ReadFile } from './read-case.ts';
import { keepRenderer, renderInputs, rendersLive } from './live-body.ts';
import { noteRenderedBody } from '../integrations/rendered-bodies.ts';

/**
 * The Astro loader of every collection: it hands Astro the files the reader has already read and
 * checked, so no file is read twice and the pages' entries are the checked ones. Bodies of `.md`
 * files are rendered here (through the site's Markdown pipeline); MDX reports are compiled by the
 * MDX integration, as Astro's own glob loader leaves them. Under `astro dev` (the only time Astro
 * gives a loader a watcher) most bodies are rendered when a page asks instead (src/reader/live-body.ts).
 */
export function caseLoader(collection: CollectionKey, contentRoot: string): Loader {
  return {
    name: 'casefile-reader',
    load: async (context) => {
      const session = caseSession();
      if (context.watcher) keepRenderer((body, options) => context.renderMarkdown(body, options));
      // One store at a time, in the order the case was read: a store skips the entries it finds
      // unchanged, so a later change's store can end first, and an earlier one still under way
      // (two saves in quick succession) would write its older text over it. A failed store does
      // not stop the next.
      let queue: Promise<void> = Promise.resolve();
      const store = (checked: CheckedCase): Promise<void> => {
        const run = () => storeFiles(collection, contentRoot, checked, context, session.draftsIncluded(contentRoot));
        queue = queue.then(run, run);
        return queue;
      };
      await store(session.currentCase(contentRoot));
      // Under `astro dev`, any change re-reads and re-checks the case, and refreshes this collection.
      context.watcher?.on('all', (_event, changed) => {
        if (changed.startsWith(contentRoot)) void store(session.caseAfterChange(contentRoot, changed));
      });
    },
  };
}

/** Every `.ts` file under a folder, sorted. */
function sourcesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .sort()
    .map((file) => path.join(folder, file));
}

// Raise when what a build stores for an entry changes, so entries stored by an older build are stored again.
const STORED_SHAPE = 'stored-2';

let pipelineDigest: string | undefined;

/**
 * A digest of the code that renders a body: the site's Markdown plugins (wikilinks, sanitiser,
 * citation marks) and src/lib, which they call. Astro itself empties its store when its version or
 * the site's configuration changes, not when a plugin's code does.
 */
function pipelineCode(): string {
  if (pipelineDigest !== undefined) return pipelineDigest;
  const src = fileURLToPath(new URL('..', import.meta.url));
  const plugins = ['markdown-plugins.ts', 'markdown-sanitiser.ts', 'citation-marks.ts'].map((file) =>
    path.join(src, 'integrations', file),
  );
  const hash = createHash('sha256');
  for (const file of [...plugins, ...sourcesUnder(path.join(src, 'lib'))])
    hash.update(`\n${path.relative(src, file)}\n`).update(readFileSync(file));
  pipelineDigest = hash.digest('hex');
  return pipelineDigest;
}

/**
 * Puts a collection's files into Astro's store, dropping entries whose file is gone. An entry whose
 * store digest is unchanged is kept as it is, without rendering its body again. The digest covers
 * everything the rendering reads: the file's text and path, the site's address and base, the case's
 * names (wikilink labels), the entry's own numbering of its sources (citation marks, which also
 * counts relationships declared in other files) and the rendering code. So a rendered body taken
 * from the store is the one a cold build renders, and an author's next build renders only the
 * bodies it changed. Under `astro dev`, an entry whose body is rendered on demand is stored without
 * it, under a digest of its front matter alone: an edit to its body leaves the store as it is.
 */
async function storeFiles(
  collection: CollectionKey,
  contentRoot: string,
  checked: CheckedCase,
  context: LoaderContext,
  withDrafts: boolean,
): Promise<void> {
  const { config, store } = context;
  const files: readonly ReadFile[] = checked.files;
  const root = fileURLToPath(config.root);
  const shared = `${pipelineCode()}\n${config.site ?? ''}\n${config.base}`;
  const lazy = context.watcher !== undefined;
  const untouched = new Set(store.keys());
  // Drafts leave no trace in a production build: their files never reach Astro's store, so their
  // images (front-matter `images`, `![](./photo.png)` in the body) are never imported or copied to
  // _astro/. The checker still read them, so references to a draft are told from references to nothing.
  for (const read of files) {
    if (read.input.collection !== collection) continue;
    if (read.input.data.draft && !withDrafts) continue;
    const id = read.input.slug;
    untouched.delete(id);
    const absolute = posix.join(contentRoot, read.path);
    const filePath = relative(root, absolute).split('\\').join('/');
    const raw = typeof read.raw === 'object' && read.raw !== null ? { ...read.raw } : {};
    if (lazy && rendersLive(read)) {
      const frontMatter = read.text.slice(0, read.text.length - read.input.body.length);
      const digest = context.generateDigest(`on demand\n${filePath}\n${frontMatter}`);
      if (store.get(id)?.digest === digest) continue;
      store.delete(id);
      // Pages read an entry's data only for its images (the model holds the rest), so an entry
      // without any is stored without it: validating 5,000 entries again was most of a start-up
      // on an empty store.
      const data = read.images.length > 0 ? await context.parseData({ id, data: raw, filePath: absolute }) : {};
      store.set({ id, data, filePath, digest });
      continue;
    }
    const digest = context.generateDigest(
      `${STORED_SHAPE}\n${shared}\n${renderInputs(checked.model, `${collection}/${id}`, filePath, read.text)}`,
    );
    // An entry of another content folder never reaches here: src/integrations/content-store.ts
    // empties the store when the folder changes (an entry's images are that folder's files).
    if (store.get(id)?.digest === digest) continue;
    store.delete(id);
    if (read.path.endsWith('.mdx')) {
      const data = await context.parseData({ id, data: raw, filePath: absolute });
      store.set({ id, data, body: read.input.body, filePath, digest, deferredRender: true });
    } else {
      // As under `astro dev`: a Markdown entry's data is parsed only for its images, and its body is
      // not kept beside the rendered HTML (pages read both from the model, which the case check has
      // validated). Building the collection's schema and parsing every entry's front matter with it
      // was most of a build's content sync (5,000 schemas at 5,000 entities), and every body was
      // held, and written to Astro's store file, a second time.
      const data = read.images.length > 0 ? await context.parseData({ id, data: raw, filePath: absolute }) : {};
      const rendered = await context.renderMarkdown(read.input.body, { fileURL: pathToFileURL(absolute) });
      const assetImports = rendered.metadata?.imagePaths;
      store.set({ id, data, filePath, digest, rendered, ...(assetImports ? { assetImports } : {}) });
      // A page shows this HTML as it is, unless the entry has images: Astro puts a body image's
      // address in while it renders, and a dossier shows the front matter's images with the body.
      if (read.images.length === 0 && !assetImports?.length) noteRenderedBody(`${collection}/${id}`, rendered.html);
    }
  }
  for (const id of untouched) store.delete(id);
}
