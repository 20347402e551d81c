import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { dossierHtmlByType, largestMedian } from '../bench/dossier-html.ts';

const dist = mkdtempSync(path.join(tmpdir(), 'casefile-dossier-html-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

/** Writes a dossier of the fake build with the given number of bytes. */
function dossier(id: string, bytes: number): { id: string; type: string } {
  mkdirSync(path.join(dist, id), { recursive: true });
  writeFileSync(path.join(dist, id, 'index.html'), 'x'.repeat(bytes));
  return { id, type: id.split('/')[0] ?? '' };
}

const entities = [
  dossier('people/a', 100),
  dossier('people/b', 300),
  dossier('people/c', 200),
  dossier('people/d', 900),
  dossier('tools/t', 50),
  { id: 'tools/unbuilt', type: 'tools' },
];

describe('dossierHtmlByType', () => {
  const byType = dossierHtmlByType(dist, entities);

  test('gives each type the lower middle of its sorted sizes and its largest page', () => {
    expect(byType['people']).toEqual({ count: 4, medianBytes: 200, largestBytes: 900, largestPath: '/people/d/' });
  });

  test('counts only the dossiers that were built', () => {
    expect(byType['tools']).toEqual({ count: 1, medianBytes: 50, largestBytes: 50, largestPath: '/tools/t/' });
  });
});

describe('largestMedian', () => {
  test('is the worst type’s median, which the goal is judged on', () => {
    expect(largestMedian(dossierHtmlByType(dist, entities))).toBe(200);
  });

  test('is not a number when nothing was built', () => {
    expect(largestMedian({})).toBeNaN();
  });
});
