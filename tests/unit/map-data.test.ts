import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkCaseFolder } from '../../src/reader/read-case.ts';
import { fromMapData, linksByLabel, mapDataSchema, placeBounds, toMapData, typesAt } from '../../src/lib/map-data.ts';
import { mapData, mapPlaces, placesByIds, placesOfEntity } from '../../src/lib/map-places.ts';
import { legendOf, markerKey, markerMeaning, markerSvg, parseMarkerKey } from '../../src/lib/map-markers.ts';
import { clusterPoints, project } from '../../src/lib/map-clusters.ts';
import { ENTITY_TYPE_INFO } from '../../src/lib/schema/entity-types.ts';

const fixture = path.resolve(import.meta.dirname, '../fixtures/basic');
const { model } = checkCaseFolder(fixture, { includeDrafts: false });
const data = { places: mapPlaces(model) };
const place = (id: string) => data.places.find((p) => p.id === id);

describe('mapData', () => {
  test('holds every published location with coordinates, north to south', () => {
    expect(data.places.map((p) => p.id)).toEqual(['locations/example-tower', 'locations/second-site']);
  });

  test('carries the point, its precision, both addresses and how it was placed', () => {
    expect(place('locations/example-tower')).toMatchObject({
      name: 'Example Tower',
      native: '示例大厦',
      nativeLang: 'zh',
      address: '1 Example Road, Hexi District, Tianjin',
      addressNative: '天津市河西区示例路1号',
      lat: 39.1,
      lon: 117.22,
      precision: 800,
      precisionText: '± 800 m',
      note: 'placed at the district centre; the building itself was not found on a map',
    });
    expect(place('locations/second-site')).toMatchObject({
      addressNative: null,
      precision: 2500,
      precisionText: '± 2.5 km',
    });
  });

  test('lists what is there under the label read from the place’s side, with the grade', () => {
    expect(place('locations/example-tower')?.links).toEqual([
      {
        id: 'companies/example-tech',
        name: 'Example Trading Technology Co.',
        type: 'companies',
        label: 'registered address of',
        confidence: 'confirmed',
      },
      {
        id: 'locations/second-site',
        name: 'Second Site',
        type: 'locations',
        label: 'associated with',
        confidence: 'low',
      },
    ]);
    expect(place('locations/second-site')?.links).toContainEqual(
      expect.objectContaining({ id: 'people/chen-jie', label: 'visited by', confidence: 'low' }),
    );
  });

  test('leaves drafts out, even when they are linked to a place', () => {
    expect(JSON.stringify(data)).not.toContain('CASEFILE-DRAFT-MARKER');
    const withDrafts = mapPlaces(checkCaseFolder(fixture, { includeDrafts: true }).model);
    expect(withDrafts[0]?.links.map((l) => l.id)).toContain('people/hidden-person');
  });

  test('styles each marker by what is at the place', () => {
    expect(place('locations/example-tower')?.marker).toBe('companies');
    expect(place('locations/second-site')?.marker).toBe('people');
  });

  test('round-trips through map.json, which stores each linked entity and label once', () => {
    const file = mapData(model);
    expect(fromMapData(mapDataSchema.parse(JSON.parse(JSON.stringify(file))))).toEqual(data.places);
    expect(file.labels).toEqual(['registered address of', 'associated with', 'visited by']);
    expect(file.places.links[0]).toEqual([0, 0, 0, 1, 1, 3]);
  });

  test('refuses a map.json whose columns disagree or whose indexes point nowhere', () => {
    const file = toMapData(data.places);
    expect(() => fromMapData({ ...file, places: { ...file.places, lat: [39] } })).toThrow(
      /places\.lat has 1 values for 2 places/,
    );
    expect(() => fromMapData({ ...file, places: { ...file.places, links: [[9, 0, 0], []] } })).toThrow(
      /entity index 9 is out of range/,
    );
  });
});

describe('placesOfEntity', () => {
  test.each([
    ['a location shows itself', 'locations/second-site', ['locations/second-site']],
    ['a company shows where it is registered', 'companies/example-tech', ['locations/example-tower']],
    ['a person shows where they were seen', 'people/chen-jie', ['locations/second-site']],
    ['an entity with no place shows none', 'tools/heron-rat', []],
  ])('%s', (_name, id, expected) => {
    expect(placesOfEntity(model, id).map((p) => p.id)).toEqual(expected);
  });

  test('report figures keep only located places', () => {
    expect(
      placesByIds(model, ['locations/second-site', 'people/li-wei', 'locations/nowhere']).map((p) => p.id),
    ).toEqual(['locations/second-site']);
  });
});

describe('placeBounds', () => {
  test('holds each whole precision circle', () => {
    const [[south, west], [north, east]] = placeBounds([{ lat: 39, lon: 117, precision: 1113.2 }]) ?? [
      [0, 0],
      [0, 0],
    ];
    expect(north - 39).toBeCloseTo(0.01, 6);
    expect(39 - south).toBeCloseTo(0.01, 6);
    expect(east - 117).toBeCloseTo(0.01 / Math.cos((39 * Math.PI) / 180), 6);
    expect(117 - west).toBeCloseTo(east - 117, 9);
  });

  test('is undefined with no place', () => {
    expect(placeBounds([])).toBeUndefined();
  });
});

describe('linksByLabel and typesAt', () => {
  const links = place('locations/example-tower')?.links ?? [];
  test('group links under their labels in order', () => {
    expect(linksByLabel(links).map((g) => g.label)).toEqual(['registered address of', 'associated with']);
  });
  test('name the kinds of entity at a place, other places aside', () => {
    expect(typesAt(links)).toEqual(['companies']);
  });
});

describe('marker styles', () => {
  test.each([
    [[], 'locations'],
    [['companies'], 'companies'],
    [['companies', 'people', 'tools'], 'companies-people'],
    [['locations', 'people'], 'people'],
  ] as const)('%j → %s', (kinds, key) => {
    expect(markerKey(kinds)).toBe(key);
  });

  test.each(['companies-companies', 'spaceships', 'people-locations', 'people-companies-tools'])(
    'refuses the key %s',
    (key) => {
      expect(parseMarkerKey(key)).toBeUndefined();
    },
  );

  test('draws the pin in the colour of the main kind and a badge for the second', () => {
    const style = parseMarkerKey('companies-people');
    if (!style) throw new Error('companies-people should parse');
    const svg = markerSvg(style);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="32" height="44"/);
    expect(svg).toContain(`fill="${ENTITY_TYPE_INFO.companies.colour}"`);
    expect(svg).toContain(`<circle cx="25.5" cy="6.5" r="6" fill="${ENTITY_TYPE_INFO.people.colour}"`);
    expect(markerSvg({ primary: 'companies', secondary: undefined })).not.toContain('<circle');
    expect(markerMeaning(style)).toBe('organisation and person');
  });
});

describe('legendOf', () => {
  test('shows one pin per main kind and one example of a badge, however many combinations', () => {
    expect(legendOf(['people-tools', 'companies', 'companies-people', 'locations', 'people'])).toEqual([
      { key: 'people', text: 'Person at the place' },
      { key: 'companies', text: 'Organisation at the place' },
      { key: 'locations', text: 'A place with nothing else linked to it' },
      { key: 'people-tools', text: 'A badge: a second kind of entity is there too (here person and tool)' },
    ]);
  });
});

describe('clusterPoints', () => {
  test('projects like Leaflet’s Web Mercator', () => {
    expect(project({ lat: 0, lon: 0 }, 0)).toEqual([128, 128]);
    const [x, y] = project({ lat: 39.1, lon: 117.2 }, 10);
    expect(x).toBeCloseTo(((117.2 + 180) / 360) * 256 * 1024, 6);
    expect(y).toBeLessThan(128 * 1024);
  });

  const points = [
    { lat: 39.1, lon: 117.2 },
    { lat: 39.1001, lon: 117.2001 },
    { lat: 39.3, lon: 117.5 },
  ];

  test('merges points whose pins would overlap and keeps the others apart', () => {
    const clusters = clusterPoints(points, 10, 40);
    expect(clusters.map((c) => c.members)).toEqual([[0, 1], [2]]);
    expect(clusters[0]?.lat).toBeCloseTo(39.10005, 9);
  });

  test('splits them again when zoomed in far enough', () => {
    expect(clusterPoints(points, 19, 40).map((c) => c.members)).toEqual([[0], [1], [2]]);
  });

  test('is stable: the same input gives the same clusters', () => {
    expect(clusterPoints(points, 12, 40)).toEqual(clusterPoints(points, 12, 40));
  });
});
