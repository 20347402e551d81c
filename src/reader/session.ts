import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { checkCaseFolder, type CheckedCase } from './read-case.ts';

/**
 * The checked case of this process. `astro build` loads its config, its content loaders and its
 * pages as separate module graphs in one Node process: the case is read and checked once, by the
 * first of them to ask (the build's check, before anything else), and every later one gets the same
 * result, so the pages read the very model the checks built.
 */

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
  var casefileCheckedCase: { current?: Session } | undefined;
}

/** The process-wide slot, shared across module graphs through the global object. */
function slot(): { current?: Session } {
  globalThis.casefileCheckedCase ??= {};
  return globalThis.casefileCheckedCase;
}

/** The case under a content root, read and checked once per process (or again when `fresh`). */
export function checkedCase(contentRoot: string, includeDrafts: boolean, fresh = false): CheckedCase {
  const root = path.resolve(contentRoot);
  const current = slot().current;
  if (!fresh && current?.root === root && current.includeDrafts === includeDrafts) return current.result;
  const result = checkCaseFolder(root, { includeDrafts });
  slot().current = { root, includeDrafts, result };
  return result;
}

/**
 * The case read again after a file under the content root changed (`astro dev`). The check and every
 * collection's loader hear of the same change: the first to ask reads the case, the others get that.
 */
export function caseAfterChange(contentRoot: string, changed: string): CheckedCase {
  const current = slot().current;
  const change = `${changed}@${existsSync(changed) ? String(statSync(changed).mtimeMs) : 'gone'}`;
  if (current?.root === path.resolve(contentRoot) && current.change === change) return current.result;
  const result = checkedCase(contentRoot, true, true);
  const session = slot().current;
  if (session) session.change = change;
  return result;
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
