import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The search body of each entry page (the marked part of its built HTML that Pagefind indexes),
 * remembered between an author's incremental builds (src/integrations/incremental-build.ts). A
 * rebuild keeps thousands of pages untouched, and cutting the body out of each again cost a
 * 5,000-entity rebuild seconds of reading and matching. A remembered body is used only for a page
 * whose file has the size and modification time it had when the body was cut, in the same output
 * folder, which is what the rebuild itself trusts to keep a page; anything else is read again.
 */

/** The file, under Astro's cache folder, that holds the bodies of the last build's pages. */
export const SEARCH_BODIES_FILE = 'casefile/search-bodies.json';

/** Bumped when what is remembered changes meaning, so an old file is not read. */
const VERSION = 1;

/** One page's remembered body. */
interface RememberedBody {
  size: number;
  mtimeMs: number;
  body: string;
}

/** What is written: the output folder the pages are in, and each page's body by its file. */
interface BodiesFile {
  version: number;
  outDir: string;
  pages: Record<string, RememberedBody>;
}

/** The bodies one build reads and the next will find. */
export class SearchBodies {
  readonly #file: string;
  readonly #outDir: string;
  readonly #previous: ReadonlyMap<string, RememberedBody>;
  readonly #next = new Map<string, string>();
  #remembered = 0;

  /** The bodies remembered for `outDir` in the file `file` (none if it is missing, old or for another folder). */
  constructor(file: string, outDir: string) {
    this.#file = file;
    this.#outDir = outDir;
    this.#previous = readBodies(file, outDir);
  }

  /**
   * The body of a page (its file relative to the output folder): the remembered one if the file is
   * still the one it was cut from, else `cut` applied to the file's text. Either way it is kept
   * for `save`.
   */
  bodyOf(page: string, cut: (html: string) => string): string {
    const file = path.join(this.#outDir, page);
    const remembered = this.#previous.get(page);
    let body: string | undefined;
    if (remembered) {
      const stat = statSync(file, { throwIfNoEntry: false });
      if (stat && stat.size === remembered.size && stat.mtimeMs === remembered.mtimeMs) body = remembered.body;
    }
    if (body !== undefined) this.#remembered++;
    body ??= cut(readFileSync(file, 'utf8'));
    this.#next.set(page, body);
    return body;
  }

  /**
   * The body a page had in the last build, whatever its file holds now: a guess at the body of a
   * page about to be rendered again, to be checked against it once it is.
   */
  previous(page: string): string | undefined {
    return this.#previous.get(page)?.body;
  }

  /** How many bodies asked for in this build were the remembered ones. */
  get remembered(): number {
    return this.#remembered;
  }

  /** Writes the bodies asked for in this build, with their files' size and time, for the next. */
  save(): void {
    const pages: Record<string, RememberedBody> = {};
    for (const [page, body] of [...this.#next].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const stat = statSync(path.join(this.#outDir, page), { throwIfNoEntry: false });
      if (stat) pages[page] = { size: stat.size, mtimeMs: stat.mtimeMs, body };
    }
    mkdirSync(path.dirname(this.#file), { recursive: true });
    writeFileSync(this.#file, JSON.stringify({ version: VERSION, outDir: this.#outDir, pages } satisfies BodiesFile));
  }

  /** Removes the file, so that a build that stops half-way leaves nothing to trust behind it. */
  forget(): void {
    rmSync(this.#file, { force: true });
  }
}

/** The remembered bodies of a file, if it is one of this version for this output folder. */
function readBodies(file: string, outDir: string): Map<string, RememberedBody> {
  if (!existsSync(file)) return new Map();
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as BodiesFile;
    if (parsed.version !== VERSION || parsed.outDir !== outDir) return new Map();
    return new Map(Object.entries(parsed.pages));
  } catch {
    return new Map();
  }
}
