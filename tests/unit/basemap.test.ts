import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { basemapSchema, districtPolygons, type Basemap } from '../../src/lib/basemap.ts';
import { douglasPeucker, simplifyAdjoining, type PolygonRings } from '../../src/cli/outline-simplify.ts';
import { buildBasemap } from '../../src/cli/make-basemap.ts';
import { wgs84ToGcj02, type LonLat } from '../../src/cli/datum.ts';

/** Even–odd ray casting: is the point inside the ring? */
function inRing([x, y]: LonLat, ring: readonly (readonly [number, number])[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The district a point falls in. */
function districtAt(basemap: Basemap, point: LonLat): string | undefined {
  return basemap.features.find((feature) =>
    districtPolygons(feature).some((polygon) => inRing([point[1], point[0]], polygon[0] ?? [])),
  )?.properties.name;
}

const shipped = basemapSchema.parse(JSON.parse(readFileSync('basemap/tianjin-districts.geojson', 'utf8')));

describe('the shipped base map', () => {
  test('has the sixteen districts of Tianjin, with names in both scripts', () => {
    expect(shipped.features).toHaveLength(16);
    expect(shipped.features.map((f) => f.properties.name)).toContain('Binhai New Area');
    expect(shipped.features.find((f) => f.id === '120103')?.properties.name_native).toBe('河西区');
  });

  test('says where it comes from, under which licence and in which datum', () => {
    expect(shipped.casefile.license).toBe('MIT');
    expect(shipped.casefile.datum).toMatch(/^WGS84, converted from GCJ-02/);
    expect(readFileSync('public/basemap/LICENSE.txt', 'utf8')).toContain('MIT License');
    expect(readFileSync('public/basemap/README.txt', 'utf8')).toContain('GCJ-02');
  });

  test.each([
    ['85 Zhujiang Road (the bureau compound)', [39.0651, 117.2135], 'Hexi District'],
    ['Nankai University', [39.1036, 117.1665], 'Nankai District'],
    ['Jizhou old town', [40.045, 117.408], 'Jizhou District'],
    ['Tanggu, Binhai', [39.02, 117.65], 'Binhai New Area'],
  ] as const)('puts %s in the right district', (_name, [lat, lon], district) => {
    expect(districtAt(shipped, [lon, lat])).toBe(district);
  });

  test('stays within Tianjin and under 60 KB', () => {
    const text = readFileSync('basemap/tianjin-districts.geojson', 'utf8');
    expect(text.length).toBeLessThan(60_000);
    for (const feature of shipped.features) {
      for (const polygon of districtPolygons(feature)) {
        for (const [lat, lon] of polygon.flat()) {
          expect(lat).toBeGreaterThan(38.5);
          expect(lat).toBeLessThan(40.3);
          expect(lon).toBeGreaterThan(116.6);
          expect(lon).toBeLessThan(118.1);
        }
      }
    }
  });
});

// Two squares sharing a wiggly border x = 1 (the wiggle is 0.0001°, about 10 m).
const wiggle: LonLat[] = Array.from({ length: 11 }, (_, i) => [1 + (i % 2) * 0.0001, i * 0.1] as const);
const left: PolygonRings = [[[0, 0], ...wiggle, [0, 1], [0, 0]]];
const right: PolygonRings = [[[2, 0], [2, 1], ...[...wiggle].reverse(), [2, 0]]];

describe('simplifyAdjoining', () => {
  test('simplifies a shared border once, so both sides keep the same points', () => {
    const [a, b] = simplifyAdjoining([left, right], 100);
    const border = (ring: readonly LonLat[]) =>
      [...new Set(ring.filter(([x]) => x > 0.5 && x < 1.5).map(([x, y]) => `${x},${y}`))].sort();
    const fromA = border(a?.[0] ?? []);
    expect(fromA).toEqual(border(b?.[0] ?? []));
    expect(fromA.length).toBeLessThan(wiggle.length);
  });

  test('keeps the wiggle when the tolerance is below it', () => {
    const [a] = simplifyAdjoining([left, right], 1);
    expect(a?.[0]?.length).toBe(left[0]?.length);
  });

  test('keeps rings closed and at least triangles', () => {
    for (const polygon of simplifyAdjoining([left, right], 1e7)) {
      const ring = polygon[0] ?? [];
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      expect(ring.length).toBeGreaterThanOrEqual(4);
    }
  });
});

describe('douglasPeucker', () => {
  const flat = (p: LonLat) => [p[0] * 100_000, p[1] * 100_000] as const;
  test.each([
    ['drops points closer than the tolerance', 5, 2],
    ['keeps points farther than the tolerance', 0.5, 3],
  ])('%s', (_name, tolerance, expected) => {
    expect(
      douglasPeucker(
        [
          [0, 0],
          [0.5, 0.00001],
          [1, 0],
        ],
        tolerance,
        flat,
      ),
    ).toHaveLength(expected);
  });
});

describe('buildBasemap', () => {
  const square = (x: number): [number, number][] => [
    [x, 39],
    [x + 0.01, 39],
    [x + 0.01, 39.01],
    [x, 39.01],
    [x, 39],
  ];
  const source = JSON.stringify({
    type: 'FeatureCollection',
    features: [
      {
        id: '120103',
        properties: { name: '河西区', cp: [117.005, 39.005] },
        geometry: { type: 'Polygon', coordinates: [square(117)] },
      },
    ],
  });

  test('converts outlines and labels from GCJ-02 to WGS84', () => {
    const basemap = buildBasemap(source);
    const feature = basemap.features[0];
    expect(feature?.properties).toMatchObject({ name: 'Hexi District', name_native: '河西区' });
    const [lon, lat] = feature?.properties.label ?? [0, 0];
    const [gLon, gLat] = wgs84ToGcj02([lon, lat]);
    expect(gLon).toBeCloseTo(117.005, 4);
    expect(gLat).toBeCloseTo(39.005, 4);
    expect(lon).toBeLessThan(117.005);
  });

  test('names the district it has no English name for', () => {
    expect(() => buildBasemap(source.replace('120103', '999999'))).toThrow(/999999 \(河西区\)/);
  });
});
