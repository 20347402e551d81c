import { districtPolygons, type Basemap } from './basemap.ts';
import { inRing } from './map-context.ts';

/**
 * Which offline outline a case's maps draw: the one that fits where its places are. Of the outlines
 * the site ships, the one holding every located place in one of its areas and covering the least
 * ground wins (a city's districts over the world's countries), so a case in Tianjin gets Tianjin's
 * districts and a case in Lisbon gets the countries, with no setting. Pure, so the rule is tested
 * without a build.
 */

/** An outline the site could draw, with its site path. */
export interface BasemapCandidate {
  /** Site path of the file, e.g. `/basemap/world-countries.geojson`. */
  path: string;
  /** The file, parsed. */
  basemap: Basemap;
}

/** The area of an outline's bounding box in square degrees: how much ground it covers. */
function extent(basemap: Basemap): number {
  let south = Infinity;
  let west = Infinity;
  let north = -Infinity;
  let east = -Infinity;
  for (const feature of basemap.features) {
    for (const polygon of districtPolygons(feature)) {
      for (const [lat, lon] of polygon[0] ?? []) {
        south = Math.min(south, lat);
        north = Math.max(north, lat);
        west = Math.min(west, lon);
        east = Math.max(east, lon);
      }
    }
  }
  return Number.isFinite(south) ? (north - south) * (east - west) : 0;
}

/**
 * Whether each of many points lies in one of an outline's areas, as `districtAt` tells for one: every
 * area's corners are turned to [lat, lon] once, and a box around each area skips the far ones (a point
 * outside a ring's box is never inside the ring), so fitting a case's places to the world's countries
 * stays cheap.
 */
function areaFinder(basemap: Basemap): (lat: number, lon: number) => boolean {
  const areas = basemap.features.map((feature) => {
    const polygons = districtPolygons(feature);
    let [south, west, north, east] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const polygon of polygons) {
      for (const [lat, lon] of polygon[0] ?? []) {
        south = Math.min(south, lat);
        north = Math.max(north, lat);
        west = Math.min(west, lon);
        east = Math.max(east, lon);
      }
    }
    return { polygons, south, west, north, east };
  });
  return (lat, lon) =>
    areas.some(
      (area) =>
        lat >= area.south &&
        lat <= area.north &&
        lon >= area.west &&
        lon <= area.east &&
        area.polygons.some(
          (polygon) => inRing(lat, lon, polygon[0] ?? []) && !polygon.slice(1).some((hole) => inRing(lat, lon, hole)),
        ),
    );
}

/**
 * The site path of the outline for these places, or null when there is no candidate. An outline
 * that holds every place beats one that does not, then the one that holds more places, then the
 * smaller one; a case with no located place gets the widest outline (nothing to fit).
 */
export function chooseBasemap(
  places: readonly { lat: number; lon: number }[],
  candidates: readonly BasemapCandidate[],
): string | null {
  const scored = candidates.map((candidate) => {
    const inArea = areaFinder(candidate.basemap);
    return {
      path: candidate.path,
      held: places.filter((place) => inArea(place.lat, place.lon)).length,
      extent: extent(candidate.basemap),
    };
  });
  scored.sort((a, b) => {
    if (places.length === 0) return b.extent - a.extent || a.path.localeCompare(b.path);
    return b.held - a.held || a.extent - b.extent || a.path.localeCompare(b.path);
  });
  return scored[0]?.path ?? null;
}
