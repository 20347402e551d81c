import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { SearchBodies } from '../../src/integrations/search-bodies.ts';
import { writeFileUnder } from '../build/astro-build.ts';

let scratch = '';
let out = '';
let file = '';

/** Writes a page of the output, with its folders. */
const put = (page: string, html: string): void => writeFileUnder(out, page, html);

/** A cut that records which pages it was asked to read. */
function cutter(): { cut: (html: string) => string; read: string[] } {
  const read: string[] = [];
  return {
    read,
    cut: (html) => {
      read.push(html);
      return html.replace(/<[^>]+>/g, '');
    },
  };
}

beforeEach(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'casefile-search-bodies-'));
  out = path.join(scratch, 'out');
  file = path.join(scratch, 'cache/search-bodies.json');
  put('people/a/index.html', '<p>Alice</p>');
  put('people/b/index.html', '<p>Bob</p>');
});

afterEach(() => rmSync(scratch, { recursive: true, force: true }));

/** A first build that cuts both pages and saves their bodies. */
function firstBuild(): void {
  const bodies = new SearchBodies(file, out);
  const { cut } = cutter();
  bodies.bodyOf('people/a/index.html', cut);
  bodies.bodyOf('people/b/index.html', cut);
  bodies.save();
}

describe('search bodies remembered between builds', () => {
  test('with nothing remembered, every page is read and cut', () => {
    const bodies = new SearchBodies(file, out);
    const { cut, read } = cutter();
    expect(bodies.bodyOf('people/a/index.html', cut)).toBe('Alice');
    expect(read).toEqual(['<p>Alice</p>']);
    expect(bodies.remembered).toBe(0);
  });

  test('a page whose file is untouched is not read again', () => {
    firstBuild();
    const bodies = new SearchBodies(file, out);
    const { cut, read } = cutter();
    expect(bodies.bodyOf('people/a/index.html', cut)).toBe('Alice');
    expect(bodies.bodyOf('people/b/index.html', cut)).toBe('Bob');
    expect(read).toEqual([]);
    expect(bodies.remembered).toBe(2);
  });

  test('a page written again, even at the same size, is read again', () => {
    firstBuild();
    put('people/a/index.html', '<p>Alma</p>');
    // A later time than the first build's, as a new render gets.
    utimesSync(path.join(out, 'people/a/index.html'), new Date(Date.now() + 5000), new Date(Date.now() + 5000));
    const bodies = new SearchBodies(file, out);
    const { cut, read } = cutter();
    expect(bodies.bodyOf('people/a/index.html', cut)).toBe('Alma');
    expect(bodies.bodyOf('people/b/index.html', cut)).toBe('Bob');
    expect(read).toEqual(['<p>Alma</p>']);
  });

  test('a page of another size is read again', () => {
    firstBuild();
    put('people/b/index.html', '<p>Robert</p>');
    const bodies = new SearchBodies(file, out);
    const { cut } = cutter();
    expect(bodies.bodyOf('people/b/index.html', cut)).toBe('Robert');
    expect(bodies.remembered).toBe(0);
  });

  test('bodies remembered for another output folder are not used', () => {
    firstBuild();
    const other = path.join(scratch, 'other');
    mkdirSync(path.join(other, 'people/a'), { recursive: true });
    writeFileSync(path.join(other, 'people/a/index.html'), '<p>Alice</p>');
    const bodies = new SearchBodies(file, other);
    const { cut, read } = cutter();
    expect(bodies.bodyOf('people/a/index.html', cut)).toBe('Alice');
    expect(read).toHaveLength(1);
  });

  test('a build that forgets them leaves nothing for the next, and a damaged file is ignored', () => {
    firstBuild();
    new SearchBodies(file, out).forget();
    expect(existsSync(file)).toBe(false);
    writeFileSync(path.join(scratch, 'cache/search-bodies.json'), '{"version":1,');
    const bodies = new SearchBodies(file, out);
    const { cut, read } = cutter();
    bodies.bodyOf('people/a/index.html', cut);
    expect(read).toHaveLength(1);
  });

  test('only the bodies asked for in a build are saved for the next', () => {
    firstBuild();
    const second = new SearchBodies(file, out);
    second.bodyOf('people/a/index.html', cutter().cut);
    second.save();
    const third = new SearchBodies(file, out);
    const { cut, read } = cutter();
    third.bodyOf('people/a/index.html', cut);
    third.bodyOf('people/b/index.html', cut);
    expect(read).toEqual(['<p>Bob</p>']);
  });
});
