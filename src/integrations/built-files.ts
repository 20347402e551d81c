import { readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Every HTML page of a built site, relative to its folder and sorted, so whatever is computed from
 * them is written in the same order every time. Pagefind's own folder holds no pages.
 */
export function htmlFiles(root: string, folder = ''): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(path.join(root, folder), { withFileTypes: true })) {
    const relative = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (relative !== 'pagefind') files.push(...htmlFiles(root, relative));
    } else if (entry.name.endsWith('.html')) {
      files.push(relative);
    }
  }
  return files.sort();
}
