import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SEARCH_INDEX_FOLDER } from './built-files.ts';
import { PublishedChecker, type PublishedCheckOptions, type PublishedFinding } from '../lib/published-check.ts';

/**
 * One share of the check of the built pages, on a worker thread or on the build's own: each file is
 * read and hashed, and checked unless the previous build checked the very same bytes (its digest is
 * in `known`), with the same checker and settings (the caller keys the cache on those).
 */

/**
 * Files read: pages, data, feeds and sitemaps, SVG images (a browser runs an SVG's scripts), and the
 * exports for spreadsheets and graph tools.
 */
const CHECKED = /\.(html|json|xml|svg|csv|gexf|graphml)$/;

/**
 * Whether a file of the output folder (relative to it, with slashes) is one the check reads: a page,
 * data file, feed, sitemap, SVG image or export, outside Pagefind's index (its own) and, under _astro/
 * (the bundler's scripts and styles), only the SVG images.
 */
export function isCheckedFile(relative: string): boolean {
  if (!CHECKED.test(relative) || relative.startsWith(`${SEARCH_INDEX_FOLDER}/`)) return false;
  return !relative.startsWith('_astro/') || relative.endsWith('.svg');
}

/** What a share is given. */
export interface CheckWork {
  /** The output folder. */
  out: string;
  /** Its files, relative to the output folder. */
  files: string[];
  /** The checker's settings. */
  options: PublishedCheckOptions;
  /** Digests of files the previous build checked, by file; a file with the same digest is not checked again. */
  known: Record<string, string>;
}

/** One file of a share: its digest, and its findings, or `reused` when the previous build's stand. */
export interface CheckedFile {
  /** The file, relative to the output folder. */
  file: string;
  /** SHA-256 of its bytes, hex. */
  digest: string;
  /** Its findings; empty when reused (the caller has them from the cache). */
  findings: PublishedFinding[];
  /** Whether the file was the same bytes as last time, so its check was not run again. */
  reused: boolean;
}

/** The SHA-256 of a file's bytes, hex. */
export function digestOf(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Checks files one at a time, with one checker made on first need, skipping bytes the previous build checked. */
export class FileChecker {
  readonly #work: Omit<CheckWork, 'files'>;
  #checker: PublishedChecker | undefined;

  constructor(work: Omit<CheckWork, 'files'>) {
    this.#work = work;
  }

  /** Checks the bytes of one file (read by the caller, so that its digest is of what was checked). */
  check(file: string, bytes: Buffer): CheckedFile {
    const digest = digestOf(bytes);
    if (this.#work.known[file] === digest) return { file, digest, findings: [], reused: true };
    this.#checker ??= new PublishedChecker(this.#work.options);
    return { file, digest, findings: this.#checker.check(file, bytes.toString('utf8')), reused: false };
  }

  /** Reads and checks one file. */
  read(file: string): CheckedFile {
    return this.check(file, readFileSync(path.join(this.#work.out, file)));
  }
}

/** Checks a share of the files, skipping those whose bytes the previous build checked. */
export function checkShare(work: CheckWork): CheckedFile[] {
  const checker = new FileChecker(work);
  return work.files.map((file) => checker.read(file));
}
