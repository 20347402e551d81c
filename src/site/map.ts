import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SITE } from '../config.ts';
import { basemapSchema, type Basemap } from '../lib/basemap.ts';
import { chooseBasemap } from '../lib/basemap-choice.ts';
import { withBase } from '../lib/paths.ts';
import { mapConfigSchema, type MapConfig, type MapPlace } from '../lib/map-data.ts';
import { mapPlaces } from '../lib/map-places.ts';
import { getCase } from './checked-case.ts';

/**
 * The map as the pages see it: the case's places built once per build, and the configuration each
 * `<case-map>` element receives, with the site's base and tile settings filled in.
 */

let places: Promise<MapPlace[]> | undefined;

/** Every located place of the case, in map order (built once). */
export function getMapPlaces(): Promise<MapPlace[]> {
  places ??= getCase().then((model) => mapPlaces(model));
  return places;
}

let basemap: Promise<string | null> | undefined;

/** Reads one outline of basemap/, naming the file and the fix when it is not one. */
function readOutline(file: string): Basemap {
  const where = `basemap/${file}`;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path.join(BASEMAP_DIR, file), 'utf8'));
  } catch (error) {
    throw new Error(`${where}: not JSON; fix: write it as GeoJSON, or remove it`, { cause: error });
  }
  const parsed = basemapSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `${where}: ${issue?.path.join('.') || '(file)'}: ${issue?.message ?? 'not an outline'}; fix: give it the shape of src/lib/basemap.ts (a FeatureCollection with a casefile member), or remove it`,
      { cause: parsed.error },
    );
  }
  return parsed.data;
}

/**
 * The folder of the outlines a case may draw. It is not under public/: only the one the case draws
 * is published (src/pages/basemap/[file].ts), so a fork in Lisbon does not carry Tianjin's file.
 */
export const BASEMAP_DIR = path.join(process.cwd(), 'basemap');

/**
 * Site path of the outline every map of the case draws under its pins, or null for none: the
 * setting when one is given (SITE.basemap, CASEFILE_BASEMAP), else the outline in basemap/
 * that fits the case's places (src/lib/basemap-choice.ts). Chosen once per build.
 */
export function getBasemap(): Promise<string | null> {
  basemap ??= getMapPlaces().then((all) => {
    if (SITE.basemap !== undefined) return SITE.basemap || null;
    let files: string[] = [];
    try {
      files = readdirSync(BASEMAP_DIR).filter((file) => file.endsWith('.geojson'));
    } catch {
      return null;
    }
    const candidates = files.sort().map((file) => ({ path: `/basemap/${file}`, basemap: readOutline(file) }));
    return chooseBasemap(all, candidates);
  });
  return basemap;
}

/**
 * The file of basemap/ that the build publishes at /basemap/<file>: the chosen outline's, or none
 * when the case draws no outline or names one of its own under public/.
 */
export async function publishedOutline(): Promise<string | null> {
  const chosen = await getBasemap();
  const file = chosen?.startsWith('/basemap/') ? chosen.slice('/basemap/'.length) : null;
  if (!file || file.includes('/')) return null;
  return existsSync(path.join(BASEMAP_DIR, file)) ? file : null;
}

/** Where `/map.json` and the marker images are, with the base. */
export function mapUrls(base: string): { data: string; markers: string } {
  return { data: withBase(base, '/map.json'), markers: withBase(base, '/map/markers/') };
}

/**
 * The `data-config` of a map element: every map fetches `/map.json`, a mini map names the places it
 * draws from it; `outline` is the site path from getBasemap().
 */
export function mapConfig(
  base: string,
  outline: string | null,
  options: { places: readonly MapPlace[] } | { fetch: true },
): MapConfig {
  const urls = mapUrls(base);
  return mapConfigSchema.parse({
    base,
    src: urls.data,
    only: 'places' in options ? options.places.map((place) => place.id) : null,
    basemap: outline ? withBase(base, outline) : null,
    markers: urls.markers,
    tiles: SITE.tiles,
    mini: 'places' in options,
  });
}
