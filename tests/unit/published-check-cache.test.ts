import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { checkFiles } from '../../src/integrations/published-check.ts';
import { LIVE, SAFE, options } from './published-check-pages.ts';

/**
 * The check of the built pages keeps what it found per file, by the file's digest, so an author's
 * next build parses only the files an edit changed; what it reports must be what a full check reports.
 */

let out: string;
let cache: string;
beforeEach(() => {
  out = mkdtempSync(path.join(os.tmpdir(), 'casefile-check-cache-'));
  cache = path.join(out, 'cache', 'published-check.json');
  for (const [file, text] of [
    ['people/a/index.html', SAFE],
    ['people/b/index.html', LIVE],
    ['people/c/index.html', SAFE],
  ] as const) {
    mkdirSync(path.join(out, path.dirname(file)), { recursive: true });
    writeFileSync(path.join(out, file), text);
  }
});
afterEach(() => rmSync(out, { recursive: true, force: true }));

const FILES = ['people/a/index.html', 'people/b/index.html', 'people/c/index.html'];

describe('the check of the built pages, kept between builds', () => {
  test('a second build over the same bytes parses nothing again and reports the same finding', async () => {
    const first = await checkFiles(out, FILES, options, cache);
    expect(first.reused).toBe(0);
    expect(first.findings.map((finding) => [finding.file, finding.kind])).toEqual([
      ['people/b/index.html', 'live-indicator'],
    ]);
    const second = await checkFiles(out, FILES, options, cache);
    expect(second.reused).toBe(3);
    expect(second.findings).toEqual(first.findings);
  });

  test('a changed file is checked again, the others are not', async () => {
    await checkFiles(out, FILES, options, cache);
    writeFileSync(path.join(out, 'people/a/index.html'), LIVE);
    writeFileSync(path.join(out, 'people/b/index.html'), SAFE);
    const next = await checkFiles(out, FILES, options, cache);
    expect(next.reused).toBe(1);
    expect(next.findings.map((finding) => finding.file)).toEqual(['people/a/index.html']);
  });

  test('other settings (a new indicator) check every file again', async () => {
    await checkFiles(out, FILES, options, cache);
    const more = {
      ...options,
      indicators: [...options.indicators, { value: 'other.example', kind: 'domain' as const, id: 'identities/o' }],
    };
    expect((await checkFiles(out, FILES, more, cache)).reused).toBe(0);
  });

  test('a cache cut short is no cache', async () => {
    await checkFiles(out, FILES, options, cache);
    writeFileSync(cache, readFileSync(cache, 'utf8').slice(0, 20));
    const next = await checkFiles(out, FILES, options, cache);
    expect(next.reused).toBe(0);
    expect(next.findings.map((finding) => finding.file)).toEqual(['people/b/index.html']);
  });
});
