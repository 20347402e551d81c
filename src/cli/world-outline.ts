import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import polylabel from 'polylabel';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { MultiPolygon, Polygon } from 'geojson';
import { basemapSchema, type Basemap } from '../lib/basemap.ts';

/**
 * The world's countries as the map's default offline outline, for a case anywhere: Natural Earth's
 * 1:110 million admin-0 countries (public domain) as the npm package world-atlas redistributes them
 * (TopoJSON, ISC), turned into the site's GeoJSON with topojson-client. At that scale a country's
 * border is good to a few kilometres: enough to say which country and which coast a pin is on, and
 * small (about 120 KB) because it is fetched with every map.
 */

/** The package and file the outline is made from (a devDependency, pinned by the lock). */
export const WORLD_SOURCE = 'world-atlas/countries-110m.json';

/** The output file's name in basemap/. */
export const WORLD_FILE = 'world-countries.geojson';

/** Rounds to three decimals (about 100 m): finer than the source's own accuracy of kilometres. */
function round(value: number): number {
  return Math.round(value * 1e3) / 1e3;
}

/** A ring rounded, with the points that then repeat dropped. */
function roundRing(ring: readonly number[][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [lon = 0, lat = 0] of ring) {
    const point: [number, number] = [round(lon), round(lat)];
    const last = out[out.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) out.push(point);
  }
  return out;
}

/** The area of a ring in square degrees (shoelace), to find a country's largest polygon. */
function ringArea(ring: readonly [number, number][]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    sum += (xj - xi) * (yj + yi);
  }
  return Math.abs(sum / 2);
}

/** Converts world-atlas's TopoJSON into the base map: one feature per country, labelled inside its largest polygon. */
export function buildWorldOutline(topologyText: string): Basemap {
  const topology = JSON.parse(topologyText) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const countries = feature(topology, topology.objects.countries);
  const features = countries.features.flatMap((country) => {
    const geometry = country.geometry as Polygon | MultiPolygon | null;
    if (!geometry) return [];
    const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates)
      .map((polygon) => polygon.map(roundRing).filter((ring) => ring.length >= 4))
      .filter((polygon) => polygon.length > 0);
    const largest = polygons.reduce<[number, number][][] | undefined>(
      (best, polygon) => (!best || ringArea(polygon[0] ?? []) > ringArea(best[0] ?? []) ? polygon : best),
      undefined,
    );
    if (!largest) return [];
    const [lon, lat] = polylabel(largest, 0.05);
    const name = country.properties.name;
    return [
      {
        type: 'Feature' as const,
        // ISO 3166-1 numeric where Natural Earth gives one (Portugal 620); disputed areas have none.
        id: country.id === undefined ? `name:${name}` : String(country.id),
        properties: { name, label: [round(lon), round(lat)] as [number, number] },
        geometry:
          polygons.length === 1
            ? { type: 'Polygon' as const, coordinates: polygons[0] ?? [] }
            : { type: 'MultiPolygon' as const, coordinates: polygons },
      },
    ];
  });
  return basemapSchema.parse({
    type: 'FeatureCollection',
    casefile: {
      title: 'Countries of the world',
      attribution: 'Countries: Natural Earth (public domain)',
      attributionPath: '/basemap/README.txt',
      license: 'public domain (Natural Earth); ISC (world-atlas)',
      datum: 'WGS84; Natural Earth 1:110 million, good to a few kilometres',
      widen: false,
    },
    features,
  });
}

/** Reads the source file from node_modules and its licence. */
export function readWorldSource(): { topology: string; license: string } {
  const require = createRequire(import.meta.url);
  const file = require.resolve(WORLD_SOURCE);
  return {
    topology: readFileSync(file, 'utf8'),
    license: readFileSync(require.resolve('world-atlas/LICENSE'), 'utf8'),
  };
}
