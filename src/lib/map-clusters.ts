/**
 * Marker clustering for the map, small enough to ship in the map's budget (leaflet.markercluster
 * would add some 10 KB gzipped): at each zoom level, points whose pins would overlap on screen are
 * drawn as one numbered marker. Greedy and order-stable, so the same points and zoom always give the
 * same clusters.
 */

/** A point to cluster, in WGS84 degrees. */
export interface ClusterPoint {
  /** Latitude. */
  lat: number;
  /** Longitude. */
  lon: number;
}

/** Points drawn as one marker at one zoom level. */
export interface Cluster {
  /** Indexes of the member points, in input order. */
  members: number[];
  /** Mean latitude of the members. */
  lat: number;
  /** Mean longitude of the members. */
  lon: number;
}

/** Size of a Web Mercator tile in CSS pixels, as Leaflet uses. */
const TILE = 256;
/** Leaflet's Web Mercator stops at this latitude. */
const MAX_LAT = 85.0511287798;

/** Web Mercator position in pixels at a zoom level (Leaflet's EPSG:3857 with 256-pixel tiles). */
export function project(point: ClusterPoint, zoom: number): [number, number] {
  const scale = TILE * 2 ** zoom;
  const lat = Math.max(-MAX_LAT, Math.min(MAX_LAT, point.lat));
  const sin = Math.sin((lat * Math.PI) / 180);
  const x = ((point.lon + 180) / 360) * scale;
  const y = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * scale;
  return [x, y];
}

/**
 * Groups points that lie within `radius` pixels of a cluster's first point at this zoom. Each point
 * joins the nearest such cluster, looked up in a grid of radius-sized cells; otherwise it starts one.
 */
export function clusterPoints(points: readonly ClusterPoint[], zoom: number, radius: number): Cluster[] {
  const seeds: { x: number; y: number; members: number[] }[] = [];
  const grid = new Map<string, number[]>();
  points.forEach((point, index) => {
    const [x, y] = project(point, zoom);
    const cx = Math.floor(x / radius);
    const cy = Math.floor(y / radius);
    let best = -1;
    let bestDistance = radius;
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const seedIndex of grid.get(`${cx + dx},${cy + dy}`) ?? []) {
          const seed = seeds[seedIndex];
          if (!seed) continue;
          const distance = Math.hypot(seed.x - x, seed.y - y);
          if (distance <= bestDistance && (best < 0 || distance < bestDistance || seedIndex < best)) {
            best = seedIndex;
            bestDistance = distance;
          }
        }
      }
    }
    if (best >= 0) {
      seeds[best]?.members.push(index);
      return;
    }
    const key = `${cx},${cy}`;
    grid.set(key, [...(grid.get(key) ?? []), seeds.length]);
    seeds.push({ x, y, members: [index] });
  });
  return seeds.map((seed) => {
    let lat = 0;
    let lon = 0;
    for (const index of seed.members) {
      lat += points[index]?.lat ?? 0;
      lon += points[index]?.lon ?? 0;
    }
    return { members: seed.members, lat: lat / seed.members.length, lon: lon / seed.members.length };
  });
}
