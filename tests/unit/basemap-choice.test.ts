import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { basemapSchema } from '../../src/lib/basemap.ts';
import { chooseBasemap } from '../../src/lib/basemap-choice.ts';
import { districtAt } from '../../src/lib/map-context.ts';
import { buildWorldOutline, readWorldSource } from '../../src/cli/world-outline.ts';

const read = (file: string) => basemapSchema.parse(JSON.parse(readFileSync(`basemap/${file}`, 'utf8')));
const world = read('world-countries.geojson');
const tianjin = read('tianjin-districts.geojson');
const CANDIDATES = [
  { path: '/basemap/tianjin-districts.geojson', basemap: tianjin },
  { path: '/basemap/world-countries.geojson', basemap: world },
];

describe('the shipped world outline', () => {
  test('is what the generator makes of world-atlas today, so the vendored file cannot drift', () => {
    expect(buildWorldOutline(readWorldSource().topology)).toEqual(world);
  });

  test('says it is Natural Earth, in the public domain, and is not widened around one place', () => {
    expect(world.casefile.attribution).toBe('Countries: Natural Earth (public domain)');
    expect(world.casefile.widen).toBe(false);
    expect(readFileSync('public/basemap/LICENSE.txt', 'utf8')).toContain('Copyright 2013-2019 Michael Bostock');
  });

  test('stays small: under 220 KB for the whole world', () => {
    expect(readFileSync('basemap/world-countries.geojson').length).toBeLessThan(220_000);
  });

  test.each([
    ['Lisbon', 38.7115, -9.13, 'Portugal', '620'],
    ['Nairobi', -1.2864, 36.8172, 'Kenya', '404'],
    ['Tianjin', 39.0651, 117.2135, 'China', '156'],
    ['Buenos Aires', -34.6037, -58.3816, 'Argentina', '032'],
  ])('puts %s in %s', (_city, lat, lon, country, id) => {
    const found = districtAt(lat, lon, world.features);
    expect(found?.properties.name).toBe(country);
    expect(found?.id).toBe(id);
  });

  test('labels each country inside itself', () => {
    const portugal = world.features.find((feature) => feature.id === '620');
    const [lon = 0, lat = 0] = portugal?.properties.label ?? [];
    expect(districtAt(lat, lon, world.features)?.id).toBe('620');
  });
});

describe('chooseBasemap', () => {
  test.each([
    [
      'places in Tianjin get its districts',
      [
        [39.0651, 117.2135],
        [39.1036, 117.1665],
      ],
      '/basemap/tianjin-districts.geojson',
    ],
    [
      'places in Lisbon and Porto get the countries',
      [
        [38.7115, -9.13],
        [41.144, -8.615],
      ],
      '/basemap/world-countries.geojson',
    ],
    [
      'one place outside Tianjin takes the whole case to the countries',
      [
        [39.0651, 117.2135],
        [38.9072, -77.0369],
      ],
      '/basemap/world-countries.geojson',
    ],
    ['a case with no located place gets the countries', [], '/basemap/world-countries.geojson'],
  ] as const)('%s', (_what, points, expected) => {
    const places = points.map(([lat, lon]) => ({ lat, lon }));
    expect(chooseBasemap(places, CANDIDATES)).toBe(expected);
    expect(chooseBasemap(places, [...CANDIDATES].reverse())).toBe(expected);
  });

  test('with no outline to choose from, none', () => {
    expect(chooseBasemap([{ lat: 1, lon: 2 }], [])).toBeNull();
  });
});
