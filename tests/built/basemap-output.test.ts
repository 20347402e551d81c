import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { hasSampleCase } from '../sample-case.ts';
import { ROOT, builtFiles } from '../e2e/built-site.ts';

/**
 * Each built site publishes the one offline outline its map draws, and no other: the outlines live
 * in basemap/, outside public/, and the build copies the chosen one (src/pages/basemap/[file].ts).
 * A case in Lisbon must not carry Tianjin's 50 KB districts, nor a Tianjin case the world.
 */

/** The outlines a built site publishes: the .geojson files under its basemap/ folder. */
function publishedOutlines(dist: string): string[] {
  return builtFiles(dist)
    .filter((file) => file.startsWith('basemap/') && file.endsWith('.geojson'))
    .map((file) => file.slice('basemap/'.length));
}

/** The outline file the site's map page asks for, read from its `<case-map>` configuration. */
function outlineOfMapPage(dist: string, base: string): string | null {
  const html = readFileSync(path.join(ROOT, dist, 'map/index.html'), 'utf8');
  const config = /data-config="([^"]*)"/.exec(html)?.[1];
  if (config === undefined) throw new Error(`${dist}/map/index.html has no <case-map data-config>`);
  const parsed: unknown = JSON.parse(config.replaceAll('&quot;', '"').replaceAll('&amp;', '&'));
  const basemap = (parsed as { basemap?: unknown }).basemap;
  if (typeof basemap !== 'string') return null;
  expect(basemap.startsWith(`${base}basemap/`)).toBe(true);
  return basemap.slice(`${base}basemap/`.length);
}

/** Which case content/ holds, for the hand-written expectation of dist/. */
const LISBON = existsSync(path.join(ROOT, 'content/locations/alfama-office.md'));

const sites = [
  // The fixture's places are in Tianjin.
  { dist: 'dist-fixture', base: '/', expected: ['tianjin-districts.geojson'] },
  { dist: 'dist-fixture-base', base: '/case/', expected: ['tianjin-districts.geojson'] },
  // content/: the sample (Tianjin), the fork test's Lisbon case (the world), or another case.
  {
    dist: 'dist',
    base: '/',
    expected: hasSampleCase() ? ['tianjin-districts.geojson'] : LISBON ? ['world-countries.geojson'] : undefined,
  },
];

describe.each(sites)('$dist', ({ dist, base, expected }) => {
  const built = existsSync(path.join(ROOT, dist, 'map/index.html'));

  test.skipIf(!built || expected === undefined)('publishes only the outline of its own case', () => {
    expect(publishedOutlines(dist)).toEqual(expected);
  });

  test.skipIf(!built)('publishes exactly the outline its map draws', () => {
    const drawn = outlineOfMapPage(dist, base);
    expect(publishedOutlines(dist)).toEqual(drawn === null ? [] : [drawn]);
    if (drawn !== null) {
      expect(readFileSync(path.join(ROOT, dist, 'basemap', drawn))).toEqual(
        readFileSync(path.join(ROOT, 'basemap', drawn)),
      );
    }
  });
});
