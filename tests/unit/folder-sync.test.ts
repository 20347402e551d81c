import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { syncFolder, type FolderFile } from '../../src/integrations/folder-sync.ts';
import { filesUnder, writeFileUnder } from '../build/astro-build.ts';

let scratch = '';
let folder = '';

/** Writes a file of the folder's previous contents, with its folders. */
const put = (file: string, text: string): void => writeFileUnder(folder, file, text);

/** A file to be in the folder. */
const file = (relative: string, text: string): FolderFile => ({ path: relative, content: Buffer.from(text) });

/** The folder's files and their texts. */
function contents(): Record<string, string> {
  return Object.fromEntries(filesUnder(folder).map((name) => [name, readFileSync(path.join(folder, name), 'utf8')]));
}

beforeEach(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'casefile-folder-sync-'));
  folder = path.join(scratch, 'pagefind');
});

afterEach(() => rmSync(scratch, { recursive: true, force: true }));

describe('syncFolder', () => {
  test('writes every file into a folder that is not there yet', async () => {
    const done = await syncFolder(folder, [file('pagefind.js', 'entry'), file('fragment/en_1.pf_fragment', 'one')]);
    expect(contents()).toEqual({ 'fragment/en_1.pf_fragment': 'one', 'pagefind.js': 'entry' });
    expect(done).toEqual({ written: 2, unchanged: 0, removed: 0 });
  });

  test('leaves a file with the same bytes untouched, rewrites a changed one, removes a stale one', async () => {
    put('fragment/en_same.pf_fragment', 'same');
    put('index/en_chunk.pf_index', 'old chunk');
    put('fragment/en_gone.pf_fragment', 'a page since removed');
    put('old-folder/inner/file', 'from an older version');
    const when = new Date('2026-01-02T03:04:05Z');
    utimesSync(path.join(folder, 'fragment/en_same.pf_fragment'), when, when);

    const done = await syncFolder(folder, [
      file('fragment/en_same.pf_fragment', 'same'),
      file('index/en_chunk.pf_index', 'new chunk'),
      file('fragment/en_new.pf_fragment', 'a new page'),
    ]);

    expect(contents()).toEqual({
      'fragment/en_new.pf_fragment': 'a new page',
      'fragment/en_same.pf_fragment': 'same',
      'index/en_chunk.pf_index': 'new chunk',
    });
    expect(statSync(path.join(folder, 'fragment/en_same.pf_fragment')).mtime.toISOString()).toBe(
      '2026-01-02T03:04:05.000Z',
    );
    expect(done).toEqual({ written: 2, unchanged: 1, removed: 2 });
  });

  test('a file of the same length but other bytes is written again', async () => {
    put('a.pf_meta', 'abcd');
    const done = await syncFolder(folder, [file('a.pf_meta', 'abce')]);
    expect(contents()).toEqual({ 'a.pf_meta': 'abce' });
    expect(done.written).toBe(1);
  });

  test('a folder where a file must be, and a file where a folder must be, give way', async () => {
    put('index/inner/x', 'a folder in the way');
    put('fragment', 'a file in the way');
    await syncFolder(folder, [file('index', 'now a file'), file('fragment/en_1.pf_fragment', 'one')]);
    expect(contents()).toEqual({ 'fragment/en_1.pf_fragment': 'one', index: 'now a file' });
  });

  test('writes nothing through a link, in the folder or in its place', async () => {
    const elsewhere = path.join(scratch, 'elsewhere');
    mkdirSync(elsewhere);
    writeFileSync(path.join(elsewhere, 'pagefind.js'), 'not ours');
    mkdirSync(folder);
    symlinkSync(path.join(elsewhere, 'pagefind.js'), path.join(folder, 'pagefind.js'));
    await syncFolder(folder, [file('pagefind.js', 'entry')]);
    expect(lstatSync(path.join(folder, 'pagefind.js')).isSymbolicLink()).toBe(false);
    expect(readFileSync(path.join(elsewhere, 'pagefind.js'), 'utf8')).toBe('not ours');

    rmSync(folder, { recursive: true });
    symlinkSync(elsewhere, folder);
    await syncFolder(folder, [file('pagefind.js', 'entry')]);
    expect(lstatSync(folder).isDirectory()).toBe(true);
    expect(contents()).toEqual({ 'pagefind.js': 'entry' });
    expect(readFileSync(path.join(elsewhere, 'pagefind.js'), 'utf8')).toBe('not ours');
  });

  test.each(['../outside', '/etc/passwd', 'a/../../b', 'a//b', './a', ''])(
    'refuses the path %j, which is not plainly inside the folder',
    async (relative) => {
      await expect(syncFolder(folder, [file(relative, 'x')])).rejects.toThrow(/not a plain path inside its folder/);
    },
  );

  test('refuses a path that is to be both a file and a folder', async () => {
    await expect(syncFolder(folder, [file('a', 'file'), file('a/b', 'inside')])).rejects.toThrow(
      /"a" is to be both a file and a folder/,
    );
  });
});
