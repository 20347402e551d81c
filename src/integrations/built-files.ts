import { readdirSync } from 'node:fs';
import path from 'node:path';

/** The folder of Pagefind's index in a built site: its own files, holding no page and naming no asset. */
export const SEARCH_INDEX_FOLDER = 'pagefind';

/**
 * Every file of a built site that `wanted` accepts (given its path relative to the site, with
 * slashes), outside Pagefind's index, sorted, so whatever is computed from them is written in the
 * same order every time.
 */
export function builtFiles(root: string, wanted: (relative: string) => boolean = () => true): string[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(path.join(root, folder), { withFileTypes: true })) {
      const relative = folder === '' ? entry.name : `${folder}/${entry.name}`;
      if (!entry.isDirectory()) {
        if (wanted(relative)) files.push(relative);
      } else if (relative !== SEARCH_INDEX_FOLDER) {
        walk(relative);
      }
    }
  };
  walk('');
  return files.sort();
}

/** Every HTML page of a built site, relative to its folder and sorted. */
export function htmlFiles(root: string): string[] {
  return builtFiles(root, (file) => file.endsWith('.html'));
}
