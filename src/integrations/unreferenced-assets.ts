import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { builtFiles } from './built-files.ts';

/**
 * Every file under `_astro/` is referenced by a published page, or it is removed. Vite writes the
 * script of every component a route imports and the styles of every route, rendered or not, and
 * Astro copies an image as soon as anything reads it: a file no page, style sheet or script names
 * can only be a leftover, and one derived from content could carry what was never meant to be
 * published. What is kept is found by following names from the pages, feeds and data files
 * (outside `_astro/`) into the style sheets and scripts they load, and on from those.
 */

const ASSETS = '_astro';

/** File names as pages, style sheets and scripts refer to them ("Base.BRtt2d8y.css"). */
const NAME = /[\w$~@.-]+\.(?:m?js|css|webp|avif|png|jpe?g|gif|svg|ico|woff2?|ttf|otf|wasm|json|txt)\b/g;

/** Files whose text can name another file. */
const TEXT = /\.(?:html|xml|json|css|m?js|svg|txt|webmanifest)$|^_headers$/;

/** The names of the `_astro/` files nothing refers to, in a built site. */
export function unreferencedAssets(out: string): string[] {
  // Not Pagefind's index: it names no asset, and Pagefind may be writing it while this runs
  // (src/integrations/pagefind.ts starts once the pages are generated).
  const files = builtFiles(out);
  const assets = new Set(files.filter((file) => file.startsWith(`${ASSETS}/`)).map((file) => path.basename(file)));
  const reached = new Set<string>();
  const queue: string[] = [];
  const scan = (text: string) => {
    for (const match of text.matchAll(NAME)) {
      const name = path.basename(match[0]);
      if (assets.has(name) && !reached.has(name)) {
        reached.add(name);
        queue.push(name);
      }
    }
  };
  // Pages, feeds and data name an asset by its path, `/_astro/NAME`: only what follows that is read,
  // found in the file's bytes (the prefix is ASCII, so it is found wherever the text has it) without
  // decoding the rest.
  const prefix = `${ASSETS}/`;
  const needle = Buffer.from(prefix);
  for (const file of files) {
    if (file.startsWith(prefix) || !TEXT.test(path.basename(file))) continue;
    const bytes = readFileSync(path.join(out, file));
    for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1)) {
      scan(bytes.toString('utf8', at + needle.length, at + needle.length + 200));
    }
  }
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    if (TEXT.test(name)) scan(readFileSync(path.join(out, ASSETS, name), 'utf8'));
  }
  return [...assets].filter((name) => !reached.has(name)).sort();
}

/** The integration; it runs after every step that writes pages and before the output is checked. */
export function unreferencedAssetsRemoved(): AstroIntegration {
  return {
    name: 'casefile:unreferenced-assets',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const unused = unreferencedAssets(out);
        for (const name of unused) rmSync(path.join(out, ASSETS, name));
        if (unused.length > 0) logger.info(`removed ${unused.length} files no page refers to: ${unused.join(', ')}`);
      },
    },
  };
}
