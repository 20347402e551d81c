import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { setAsideAllBut } from '../../src/integrations/output-folder.ts';
import { filesUnder, writeFileUnder } from '../build/astro-build.ts';

let scratch = '';
let aside = '';
let out = '';

/** Writes a file of the previous output, with its folders. */
const put = (file: string, text: string): void => writeFileUnder(out, file, text);

beforeEach(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'casefile-carry-over-'));
  aside = path.join(scratch, 'aside');
  out = path.join(scratch, 'out');
  mkdirSync(out);
  mkdirSync(aside);
});

afterEach(() => rmSync(scratch, { recursive: true, force: true }));

describe('setting the previous output aside but for the kept files', () => {
  test('leaves exactly the kept files, untouched, and moves everything else aside', () => {
    put('people/a/index.html', 'page a');
    put('people/b/index.html', 'page b');
    put('people/b/stale.json', 'not kept');
    put('people/c/index.html', 'page c, rendered again');
    put('people/a.json', 'record a');
    put('people/c.json', 'record c, made again');
    put('graph/table/2/index.html', 'table 2');
    put('graph/table/2/inner/index.html', 'a page below a kept one, not kept');
    put('graph/index.html', 'made every build');
    put('top.html', 'kept at the top');
    put('.git/HEAD', 'a repository of the output');
    const when = new Date('2026-01-02T03:04:05Z');
    utimesSync(path.join(out, 'people/a/index.html'), when, when);

    setAsideAllBut(out, aside, [
      'people/a/index.html',
      'people/b/index.html',
      'people/a.json',
      'graph/table/2/index.html',
      'top.html',
    ]);

    expect(filesUnder(out)).toEqual([
      '.git/HEAD',
      'graph/table/2/index.html',
      'people/a.json',
      'people/a/index.html',
      'people/b/index.html',
      'top.html',
    ]);
    expect(filesUnder(aside)).toEqual([
      'graph/index.html',
      'graph/table/2/inner/index.html',
      'people/b/stale.json',
      'people/c.json',
      'people/c/index.html',
    ]);
    expect(readFileSync(path.join(out, 'people/b/index.html'), 'utf8')).toBe('page b');
    expect(readFileSync(path.join(aside, 'people/c/index.html'), 'utf8')).toBe('page c, rendered again');
    // The rebuild's record recognises a kept page by its file's size and time: they must not change.
    expect(statSync(path.join(out, 'people/a/index.html')).mtime.toISOString()).toBe('2026-01-02T03:04:05.000Z');
  });

  test('a folder holding no kept file leaves the output whole, empty folders included', () => {
    put('people/a/index.html', 'page a');
    mkdirSync(path.join(out, 'empty/inner'), { recursive: true });
    setAsideAllBut(out, aside, ['people/a/index.html']);
    expect(readdirSync(out).sort()).toEqual(['people']);
    expect(readdirSync(path.join(aside, 'empty'))).toEqual(['inner']);
  });

  test('a kept page inside another kept page’s folder stays, whichever comes first', () => {
    put('a/index.html', 'outer');
    put('a/b/index.html', 'inner');
    put('a/b/c/index.html', 'below both, not kept');
    setAsideAllBut(out, aside, ['a/b/index.html', 'a/index.html']);
    expect(filesUnder(out)).toEqual(['a/b/index.html', 'a/index.html']);
    expect(filesUnder(aside)).toEqual(['a/b/c/index.html']);
  });

  test('a kept folder stays whole where it is a folder, and is set aside where it is a file', () => {
    put('people/a/index.html', 'page a, not kept');
    put('pagefind/pagefind.js', 'the index’s entry');
    put('pagefind/fragment/en_1.pf_fragment', 'a fragment');
    put('search', 'a file with a kept folder’s name');
    put('assets/index/chunk', 'in a kept folder below the top');
    put('assets/other', 'beside it, not kept');
    setAsideAllBut(out, aside, [], ['pagefind', 'search', 'assets/index']);
    expect(filesUnder(out)).toEqual([
      'assets/index/chunk',
      'pagefind/fragment/en_1.pf_fragment',
      'pagefind/pagefind.js',
    ]);
    expect(filesUnder(aside)).toEqual(['assets/other', 'people/a/index.html', 'search']);
  });
});
