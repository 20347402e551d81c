import { lstatSync, readdirSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A file to be in the folder: its path relative to the folder, with `/` between parts, and its bytes. */
export interface FolderFile {
  /** Relative path, e.g. `fragment/en_3ac1.pf_fragment`. */
  path: string;
  /** The file's bytes. */
  content: Uint8Array;
}

/** What making a folder hold a set of files did. */
export interface FolderSync {
  /** Files written, new or changed. */
  written: number;
  /** Files that already held the same bytes, left untouched. */
  unchanged: number;
  /** Files and folders removed: in the folder, but not in the set. */
  removed: number;
}

/** Files written or compared at once: each is a system call or two on libuv's threads. */
const FILES_IN_FLIGHT = 8;

/**
 * Removes from `folder` everything that is not one of the wanted files or the folders that hold
 * them (a file where a folder must be, a folder where a file must be, a link, anything stale), and
 * returns the wanted files already there, as plain files, with how many entries it removed.
 */
async function pruned(
  folder: string,
  wanted: ReadonlyMap<string, Uint8Array>,
  folders: ReadonlySet<string>,
): Promise<{ present: Set<string>; removed: number }> {
  const present = new Set<string>();
  let removed = 0;
  const walk = async (relative: string) => {
    for (const entry of readdirSync(path.join(folder, relative), { withFileTypes: true })) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory() && folders.has(child)) await walk(child);
      else if (entry.isFile() && wanted.has(child)) present.add(child);
      else {
        await rm(path.join(folder, child), { recursive: true, force: true });
        removed++;
      }
    }
  };
  // A link in the folder's place would have the files written wherever it points.
  const stat = lstatSync(folder, { throwIfNoEntry: false });
  if (stat?.isDirectory()) await walk('');
  else if (stat) {
    await rm(folder, { force: true });
    removed++;
  }
  return { present, removed };
}

/** The file's path, refused when it would land outside the folder. */
function checkedPath(relative: string): string {
  const normal = path.posix.normalize(relative);
  if (relative === '' || path.posix.isAbsolute(relative) || normal !== relative || normal.startsWith('../')) {
    throw new Error(`a file to write has the path "${relative}", which is not a plain path inside its folder`);
  }
  return normal;
}

/** Whether the file on disk holds exactly these bytes. */
async function holds(file: string, content: Uint8Array): Promise<boolean> {
  const present = await readFile(file);
  return present.length === content.length && present.equals(content);
}

/**
 * Makes `folder` hold exactly `files`, whatever it held before: a file already there with the same
 * bytes is left as it is, one missing or different is written, and anything else is removed. Pagefind
 * writes its whole index every build, about a file per page; an author's rebuild changes a few of them,
 * and creating the thousands of others again cost seconds of system time.
 */
export async function syncFolder(folder: string, files: readonly FolderFile[]): Promise<FolderSync> {
  const wanted = new Map<string, Uint8Array>();
  const folders = new Set<string>();
  for (const file of files) {
    const relative = checkedPath(file.path);
    wanted.set(relative, file.content);
    for (let parent = path.posix.dirname(relative); parent !== '.'; parent = path.posix.dirname(parent))
      folders.add(parent);
  }
  const clash = [...wanted.keys()].find((relative) => folders.has(relative));
  if (clash !== undefined) throw new Error(`"${clash}" is to be both a file and a folder that holds others`);
  const { present, removed } = await pruned(folder, wanted, folders);
  await mkdir(folder, { recursive: true });
  for (const relative of folders) await mkdir(path.join(folder, relative), { recursive: true });
  let written = 0;
  let unchanged = 0;
  const queue = [...wanted];
  const next = async () => {
    for (let item = queue.pop(); item !== undefined; item = queue.pop()) {
      const [relative, content] = item;
      const file = path.join(folder, relative);
      if (present.has(relative) && (await holds(file, content))) {
        unchanged++;
        continue;
      }
      await writeFile(file, content);
      written++;
    }
  };
  await Promise.all(Array.from({ length: FILES_IN_FLIGHT }, next));
  return { written, unchanged, removed };
}
