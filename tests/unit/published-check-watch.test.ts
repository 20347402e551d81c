import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { checkFiles, EarlyCheck } from '../../src/integrations/published-check.ts';
import { WatchedCheck } from '../../src/integrations/published-check-watch.ts';
import { LIVE, SAFE, options } from './published-check-pages.ts';

/**
 * The check of the built pages starts while Astro writes them: each file is checked as it is
 * written, and at the end what was checked early stands only for the very bytes that were checked.
 */

let out: string;
beforeEach(() => {
  out = mkdtempSync(path.join(os.tmpdir(), 'casefile-check-watch-'));
});
afterEach(() => rmSync(out, { recursive: true, force: true }));

/** Writes a file of the output folder, making its folder. */
function write(file: string, text: string): void {
  mkdirSync(path.join(out, path.dirname(file)), { recursive: true });
  writeFileSync(path.join(out, file), text);
}

describe('the check while pages are written', () => {
  test('a page written into a new folder is checked before the end, and its finding stands', async () => {
    const watched = new WatchedCheck({ out, options, known: {} });
    watched.start();
    write('people/b/index.html', LIVE);
    write('people/b.json', JSON.stringify({ note: 'at xiaohong.org' }));
    await vi.waitFor(() => expect(watched.checkedFiles().sort()).toEqual(['people/b.json', 'people/b/index.html']));
    expect(watched.stop().length).toBe(2);
    const final = watched.finish(['people/b.json', 'people/b/index.html']);
    expect(final.map((entry) => [entry.file, entry.findings.map((finding) => finding.kind)])).toEqual([
      ['people/b.json', ['indicator-in-text']],
      ['people/b/index.html', ['live-indicator']],
    ]);
  });

  test('a file rewritten after its early check is checked again at the end', async () => {
    const watched = new WatchedCheck({ out, options, known: {} });
    watched.start();
    write('people/a/index.html', SAFE);
    await vi.waitFor(() => expect(watched.checkedFiles()).toEqual(['people/a/index.html']));
    // Rewritten and stopped at once: the watch never reports the change, the final hash does.
    write('people/a/index.html', LIVE);
    watched.stop();
    const [final] = watched.finish(['people/a/index.html']);
    expect(final?.findings.map((finding) => finding.kind)).toEqual(['live-indicator']);
  });

  test('files not checked while watching, written before it started or just before it stopped, are checked at the end', () => {
    write('people/c/index.html', LIVE);
    const watched = new WatchedCheck({ out, options, known: {} });
    watched.start();
    write(
      'rss.xml',
      '<?xml version="1.0"?><rss><channel><item><link>javascript:alert(1)</link></item></channel></rss>',
    );
    watched.stop();
    const final = watched.finish(['people/c/index.html', 'rss.xml']);
    expect(final.map((entry) => entry.findings.map((finding) => finding.kind))).toEqual([
      ['live-indicator'],
      ['unsafe-scheme'],
    ]);
  });
});

describe('the build’s check with an early worker', () => {
  test('reports what the check at the end alone reports, files written before and after it started', async () => {
    write('people/a/index.html', SAFE);
    const early = new EarlyCheck(out, options);
    write('people/b/index.html', LIVE);
    write('people/c/index.html', SAFE);
    write('people/c.json', JSON.stringify({ sources: [{ url: 'javascript:alert(1)' }] }));
    const files = ['people/a/index.html', 'people/b/index.html', 'people/c.json', 'people/c/index.html'];
    try {
      const withEarly = await checkFiles(out, files, options, undefined, early);
      const alone = await checkFiles(out, files, options);
      expect(withEarly.findings).toEqual(alone.findings);
      expect(withEarly.findings.map((finding) => [finding.file, finding.kind])).toEqual([
        ['people/b/index.html', 'live-indicator'],
        ['people/c.json', 'unsafe-scheme'],
      ]);
    } finally {
      await early.end();
    }
  });
});
