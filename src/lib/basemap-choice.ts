import { districtPolygons, type Basemap } from './basemap.ts';
import { districtAt } from './map-context.ts';

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
 * The site path of the outline for these places, or null when there is no candidate. An outline
 * that holds every place beats one that does not, then the one that holds more places, then the
 * smaller one; a case with no located place gets the widest outline (nothing to fit).
 */
export function chooseBasemap(
  places: readonly { lat: number; lon: number }[],
  candidates: readonly BasemapCandidate[],
): string | null {
  const scored = candidates.map((candidate) => ({
    path: candidate.path,
    held: places.filter((place) => districtAt(place.lat, place.lon, candidate.basemap.features)).length,
    extent: extent(candidate.basemap),
  }));
  scored.sort((a, b) => {
    if (places.length === 0) return b.extent - a.extent || a.path.localeCompare(b.path);
    return b.held - a.held || a.extent - b.extent || a.path.localeCompare(b.path);
  });
  return scored[0]?.path ?? null;
}
