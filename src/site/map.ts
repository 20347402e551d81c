import { SITE } from '../config.ts';
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

/** Where `/map.json` and the marker images are, with the base. */
export function mapUrls(base: string): { data: string; markers: string } {
  return { data: withBase(base, '/map.json'), markers: withBase(base, '/map/markers/') };
}

/** The `data-config` of a map element: the full map fetches `/map.json`, a mini map carries its places. */
export function mapConfig(base: string, options: { places: MapPlace[] } | { fetch: true }): MapConfig {
  const urls = mapUrls(base);
  return mapConfigSchema.parse({
    base,
    src: 'fetch' in options ? urls.data : null,
    places: 'places' in options ? options.places : null,
    basemap: SITE.basemap ? withBase(base, SITE.basemap) : null,
    markers: urls.markers,
    tiles: SITE.tiles,
    mini: 'places' in options,
  });
}
