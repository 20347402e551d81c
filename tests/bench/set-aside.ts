import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

/**
 * What the bench clears before a cold build (the previous output, the content cache, the previous
 * case) is renamed into a set-aside folder beside it, and only removed when the whole run is over.
 *
 * Removing it at once made every build after it slower, and more so the more files it writes. On
 * ext4 without a journal (this project's test machines) the kernel will not hand out an inode freed
 * in the last minute or more while others are free, and it finds that out one freed inode at a time,
 * for every file or folder it creates. Measured on 5,000 entities, each build started with a fresh
 * content cache, the output set aside in one case and removed in the other: set aside, 32.8 s and
 * 37.0 s wall (5.6 s and 6.0 s of system time); removed just before, 41.3 s and 41.4 s (9.8 s and
 * 12.9 s of system time). A fresh clone has no previous output and nothing freed; renaming keeps
 * every measured build that way, casefile's and the baselines' alike.
 */

/** Set-aside folders this run has used, removed by `removeSetAside`. */
const holders = new Set<string>();

/** The set-aside folder for a path: hidden, beside it, so that the rename stays on one file system. */
function holderOf(target: string): string {
  return path.join(path.dirname(target), '.bench-set-aside');
}

/** Moves a file or folder out of the way (a rename: nothing is freed yet); does nothing when it is absent. */
export function setAside(target: string): void {
  const holder = holderOf(target);
  // Known from here on even when there is nothing to move: a run that stopped early may have left some.
  if (existsSync(holder)) holders.add(holder);
  if (!existsSync(target)) return;
  mkdirSync(holder, { recursive: true });
  holders.add(holder);
  const taken = new Set(readdirSync(holder));
  let n = 0;
  while (taken.has(`${path.basename(target)}-${n}`)) n++;
  renameSync(target, path.join(holder, `${path.basename(target)}-${n}`));
}

/** Removes everything this run set aside, with whatever earlier runs left in the same folders. */
export function removeSetAside(): void {
  for (const holder of holders) rmSync(holder, { recursive: true, force: true });
  holders.clear();
}
