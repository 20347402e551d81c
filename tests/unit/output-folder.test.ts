import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { carryOver } from '../../src/integrations/output-folder.ts';
import { filesUnder } from '../build/astro-build.ts';

let scratch = '';
let aside = '';
let out = '';

/** Writes a file of the set-aside output, with its folders. */
function put(file: string, text: string): void {
  const full = path.join(aside, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, text);
}

beforeEach(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'casefile-carry-over-'));
  aside = path.join(scratch, 'aside');
  out = path.join(scratch, 'out');
  mkdirSync(out);
});

afterEach(() => rmSync(scratch, { recursive: true, force: true }));

describe('carrying kept files over into a new output', () => {
  test('moves exactly the kept files, untouched, and nothing else', () => {
    put('people/a/index.html', 'page a');
    put('people/b/index.html', 'page b');
    put('people/b/stale.json', 'not kept');
    put('people/c/index.html', 'page c, rendered again');
    put('graph/table/2/index.html', 'table 2');
    put('graph/table/2/inner/index.html', 'a page below a kept one, not kept');
    put('top.html', 'kept at the top');
    const when = new Date('2026-01-02T03:04:05Z');
    utimesSync(path.join(aside, 'people/a/index.html'), when, when);

    carryOver(aside, out, ['people/a/index.html', 'people/b/index.html', 'graph/table/2/index.html', 'top.html']);

    expect(filesUnder(out).sort()).toEqual([
      'graph/table/2/index.html',
      'people/a/index.html',
      'people/b/index.html',
      'top.html',
    ]);
    expect(readFileSync(path.join(out, 'people/b/index.html'), 'utf8')).toBe('page b');
    expect(readFileSync(path.join(out, 'top.html'), 'utf8')).toBe('kept at the top');
    // The rebuild's record recognises a kept page by its file's size and time: a move keeps both.
    expect(statSync(path.join(out, 'people/a/index.html')).mtime.toISOString()).toBe('2026-01-02T03:04:05.000Z');
  });

  test('a kept page inside another kept page’s folder is carried over whichever comes first', () => {
    put('a/index.html', 'outer');
    put('a/b/index.html', 'inner');
    carryOver(aside, out, ['a/b/index.html', 'a/index.html']);
    expect(filesUnder(out).sort()).toEqual(['a/b/index.html', 'a/index.html']);
    expect(readFileSync(path.join(out, 'a/index.html'), 'utf8')).toBe('outer');
  });
});
