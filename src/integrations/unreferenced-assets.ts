import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

/** The sweep's memo, in casefile's part of Astro's cache folder. */
const MEMO_FILE = 'asset-references.json';

/** Files whose text can name another file. */
const TEXT = /\.(?:html|xml|json|css|m?js|svg|txt|webmanifest)$|^_headers$/;

/**
 * What the last sweep of an output folder found in each file outside `_astro/`: the names that follow
 * `_astro/` in it, kept with the file's size and modification time (in nanoseconds) when read. A file
 * written again has another time, so an author's rebuild reads only the pages it rendered, not the
 * thousands it kept, nor the whole-case exports (46 MB of the 180 MB read at 5,000 entities).
 */
interface SweepMemo {
  /** The output folder swept. */
  out: string;
  /** Every name found, once; files refer to them by index. */
  names: string[];
  /** Per file (relative, with slashes): size, modification time, and the indexes of its names. */
  files: Record<string, [size: number, mtime: string, names: number[]]>;
}

/** The memo, if it is one of this output folder; anything unreadable is no memo. */
function readMemo(memoFile: string, out: string): SweepMemo | undefined {
  try {
    const memo = JSON.parse(readFileSync(memoFile, 'utf8')) as SweepMemo;
    return memo.out === out && Array.isArray(memo.names) && typeof memo.files === 'object' ? memo : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The names of the `_astro/` files nothing refers to, in a built site. With a memo file (in Astro's
 * cache folder), a file unchanged since the last sweep is not read again: its names are the memo's.
 */
export function unreferencedAssets(out: string, memoFile?: string): string[] {
  // Not Pagefind's index: it names no asset, and Pagefind may be writing it while this runs
  // (src/integrations/pagefind.ts starts once the pages are generated).
  const files = builtFiles(out);
  const assets = new Set(files.filter((file) => file.startsWith(`${ASSETS}/`)).map((file) => path.basename(file)));
  const reached = new Set<string>();
  const queue: string[] = [];
  const reach = (name: string) => {
    if (assets.has(name) && !reached.has(name)) {
      reached.add(name);
      queue.push(name);
    }
  };
  const namesIn = (text: string) => [...text.matchAll(NAME)].map((match) => path.basename(match[0]));
  // Pages, feeds and data name an asset by its path, `/_astro/NAME`: only what follows that is read,
  // found in the file's bytes (the prefix is ASCII, so it is found wherever the text has it) without
  // decoding the rest.
  const prefix = `${ASSETS}/`;
  const needle = Buffer.from(prefix);
  const previous = memoFile ? readMemo(memoFile, out) : undefined;
  const next: SweepMemo = { out, names: [], files: {} };
  const indexOf = new Map<string, number>();
  for (const file of files) {
    if (file.startsWith(prefix) || !TEXT.test(path.basename(file))) continue;
    const { size, mtimeNs } = statSync(path.join(out, file), { bigint: true });
    const mtime = String(mtimeNs);
    const known = previous?.files[file];
    let names: string[];
    if (known && known[0] === Number(size) && known[1] === mtime) {
      names = known[2].flatMap((index) => previous.names[index] ?? []);
    } else {
      const bytes = readFileSync(path.join(out, file));
      const found = new Set<string>();
      for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1)) {
        for (const name of namesIn(bytes.toString('utf8', at + needle.length, at + needle.length + 200))) {
          found.add(name);
        }
      }
      names = [...found];
    }
    for (const name of names) reach(name);
    next.files[file] = [
      Number(size),
      mtime,
      names.map((name) => {
        let index = indexOf.get(name);
        if (index === undefined) {
          index = next.names.push(name) - 1;
          indexOf.set(name, index);
        }
        return index;
      }),
    ];
  }
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    if (TEXT.test(name)) for (const found of namesIn(readFileSync(path.join(out, ASSETS, name), 'utf8'))) reach(found);
  }
  if (memoFile) {
    mkdirSync(path.dirname(memoFile), { recursive: true });
    writeFileSync(memoFile, JSON.stringify(next));
  }
  return [...assets].filter((name) => !reached.has(name)).sort();
}

/** The integration; it runs after every step that writes pages and before the output is checked. */
export function unreferencedAssetsRemoved(): AstroIntegration {
  let memoFile: string | undefined;
  return {
    name: 'casefile:unreferenced-assets',
    hooks: {
      'astro:config:done': ({ config }) => {
        memoFile = path.join(fileURLToPath(config.cacheDir), 'casefile', MEMO_FILE);
      },
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const unused = unreferencedAssets(out, memoFile);
        for (const name of unused) rmSync(path.join(out, ASSETS, name));
        if (unused.length > 0) logger.info(`removed ${unused.length} files no page refers to: ${unused.join(', ')}`);
      },
    },
  };
}
