import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { astroBuild, filesUnder } from './astro-build.ts';

/**
 * The output depends only on the content, in three real builds: the fixture case, then a copy of it
 * that differs only in one photo (same Markdown, same file name), then the fixture case again.
 *
 * - The same commit builds the same bytes: the first and the third build, into two different
 *   folders, are compared file by file. Dates come from content, ids from content hashes, order from
 *   sorting; nothing may depend on the clock, chance, the order files are read in, where the project
 *   or the output sits on disk, or what was built before.
 * - Each site shows its own photo: Astro's content store used to hand the second build the first
 *   one's image (src/integrations/content-store.ts), and the third build the second one's.
 */

const root = path.resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(path.join(tmpdir(), 'casefile-twice-'));
const first = path.join(scratch, 'first');
const green = path.join(scratch, 'green-build');
const third = path.join(scratch, 'third-build');

/** Whether the photo the tower's dossier shows is the plain green one (the fixture's is a grey tower under a blue sky). */
async function showsGreenPhoto(out: string): Promise<boolean> {
  const html = readFileSync(path.join(out, 'locations/example-tower/index.html'), 'utf8');
  const src = /<img src="(\/_astro\/example-tower[^"]+)"/.exec(html)?.[1];
  expect(src, 'the dossier shows the photo').toBeDefined();
  const { channels } = await sharp(path.join(out, src ?? '')).stats();
  const [r = 0, g = 0, b = 0] = channels.map((channel) => channel.mean);
  return g > 150 && r < 80 && b < 80;
}

beforeAll(async () => {
  const greenContent = path.join(scratch, 'green');
  cpSync(path.join(root, 'tests/fixtures/basic'), greenContent, { recursive: true });
  await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 20, g: 200, b: 20 } } })
    .jpeg()
    .toFile(path.join(greenContent, 'locations/example-tower.jpg'));
  astroBuild('tests/fixtures/basic', first);
  astroBuild(greenContent, green);
  astroBuild('tests/fixtures/basic', third);
}, 360_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('building the fixture case twice, with another case built between', () => {
  test('writes the same files', () => {
    expect(filesUnder(third)).toEqual(filesUnder(first));
  });

  test('writes every file byte for byte the same', () => {
    const files = filesUnder(first);
    expect(files.length).toBeGreaterThan(20);
    const differing = files.filter((file) => {
      const a = readFileSync(path.join(first, file));
      const b = readFileSync(path.join(third, file));
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

describe('two content folders that differ only in a photo', () => {
  test('each publish their own photo, whichever was built before', async () => {
    expect(await showsGreenPhoto(first)).toBe(false);
    expect(await showsGreenPhoto(green)).toBe(true);
    expect(await showsGreenPhoto(third)).toBe(false);
  });
});
