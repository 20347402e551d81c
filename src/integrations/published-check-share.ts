import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PublishedChecker, type PublishedCheckOptions, type PublishedFinding } from '../lib/published-check.ts';

/**
 * One share of the check of the built pages, on a worker thread or on the build's own: each file is
 * read and hashed, and checked unless the previous build checked the very same bytes (its digest is
 * in `known`), with the same checker and settings (the caller keys the cache on those).
 */

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

/** Checks a share of the files, skipping those whose bytes the previous build checked. */
export function checkShare(work: CheckWork): CheckedFile[] {
  let checker: PublishedChecker | undefined;
  return work.files.map((file) => {
    const bytes = readFileSync(path.join(work.out, file));
    const digest = createHash('sha256').update(bytes).digest('hex');
    if (work.known[file] === digest) return { file, digest, findings: [], reused: true };
    checker ??= new PublishedChecker(work.options);
    return { file, digest, findings: checker.check(file, bytes.toString('utf8')), reused: false };
  });
}
