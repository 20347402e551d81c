import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { SAMPLE_ENTRIES, hasSampleCase } from '../sample-case.ts';

/** A content folder holding these entry files (empty: only their presence counts). */
function folderWith(entries: readonly string[]): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'casefile-which-case-'));
  for (const entry of entries) {
    mkdirSync(path.join(folder, path.dirname(entry)), { recursive: true });
    writeFileSync(path.join(folder, entry), '');
  }
  made.push(folder);
  return folder;
}
const made: string[] = [];
afterAll(() => {
  for (const folder of made) rmSync(folder, { recursive: true, force: true });
});

describe('hasSampleCase', () => {
  test('a folder with every sample entry is the sample case', () => {
    expect(hasSampleCase(folderWith(SAMPLE_ENTRIES))).toBe(true);
  });

  test.each(SAMPLE_ENTRIES.map((entry) => [entry]))('without %s it is another case', (missing) => {
    expect(hasSampleCase(folderWith(SAMPLE_ENTRIES.filter((entry) => entry !== missing)))).toBe(false);
  });

  test('the fixture cases are other cases', () => {
    expect(hasSampleCase('tests/fixtures/basic')).toBe(false);
    expect(hasSampleCase('tests/fixtures/lisbon')).toBe(false);
  });
});
