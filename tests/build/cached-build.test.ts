import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { astroBuild, filesUnder } from './astro-build.ts';

/**
 * An author's next build reuses what the last one kept in Astro's cache folder (rendered bodies in
 * the content store, the published-site check of unchanged files, the graph layout); it must write
 * the very bytes a cold build writes. A copy of the fixture case is built, then edited (one body,
 * and the name of an entry another file's wikilink shows), built again with the cache into the same
 * output folder, and built once more from an empty cache into a new one: the last two outputs must
 * be the same, file for file (so nothing of the first build's output is left over either).
 */

const root = path.resolve(import.meta.dirname, '../..');
const cache = path.join(root, 'node_modules/.astro');
const scratch = mkdtempSync(path.join(tmpdir(), 'casefile-cached-'));
const content = path.join(scratch, 'case');
const warm = path.join(scratch, 'warm');
const cold = path.join(scratch, 'cold');

/** Replaces text in a file of the copied case, failing if it is not there. */
function edit(file: string, from: string, to: string): void {
  const full = path.join(content, file);
  const text = readFileSync(full, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} no longer holds ${JSON.stringify(from)}: update this test`);
  writeFileSync(full, text.replace(from, to));
}

let warmLog = '';
beforeAll(() => {
  cpSync(path.join(root, 'tests/fixtures/basic'), content, { recursive: true });
  rmSync(cache, { recursive: true, force: true });
  astroBuild(content, warm);
  // What the next build must not keep: a file the content no longer makes.
  writeFileSync(path.join(warm, 'people/stale-entry.html'), '<p>an entry since removed</p>');
  edit('people/chen-jie.md', '\n---\n', '\n---\n\nA sentence added after the first build.\n\n');
  edit('people/li-wei.md', 'name: LI Wei\n', 'name: LI Weiming\n');
  warmLog = astroBuild(content, warm);
  rmSync(cache, { recursive: true, force: true });
  astroBuild(content, cold);
}, 400_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('a build after an edit, with the cache of the build before', () => {
  test('reused the cache: most built files were not checked again', () => {
    expect(warmLog).toMatch(/built files checked \(\d+ unchanged since the last build/);
  });

  test('shows the edit, and the new name where another file links to the entry', () => {
    expect(readFileSync(path.join(warm, 'people/chen-jie/index.html'), 'utf8')).toContain(
      'A sentence added after the first build.',
    );
    expect(readFileSync(path.join(warm, 'actors/red-heron/index.html'), 'utf8')).toContain('LI Weiming');
  });

  test('writes the same files, byte for byte, as a cold build of the same content', () => {
    expect(filesUnder(warm)).toEqual(filesUnder(cold));
    const differing = filesUnder(cold).filter(
      (file) => !readFileSync(path.join(warm, file)).equals(readFileSync(path.join(cold, file))),
    );
    expect(differing, `files that differ from a cold build:\n${differing.join('\n')}`).toEqual([]);
  });
});
