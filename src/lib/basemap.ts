import * as z from 'zod/mini';

/**
 * The offline base map: district outlines the site serves itself, drawn under the markers so the map
 * loads nothing from a third party until the reader asks for street tiles. The file is GeoJSON (any
 * GIS opens it) with a `casefile` member saying where the outlines come from, under which licence,
 * and in which datum. `src/cli/make-basemap.ts` writes it through this schema; the map parses it with
 * the same one.
 */

const position = z.tuple([z.number(), z.number()]);
const ring = z.array(position);

/** Where the outlines come from, shown on the map as its attribution. */
export const basemapSourceSchema = z.object({
  /** What the outlines show, e.g. "Districts of Tianjin". */
  title: z.string(),
  /** Attribution text shown on the map. */
  attribution: z.string(),
  /** Where the attribution links: the README beside the file (site path, without base). */
  attributionPath: z.string(),
  /** SPDX licence identifier of the data. */
  license: z.string(),
  /** The datum of the coordinates and, when converted, from what. */
  datum: z.string(),
  /**
   * Whether a small map of one place widens to the whole outline the place lies in: yes for a city's
   * districts (a circle is seen in its part of the city), no for countries. Default yes.
   */
  widen: z.optional(z.boolean()),
});

/** One outline (a district, a country) with its names and a point to label it at. */
export const districtFeatureSchema = z.object({
  type: z.literal('Feature'),
  /** Administrative code (GB/T 2260 for districts, ISO 3166-1 numeric for countries). */
  id: z.string(),
  properties: z.object({
    /** Name in English, e.g. "Hexi District". */
    name: z.string(),
    /** Name in its own script, e.g. 河西区 (marked as Chinese on the map), if the outline has one. */
    name_native: z.optional(z.string()),
    /** Where to put the label, [lon, lat] (the district's seat). */
    label: position,
  }),
  geometry: z.union([
    z.object({ type: z.literal('Polygon'), coordinates: z.array(ring) }),
    z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring)) }),
  ]),
});

/** The whole base map file. */
export const basemapSchema = z.object({
  type: z.literal('FeatureCollection'),
  /** Provenance, licence and datum. */
  casefile: basemapSourceSchema,
  /** The districts. */
  features: z.array(districtFeatureSchema),
});

/** A base map file, parsed. */
export type Basemap = z.infer<typeof basemapSchema>;

/** One district, parsed. */
export type DistrictFeature = z.infer<typeof districtFeatureSchema>;

/** Every polygon of a district as rings of [lat, lon] pairs, the order Leaflet draws in. */
export function districtPolygons(feature: DistrictFeature): [number, number][][][] {
  const polygons = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
  return polygons.map((polygon) => polygon.map((r) => r.map(([lon, lat]) => [lat, lon] as [number, number])));
}
