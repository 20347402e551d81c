import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Where the reader finds a case's files: a folder on disk, or (for tests) files held in memory.
 * Paths are relative to the content root and use `/`.
 */
export interface ContentSource {
  /** How problems name the root, e.g. `content` or `tests/fixtures/basic`. */
  readonly displayRoot: string;
  /** Whether the root exists and is a folder. */
  exists(): boolean;
  /** Every file and folder under the root, relative to it, sorted; folders end with `/`. */
  list(): string[];
  /** A file's text. */
  read(file: string): string;
  /** Whether a file exists (an image beside an entry). */
  has(file: string): boolean;
  /** The absolute path of a file, for Astro's loader; undefined in memory. */
  absolute(file: string): string | undefined;
}

/** Every entry under a folder, relative to `root`, folders marked with a trailing `/`. */
function walk(root: string, folder = ''): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(path.join(root, folder), { withFileTypes: true })) {
    const relative = folder === '' ? entry.name : `${folder}/${entry.name}`;
    if (entry.isDirectory()) found.push(`${relative}/`, ...walk(root, relative));
    else found.push(relative);
  }
  return found;
}

/** A content folder on disk. `displayRoot` prefixes file names in reports (relative to the working folder). */
export function diskSource(root: string, displayRoot = path.relative(process.cwd(), root) || '.'): ContentSource {
  return {
    displayRoot,
    exists: () => existsSync(root) && statSync(root).isDirectory(),
    list: () => walk(root).sort(),
    read: (file) => readFileSync(path.join(root, file), 'utf8'),
    has: (file) => existsSync(path.join(root, file)),
    absolute: (file) => path.join(root, file),
  };
}

/** Files held in memory, by path relative to the root: `{ 'people/x.md': '---\n…' }`. */
export function memorySource(files: Readonly<Record<string, string>>, displayRoot = 'content'): ContentSource {
  const names = Object.keys(files);
  const folders = new Set(
    names.flatMap((name) =>
      name
        .split('/')
        .slice(0, -1)
        .map((_, i, parts) => `${parts.slice(0, i + 1).join('/')}/`),
    ),
  );
  return {
    displayRoot,
    exists: () => true,
    list: () => [...names, ...folders].sort(),
    read: (file) => {
      const text = files[file];
      if (text === undefined) throw new Error(`no file ${file} in memory`);
      return text;
    },
    has: (file) => Object.hasOwn(files, file),
    absolute: () => undefined,
  };
}

/** A content source whose files' texts are read once and kept, until told that a file changed. */
export interface KeptSource extends ContentSource {
  /** Drops a file's kept text, so the next read reads it again; `file` is relative to the root. */
  forget(file: string): void;
}

/**
 * Keeps the texts a source reads (`astro dev` reads the case again after every change, and reading
 * 5,000 files is a tenth of a second or more). Listings and `has` still ask the source each time.
 */
export function keptSource(source: ContentSource): KeptSource {
  const texts = new Map<string, string>();
  return {
    ...source,
    read: (file) => {
      let text = texts.get(file);
      if (text === undefined) {
        text = source.read(file);
        texts.set(file, text);
      }
      return text;
    },
    forget: (file) => texts.delete(file),
  };
}
