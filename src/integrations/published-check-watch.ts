import { readdirSync, readFileSync, statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { SEARCH_INDEX_FOLDER } from './built-files.ts';
import { digestOf, FileChecker, isCheckedFile, type CheckedFile, type CheckWork } from './published-check-share.ts';

/**
 * The check of the built pages while Astro is still writing them, on a worker thread beside the
 * rendering: each directory of the output folder is watched (inotify, one watch per directory;
 * Node's recursive watch polls every file on Linux), and a file is checked once no write has touched
 * it for a moment. Nothing found here is trusted at the end unless the file still has the bytes that
 * were checked: `finish` hashes each one again, and checks again any that changed.
 */

/** How long a file must go unwritten before it is read (a write may come in several parts). */
const SETTLE_MS = 40;

/** How long one turn of checking runs before the worker answers messages again. */
const TURN_MS = 50;

/** The early check of one build's output folder. */
export class WatchedCheck {
  readonly #out: string;
  readonly #checker: FileChecker;
  /** Files checked so far, with their digests and findings. */
  readonly #checked = new Map<string, CheckedFile>();
  /** Files written and not yet checked, with the time of their last write. */
  readonly #pending = new Map<string, number>();
  readonly #watchers = new Map<string, FSWatcher>();
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;

  constructor(work: Omit<CheckWork, 'files'>) {
    this.#out = work.out;
    this.#checker = new FileChecker(work);
  }

  /** Starts watching the output folder (whatever it holds already is queued as well). */
  start(): void {
    this.#watchFolder('');
  }

  /** The files checked so far. */
  checkedFiles(): string[] {
    return [...this.#checked.keys()];
  }

  /** Stops watching; returns the files checked so far (the caller shares out the rest). */
  stop(): string[] {
    this.#stopped = true;
    for (const watcher of this.#watchers.values()) watcher.close();
    this.#watchers.clear();
    if (this.#timer) clearTimeout(this.#timer);
    return this.checkedFiles();
  }

  /**
   * The final word on some files: one checked early stands if its bytes are unchanged (hashed
   * again), any other is read and checked now.
   */
  finish(files: readonly string[]): CheckedFile[] {
    return files.map((file) => {
      const early = this.#checked.get(file);
      if (!early) return this.#checker.read(file);
      const bytes = readFileSync(path.join(this.#out, file));
      return digestOf(bytes) === early.digest ? early : this.#checker.check(file, bytes);
    });
  }

  /** Watches a folder (relative to the output folder) and queues what it holds. */
  #watchFolder(folder: string): void {
    if (this.#stopped || this.#watchers.has(folder)) return;
    const absolute = path.join(this.#out, folder);
    try {
      // Watched before it is listed: a file written in between is both listed and reported.
      const watcher = watch(absolute, (_event, name) => {
        if (name) this.#seen(folder === '' ? name : `${folder}/${name}`);
      });
      // A watch that fails (a folder removed, the system's watch limit reached) only leaves more for the end.
      watcher.on('error', () => watcher.close());
      this.#watchers.set(folder, watcher);
      for (const entry of readdirSync(absolute, { withFileTypes: true })) {
        const relative = folder === '' ? entry.name : `${folder}/${entry.name}`;
        if (entry.isDirectory()) this.#folderFound(relative);
        else this.#queue(relative);
      }
    } catch {
      // Left to the check at the end of the build.
    }
  }

  /** A name a watch reported: a new folder is watched in turn, a file queued. */
  #seen(relative: string): void {
    if (isCheckedFile(relative)) {
      this.#queue(relative);
      return;
    }
    if (relative === SEARCH_INDEX_FOLDER || path.extname(relative) !== '') return;
    let isFolder = false;
    try {
      isFolder = statSync(path.join(this.#out, relative)).isDirectory();
    } catch {
      return;
    }
    if (isFolder) this.#folderFound(relative);
  }

  /** A folder found in the output folder; Pagefind's index is not the check's. */
  #folderFound(relative: string): void {
    if (relative !== SEARCH_INDEX_FOLDER) this.#watchFolder(relative);
  }

  /** Queues a file to check once it has settled. */
  #queue(relative: string): void {
    if (!isCheckedFile(relative)) return;
    this.#checked.delete(relative);
    this.#pending.set(relative, performance.now());
    this.#timer ??= setTimeout(() => this.#turn(), SETTLE_MS);
  }

  /** Checks settled files for one turn, then lets messages in and comes back for the rest. */
  #turn(): void {
    this.#timer = undefined;
    if (this.#stopped) return;
    const start = performance.now();
    for (const [file, written] of this.#pending) {
      if (performance.now() - start > TURN_MS) break;
      if (start - written < SETTLE_MS) continue;
      this.#pending.delete(file);
      try {
        this.#checked.set(file, this.#checker.read(file));
      } catch {
        // Gone or unreadable for now: whatever is there at the end is checked then.
      }
    }
    // Soon again: some files are still settling, or the turn ran out.
    if (this.#pending.size > 0) this.#timer = setTimeout(() => this.#turn(), 5);
  }
}
