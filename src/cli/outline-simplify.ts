import type { LonLat } from './datum.ts';

/**
 * Simplifies a set of adjoining polygons (districts) without opening gaps between them: borders
 * shared by two districts are cut out as arcs between junctions, each arc is simplified once
 * (Douglas–Peucker), and both districts reuse the same simplified arc. Simplifying each polygon on
 * its own would move a shared border differently on its two sides.
 */

/** A closed ring: first point equals last. */
export type Ring = LonLat[];

/** A polygon: outer ring, then holes. */
export type PolygonRings = Ring[];

const keyOf = (p: LonLat) => `${p[0]},${p[1]}`;

/** Distances in metres on a local plane around `lat0` (accurate enough within a city). */
function planar(lat0: number): (p: LonLat) => readonly [number, number] {
  const kx = 111_320 * Math.cos((lat0 * Math.PI) / 180);
  const ky = 110_574;
  return (p) => [p[0] * kx, p[1] * ky];
}

/** Distance from p to the segment ab, in the plane. */
function segmentDistance(p: readonly [number, number], a: readonly [number, number], b: readonly [number, number]) {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Douglas–Peucker on an open polyline; keeps both ends. Ties keep the first farthest point. */
export function douglasPeucker(
  line: readonly LonLat[],
  toleranceMetres: number,
  project: (p: LonLat) => readonly [number, number],
): LonLat[] {
  if (line.length <= 2) return [...line];
  const points = line.map(project);
  const keep = new Uint8Array(line.length);
  keep[0] = 1;
  keep[line.length - 1] = 1;
  const stack: [number, number][] = [[0, line.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop() as [number, number];
    let farthest = -1;
    let max = toleranceMetres;
    for (let i = first + 1; i < last; i++) {
      const d = segmentDistance(
        points[i] as [number, number],
        points[first] as [number, number],
        points[last] as [number, number],
      );
      if (d > max) {
        max = d;
        farthest = i;
      }
    }
    if (farthest >= 0) {
      keep[farthest] = 1;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return line.filter((_, i) => keep[i] === 1);
}

/** Points where borders meet: a point seen with different neighbours in different places. */
function findJunctions(rings: readonly Ring[]): Set<string> {
  const neighbours = new Map<string, string>();
  const junctions = new Set<string>();
  for (const ring of rings) {
    const n = ring.length - 1;
    for (let i = 0; i < n; i++) {
      const point = ring[i] as LonLat;
      const prev = keyOf(ring[(i - 1 + n) % n] as LonLat);
      const next = keyOf(ring[(i + 1) % n] as LonLat);
      const pair = prev < next ? `${prev}|${next}` : `${next}|${prev}`;
      const key = keyOf(point);
      const seen = neighbours.get(key);
      if (seen === undefined) neighbours.set(key, pair);
      else if (seen !== pair) junctions.add(key);
    }
  }
  return junctions;
}

/**
 * Simplifies adjoining polygons so that shared borders stay shared. Coordinates are compared
 * exactly, so the input must give a shared vertex the same numbers on both sides (true of outlines
 * cut from one dataset). A ring that would collapse below a triangle is kept as it was.
 */
export function simplifyAdjoining(polygons: readonly PolygonRings[], toleranceMetres: number): PolygonRings[] {
  const rings = polygons.flat();
  if (rings.length === 0) return [];
  const meanLat = rings.reduce((sum, ring) => sum + (ring[0]?.[1] ?? 0), 0) / rings.length;
  const project = planar(meanLat);
  const junctions = findJunctions(rings);
  const arcs = new Map<string, LonLat[]>();

  const simplifyArc = (arc: LonLat[]): LonLat[] => {
    const forward = arc.map(keyOf).join(';');
    const reversed = [...arc].reverse();
    const backward = reversed.map(keyOf).join(';');
    // One canonical direction per arc, so both neighbours get the very same points.
    const canonical = forward <= backward ? arc : reversed;
    const key = forward <= backward ? forward : backward;
    let simplified = arcs.get(key);
    if (!simplified) {
      simplified = douglasPeucker(canonical, toleranceMetres, project);
      arcs.set(key, simplified);
    }
    return canonical === arc ? simplified : [...simplified].reverse();
  };

  const simplifyRing = (ring: Ring): Ring => {
    const open = ring.slice(0, -1);
    let starts = open.map((p, i) => (junctions.has(keyOf(p)) ? i : -1)).filter((i) => i >= 0);
    if (starts.length === 0) {
      // A ring touching no other: start from its smallest point, the same from either side.
      let best = 0;
      open.forEach((p, i) => {
        if (keyOf(p) < keyOf(open[best] as LonLat)) best = i;
      });
      starts = [best];
    }
    const out: LonLat[] = [];
    for (let s = 0; s < starts.length; s++) {
      const from = starts[s] as number;
      const to = starts[(s + 1) % starts.length] as number;
      const arc: LonLat[] = [];
      for (let i = from; ; i = (i + 1) % open.length) {
        arc.push(open[i] as LonLat);
        if (arc.length > 1 && i === to) break;
      }
      const simplified = simplifyArc(arc);
      out.push(...(out.length === 0 ? simplified : simplified.slice(1)));
    }
    if (keyOf(out[0] as LonLat) !== keyOf(out[out.length - 1] as LonLat)) out.push(out[0] as LonLat);
    return out.length >= 4 ? out : ring;
  };

  return polygons.map((polygon) => polygon.map(simplifyRing));
}
