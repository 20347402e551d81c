import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { formatLighthouse, pageKindsOf, type PageScores } from '../bench/lighthouse-bench.ts';

const dist = mkdtempSync(path.join(tmpdir(), 'casefile-lighthouse-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

/** Writes a page of the fake build. */
function page(sitePath: string, body: string): void {
  const file = path.join(dist, sitePath, 'index.html');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `<!DOCTYPE html><html><head></head><body>${body}</body></html>`);
}

page('/', 'home');
page('/people/', 'index');
page('/people/li-wei/', 'a short dossier');
page('/people/zhang-shilong/', 'the longest dossier of the case, '.repeat(20));
// An old slug's page: larger still, but only a forwarding page.
page('/people/old-slug/', `<meta http-equiv="refresh" content="0; url=/people/li-wei/">${'x'.repeat(2000)}`);
page('/reports/', 'index');
page('/reports/first-report/', 'a report');
page('/graph/', 'diagram');
page('/graph/table/1/', 'table');
page('/graph/table/2/', 'table');

describe('pageKindsOf', () => {
  test('takes the heaviest dossier of each type, skips forwarding pages and kinds the build lacks', () => {
    expect(pageKindsOf(dist)).toEqual([
      { kind: 'home', path: '/' },
      { kind: 'dossier (people)', path: '/people/zhang-shilong/' },
      { kind: 'report', path: '/reports/first-report/' },
      { kind: 'index (people)', path: '/people/' },
      { kind: 'index (reports)', path: '/reports/' },
      { kind: 'graph', path: '/graph/' },
      { kind: 'graph table page', path: '/graph/table/1/' },
    ]);
  });
});

describe('formatLighthouse', () => {
  const scores = (performance: number): PageScores => ({
    kind: 'graph',
    path: '/graph/',
    scores: { performance, accessibility: 100, 'best-practices': 100, seo: 100 },
    losses: performance < 100 ? ['performance: total-blocking-time 0.93 (160 ms)'] : [],
    runs: performance < 100 ? 3 : 1,
  });

  test('marks a page met only when all four categories are 100, and says what cost points', () => {
    const text = formatLighthouse({ version: '13.5.0', pages: [scores(100), { ...scores(99), kind: 'map' }] }, []);
    expect(text).toMatch(/^graph +\/graph\/ +100 +100 +100 +100 +1 +met$/m);
    expect(text).toMatch(/^map +\/graph\/ +99 +100 +100 +100 +3 +NOT$/m);
    expect(text).toContain('/graph/: performance: total-blocking-time 0.93 (160 ms)');
    expect(text).toContain('NOT  Lighthouse 100 in all four categories: 1 of 2 kinds of page');
  });

  test('weighs the diagram page against 100 KB', () => {
    const text = formatLighthouse({ version: '13.5.0', pages: [] }, [
      { label: 'the sample case', bytes: 26_000 },
      { label: '5000 entities', bytes: 316_341 },
    ]);
    expect(text).toContain('met  /graph/ HTML ≤ 100 KB (the sample case): 25.4 KB');
    expect(text).toContain('NOT  /graph/ HTML ≤ 100 KB (5000 entities): 308.9 KB');
  });
});
