import { describe, expect, test } from 'vitest';
import { contextBounds, districtAt, unionBounds } from '../../src/lib/map-context.ts';
import type { DistrictFeature } from '../../src/lib/basemap.ts';

/** A square district from (lon0, lat0) to (lon1, lat1), as GeoJSON writes it ([lon, lat]). */
const square = (id: string, lon0: number, lat0: number, lon1: number, lat1: number): DistrictFeature => ({
  type: 'Feature',
  id,
  properties: { name: id, name_native: id, label: [(lon0 + lon1) / 2, (lat0 + lat1) / 2] },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [lon0, lat0],
        [lon1, lat0],
        [lon1, lat1],
        [lon0, lat1],
        [lon0, lat0],
      ],
    ],
  },
});
const west = square('west', 117.0, 39.0, 117.1, 39.1);
const east = square('east', 117.1, 39.0, 117.3, 39.1);

describe('districtAt', () => {
  test('finds the district a point lies in, and none outside the outline', () => {
    expect(districtAt(39.05, 117.05, [west, east])?.id).toBe('west');
    expect(districtAt(39.05, 117.2, [west, east])?.id).toBe('east');
    expect(districtAt(40, 117.05, [west, east])).toBeUndefined();
  });
});

describe('contextBounds', () => {
  test('is the place’s district widened by a third on each side', () => {
    const [[s, w], [n, e]] = contextBounds([{ lat: 39.05, lon: 117.05 }], [west, east]) ?? [
      [0, 0],
      [0, 0],
    ];
    expect(s).toBeCloseTo(39.0 - 0.035);
    expect(n).toBeCloseTo(39.1 + 0.035);
    expect(w).toBeCloseTo(117.0 - 0.035);
    expect(e).toBeCloseTo(117.1 + 0.035);
  });

  test('covers every district with a place, and nothing without one', () => {
    const both = contextBounds(
      [
        { lat: 39.05, lon: 117.05 },
        { lat: 39.05, lon: 117.25 },
      ],
      [west, east],
    );
    // Both districts span 0.3° of longitude; a third of that (35 %) is added on each side.
    expect(both?.[1][1]).toBeCloseTo(117.3 + 0.105);
    expect(contextBounds([{ lat: 45, lon: 100 }], [west, east])).toBeUndefined();
  });
});

describe('unionBounds', () => {
  test('holds both boxes', () => {
    expect(
      unionBounds(
        [
          [1, 1],
          [2, 2],
        ],
        [
          [0, 1.5],
          [1.5, 3],
        ],
      ),
    ).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });
});
