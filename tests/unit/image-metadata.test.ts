import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { imageMetadata } from '../e2e/built-site.ts';

/**
 * The metadata reader the site checks rely on must see tags in every format the image pipeline
 * can write, or "no metadata found" would prove nothing. The fixture photo is the input.
 */

const photo = readFileSync(path.resolve(import.meta.dirname, '../fixtures/basic/locations/example-tower.jpg'));
const leaks = (tags: string[]) => tags.filter((tag) => /^(GPSLatitude|GPSLongitude|Make|Model)=/.test(tag)).sort();
const EXPECTED = ['GPSLatitude=[39,6,0]', 'GPSLongitude=[117,13,12]', 'Make="CasefileTestCam"', 'Model="LeakyPhone 7"'];

describe('imageMetadata', () => {
  test('the fixture photo carries GPS position and camera make and model', async () => {
    expect(leaks(await imageMetadata(photo))).toEqual(EXPECTED);
  });

  test.each(['webp', 'avif', 'png', 'jpeg'] as const)('finds the tags sharp keeps in %s', async (format) => {
    const kept = await sharp(photo).resize(64).keepExif().toFormat(format).toBuffer();
    expect(leaks(await imageMetadata(kept))).toEqual(EXPECTED);
  });

  test.each(['webp', 'avif', 'png', 'jpeg'] as const)('finds nothing in a re-encoded %s', async (format) => {
    const clean = await sharp(photo).resize(64).toFormat(format).toBuffer();
    expect(await imageMetadata(clean)).toEqual([]);
  });
});
