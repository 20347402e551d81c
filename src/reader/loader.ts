import { posix, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { CollectionKey } from '../lib/schema/entity-types.ts';
import { caseAfterChange, currentCase, draftsIncluded } from './session.ts';
import type { ReadFile } from './read-case.ts';

/**
 * The Astro loader of every collection: it hands Astro the files the reader has already read and
 * checked, so no file is read twice and the pages' entries are the checked ones. Bodies of `.md`
 * files are rendered here (through the site's Markdown pipeline); MDX reports are compiled by the
 * MDX integration, as Astro's own glob loader leaves them.
 */
export function caseLoader(collection: CollectionKey, contentRoot: string): Loader {
  return {
    name: 'casefile-reader',
    load: async (context) => {
      const store = (files: readonly ReadFile[]) => storeFiles(collection, contentRoot, files, context);
      await store(currentCase(contentRoot).files);
      // Under `astro dev`, any change re-reads and re-checks the case, and refreshes this collection.
      context.watcher?.on('all', (_event, changed) => {
        if (changed.startsWith(contentRoot)) void store(caseAfterChange(contentRoot, changed).files);
      });
    },
  };
}

/** Puts a collection's files into Astro's store, dropping entries whose file is gone. */
async function storeFiles(
  collection: CollectionKey,
  contentRoot: string,
  files: readonly ReadFile[],
  context: LoaderContext,
): Promise<void> {
  const { config, store } = context;
  const root = fileURLToPath(config.root);
  const untouched = new Set(store.keys());
  // Drafts leave no trace in a production build: their files never reach Astro's store, so their
  // images (front-matter `images`, `![](./photo.png)` in the body) are never imported or copied to
  // _astro/. The checker still read them, so references to a draft are told from references to nothing.
  const withDrafts = draftsIncluded(contentRoot);
  for (const read of files) {
    if (read.input.collection !== collection) continue;
    if (read.input.data.draft && !withDrafts) continue;
    const id = read.input.slug;
    untouched.delete(id);
    const absolute = posix.join(contentRoot, read.path);
    const filePath = relative(root, absolute).split('\\').join('/');
    const digest = context.generateDigest(read.text);
    // Every entry is stored anew: an entry kept from an earlier build could point at another
    // folder's files (its images), and the reader has read the file already anyway.
    store.delete(id);
    const raw = typeof read.raw === 'object' && read.raw !== null ? { ...read.raw } : {};
    const data = await context.parseData({ id, data: raw, filePath: absolute });
    if (read.path.endsWith('.mdx')) {
      store.set({ id, data, body: read.input.body, filePath, digest, deferredRender: true });
    } else {
      const rendered = await context.renderMarkdown(read.input.body, { fileURL: pathToFileURL(absolute) });
      const assetImports = rendered.metadata?.imagePaths;
      store.set({
        id,
        data,
        body: read.input.body,
        filePath,
        digest,
        rendered,
        ...(assetImports ? { assetImports } : {}),
      });
    }
  }
  for (const id of untouched) store.delete(id);
}
