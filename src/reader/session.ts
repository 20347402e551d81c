import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { checkCase, type CheckedCase, type ParseCache } from './read-case.ts';
import { diskSource, keptSource, type KeptSource } from './content-source.ts';

/**
 * The checked case of this process. `astro build` loads its config, its content loaders and its
 * pages as separate module graphs in one Node process: the case is read and checked once, by the
 * first of them to ask (the build's check, before anything else), and every later one gets the same
 * result, so the pages read the very model the checks built. Under `astro dev` the case is checked
 * again after every change, reading and parsing again only the file that changed.
 */

/** What this process has read of a content folder: file texts and their parses, kept for the next check. */
interface Reading {
  root: string;
  texts: KeptSource;
  parses: ParseCache;
  /** Each changed file's state on disk when it was last read again. */
  states: Map<string, string>;
}

/** One checked case and how it was read. */
interface Session {
  root: string;
  includeDrafts: boolean;
  result: CheckedCase;
  /** The file change it was read after, under `astro dev`. */
  change?: string | undefined;
}

declare global {
  /** The checked case of this process (see above); one slot for every module graph. */
  var casefileCheckedCase: { current?: Session; reading?: Reading } | undefined;
  /** The first copy of this module's functions the process loaded (see src/reader/case-session.ts). */
  var casefileSession: SessionApi | undefined;
}

/** The process-wide slot, shared across module graphs through the global object. */
function slot(): { current?: Session; reading?: Reading } {
  globalThis.casefileCheckedCase ??= {};
  return globalThis.casefileCheckedCase;
}

/** The kept reading of a content folder (a new one when the folder is another). */
function readingOf(root: string): Reading {
  const kept = slot().reading;
  if (kept?.root === root) return kept;
  const reading: Reading = { root, texts: keptSource(diskSource(root)), parses: new Map(), states: new Map() };
  slot().reading = reading;
  return reading;
}

/** The case under a content root, read and checked once per process (or again when `fresh`). */
export function checkedCase(contentRoot: string, includeDrafts: boolean, fresh = false): CheckedCase {
  const root = path.resolve(contentRoot);
  const current = slot().current;
  if (!fresh && current?.root === root && current.includeDrafts === includeDrafts) return current.result;
  const reading = readingOf(root);
  const result = checkCase(reading.texts, { includeDrafts }, reading.parses);
  slot().current = { root, includeDrafts, result };
  return result;
}

/** A file's state on disk, to tell one change of it from the next: time and size (a save may truncate first). */
export function fileState(file: string): string {
  if (!existsSync(file)) return 'gone';
  const stats = statSync(file);
  return `${String(stats.mtimeMs)}:${String(stats.size)}`;
}

/**
 * The case read again after a file under the content root changed (`astro dev`). The check and every
 * collection's loader hear of the same change: the first to ask reads the case, the others get that.
 * Only the changed file is read and parsed again; any other file added or removed beside the
 * entries (an image) makes every entry be parsed again, since an entry's check looks for its images.
 */
export function caseAfterChange(contentRoot: string, changed: string): CheckedCase {
  const root = path.resolve(contentRoot);
  const current = slot().current;
  const state = fileState(changed);
  const change = `${changed}@${state}`;
  if (current?.root === root && current.change === change) return current.result;
  const reading = readingOf(root);
  reading.states.set(changed, state);
  const relative = path.relative(root, changed).split(path.sep).join('/');
  reading.texts.forget(relative);
  if (!/\.mdx?$/.test(relative)) reading.parses.clear();
  const result = checkedCase(contentRoot, true, true);
  const session = slot().current;
  if (session) session.change = change;
  return result;
}

/** Whether a file changed on disk since the case was last read after a change of it (a change the watcher did not report). */
export function changedSinceRead(contentRoot: string, file: string): boolean {
  const reading = slot().reading;
  const state = reading?.root === path.resolve(contentRoot) ? reading.states.get(file) : undefined;
  return state !== undefined && state !== fileState(file);
}

/** Whether this process's case includes drafts (`astro dev`); a production build's does not. */
export function draftsIncluded(contentRoot: string): boolean {
  const current = slot().current;
  return current?.root === path.resolve(contentRoot) ? current.includeDrafts : true;
}

/** The case under a content root as this process last checked it, or checked now (drafts included). */
export function currentCase(contentRoot: string): CheckedCase {
  const current = slot().current;
  if (current?.root === path.resolve(contentRoot)) return current.result;
  return checkedCase(contentRoot, true);
}

/** The functions the pages and the content loaders call, through src/reader/case-session.ts. */
export const sessionApi = { checkedCase, currentCase, caseAfterChange, draftsIncluded };

/** The functions of `sessionApi`, as src/reader/case-session.ts hands them out. */
export type SessionApi = typeof sessionApi;

// The config loads this module first (Node itself, not Vite): the module graphs Vite loads use
// that copy, and so do not transform and run the reader and the checker again.
globalThis.casefileSession ??= sessionApi;
