import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

/**
 * The same commit builds the same bytes: the fixture case is built twice, into two different
 * folders, and every file is compared. Dates come from content, ids from content hashes, order from
 * sorting; nothing may depend on the clock, chance, the order files are read in, or where the
 * project or the output sits on disk.
 */

const root = path.resolve(import.meta.dirname, '../..');
const astro = path.join(root, 'node_modules/astro/bin/astro.mjs');
const scratch = mkdtempSync(path.join(tmpdir(), 'casefile-twice-'));
const first = path.join(scratch, 'first');
const second = path.join(scratch, 'second-build');

/** Builds the fixture case into a folder, failing with Astro's output if the build fails. */
function buildFixture(out: string): void {
  const result = spawnSync(process.execPath, [astro, 'build'], {
    cwd: root,
    env: { ...process.env, CASEFILE_CONTENT: 'tests/fixtures/basic', CASEFILE_OUT: out, NO_COLOR: '1' },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`the fixture build failed:\n${result.stdout}\n${result.stderr}`);
}

/** Every file under a folder, relative to it, sorted. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
    .sort();
}

beforeAll(() => {
  buildFixture(first);
  buildFixture(second);
}, 240_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('building the fixture case twice', () => {
  test('writes the same files', () => {
    expect(filesUnder(second)).toEqual(filesUnder(first));
  });

  test('writes every file byte for byte the same', () => {
    const files = filesUnder(first);
    expect(files.length).toBeGreaterThan(20);
    const differing = files.filter((file) => {
      const a = readFileSync(path.join(first, file));
      const b = readFileSync(path.join(second, file));
      return !a.equals(b);
    });
    expect(differing, `files that differ between two builds:\n${differing.join('\n')}`).toEqual([]);
  });

  test('leaves no trace of where it was built', () => {
    const leaks = filesUnder(first).filter((file) => {
      const text = readFileSync(path.join(first, file)).toString('latin1');
      return text.includes(root) || text.includes(first);
    });
    expect(leaks, `files naming a local path:\n${leaks.join('\n')}`).toEqual([]);
  });
});
