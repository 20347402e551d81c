import { describe, expect, test } from 'vitest';
import { gcj02ToWgs84, metresBetween, outsideChina, wgs84ToGcj02 } from '../../src/cli/datum.ts';

describe('wgs84ToGcj02', () => {
  test('reproduces the published reference point (coordtransform README, Tiananmen)', () => {
    const [lon, lat] = wgs84ToGcj02([116.404, 39.915]);
    expect(lon).toBeCloseTo(116.41024449916938, 12);
    expect(lat).toBeCloseTo(39.91640428150164, 12);
  });

  test('moves a point in central Tianjin by roughly half a kilometre', () => {
    const wgs = [117.2135, 39.0651] as const;
    const offset = metresBetween(wgs, wgs84ToGcj02(wgs));
    expect(offset).toBeGreaterThan(400);
    expect(offset).toBeLessThan(700);
  });

  test('leaves points outside China alone', () => {
    expect(wgs84ToGcj02([-0.1276, 51.5072])).toEqual([-0.1276, 51.5072]);
    expect(outsideChina([139.69, 35.69])).toBe(true);
    expect(outsideChina([117.2, 39.1])).toBe(false);
  });
});

describe('gcj02ToWgs84', () => {
  test.each([
    ['Tiananmen', [116.404, 39.915]],
    ['Tianjin, Hexi', [117.2135, 39.0651]],
    ['Tianjin, Jizhou', [117.407449, 40.045342]],
    ['Shanghai', [121.4998, 31.2397]],
    ['Urumqi', [87.617733, 43.792818]],
  ] as const)('inverts the forward transform to a millimetre (%s)', (_name, wgs) => {
    const back = gcj02ToWgs84(wgs84ToGcj02(wgs));
    expect(metresBetween(wgs, back)).toBeLessThan(0.005);
  });

  test('agrees with the one-step approximation coordtransform publishes, to within a metre', () => {
    // coordtransform's gcj02towgs84(116.404, 39.915) → (116.39775550083061, 39.91359571849836), a single
    // correction step; the iteration refines it by centimetres.
    const back = gcj02ToWgs84([116.404, 39.915]);
    expect(metresBetween(back, [116.39775550083061, 39.91359571849836])).toBeLessThan(1);
  });

  test('moves a GCJ-02 point back towards the south-west in Tianjin', () => {
    const [lon, lat] = gcj02ToWgs84([117.195907, 39.118327]);
    expect(lon).toBeLessThan(117.195907);
    expect(lat).toBeLessThan(39.118327);
  });
});

describe('metresBetween', () => {
  test('one thousandth of a degree of latitude is about 111 m', () => {
    expect(metresBetween([117, 39], [117, 39.001])).toBeCloseTo(111.2, 0);
  });
});
