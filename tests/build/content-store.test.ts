import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, expect, test } from 'vitest';

/**
 * The output depends only on the content, not on what was built before: two content folders that
 * differ only in one photo (same Markdown, same file name) are built one after the other, and back
 * again, and each site shows its own photo. Astro's content store used to hand the second build
 * the first one's image.
 */

const root = path.resolve(import.meta.dirname, '../..');
const astro = path.join(root, 'node_modules/astro/bin/astro.mjs');
const scratch = mkdtempSync(path.join(tmpdir(), 'casefile-store-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Builds a content folder; returns the output folder. */
function build(content: string, name: string): string {
  const out = path.join(scratch, `out-${name}`);
  const result = spawnSync(process.execPath, [astro, 'build'], {
    cwd: root,
    env: { ...process.env, CASEFILE_CONTENT: content, CASEFILE_OUT: out, NO_COLOR: '1' },
    encoding: 'utf8',
  });
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  return out;
}

/** The mean colour of the photo the tower's dossier shows. */
async function photoColour(out: string): Promise<{ r: number; g: number; b: number }> {
  const html = readFileSync(path.join(out, 'locations/example-tower/index.html'), 'utf8');
  const src = /<img src="(\/_astro\/example-tower[^"]+)"/.exec(html)?.[1];
  expect(src, 'the dossier shows the photo').toBeDefined();
  const { channels } = await sharp(path.join(out, src ?? '')).stats();
  const [r, g, b] = channels.map((channel) => channel.mean);
  return { r: r ?? 0, g: g ?? 0, b: b ?? 0 };
}

test('two content folders that differ only in a photo each publish their own photo', async () => {
  const first = path.join(scratch, 'first');
  const second = path.join(scratch, 'second');
  cpSync(path.join(root, 'tests/fixtures/basic'), first, { recursive: true });
  cpSync(path.join(root, 'tests/fixtures/basic'), second, { recursive: true });
  // The second folder's photo is plain green; the fixture's own is a grey tower under a blue sky.
  await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 20, g: 200, b: 20 } } })
    .jpeg()
    .toFile(path.join(second, 'locations/example-tower.jpg'));

  const green = (colour: { r: number; g: number; b: number }) => colour.g > 150 && colour.r < 80 && colour.b < 80;
  expect(green(await photoColour(build(first, 'first-1')))).toBe(false);
  expect(green(await photoColour(build(second, 'second')))).toBe(true);
  expect(green(await photoColour(build(first, 'first-2')))).toBe(false);
}, 180_000);
