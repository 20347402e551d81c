import { districtPolygons, type DistrictFeature } from './basemap.ts';
import type { LatLonBounds } from './map-data.ts';

/**
 * How much of the outline a small map shows around its places: never less than the district each
 * place lies in, with a margin that brings in the edges and names of its neighbours, so a 600 m
 * circle is seen in its part of the city rather than as a disc on a blank ground. Pure, so the
 * rule is tested without a browser.
 */

/** True when a point ([lat, lon]) lies inside a ring of [lat, lon] corners (even-odd rule). */
export function inRing(lat: number, lon: number, ring: readonly (readonly [number, number])[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [latI = 0, lonI = 0] = ring[i] ?? [];
    const [latJ = 0, lonJ = 0] = ring[j] ?? [];
    if (lonI > lon !== lonJ > lon && lat < ((latJ - latI) * (lon - lonI)) / (lonJ - lonI) + latI) inside = !inside;
  }
  return inside;
}

/** The district a point lies in, if any. */
export function districtAt(
  lat: number,
  lon: number,
  features: readonly DistrictFeature[],
): DistrictFeature | undefined {
  return features.find((feature) =>
    districtPolygons(feature).some(
      (polygon) => inRing(lat, lon, polygon[0] ?? []) && !polygon.slice(1).some((hole) => inRing(lat, lon, hole)),
    ),
  );
}

/** Share of a district's size added on each side, so its neighbours' edges and names show too. */
const MARGIN = 0.35;

/**
 * The bounds a small map should show at least: the districts its places lie in, widened by a margin
 * on each side. Undefined when no place lies in a district of the outline.
 */
export function contextBounds(
  places: readonly { lat: number; lon: number }[],
  features: readonly DistrictFeature[],
): LatLonBounds | undefined {
  let south = Infinity;
  let west = Infinity;
  let north = -Infinity;
  let east = -Infinity;
  for (const place of places) {
    const district = districtAt(place.lat, place.lon, features);
    if (!district) continue;
    for (const polygon of districtPolygons(district)) {
      for (const [lat, lon] of polygon[0] ?? []) {
        south = Math.min(south, lat);
        north = Math.max(north, lat);
        west = Math.min(west, lon);
        east = Math.max(east, lon);
      }
    }
  }
  if (!Number.isFinite(south)) return undefined;
  const dLat = (north - south) * MARGIN;
  const dLon = (east - west) * MARGIN;
  return [
    [south - dLat, west - dLon],
    [north + dLat, east + dLon],
  ];
}

/** The smallest bounds holding both. */
export function unionBounds(a: LatLonBounds, b: LatLonBounds | undefined): LatLonBounds {
  if (!b) return a;
  return [
    [Math.min(a[0][0], b[0][0]), Math.min(a[0][1], b[0][1])],
    [Math.max(a[1][0], b[1][0]), Math.max(a[1][1], b[1][1])],
  ];
}
