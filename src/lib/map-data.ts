import * as z from 'zod/mini';
import { ENTITY_TYPES, type EntityType } from './schema/entity-types.ts';
import { CONFIDENCE_LEVELS } from './schema/confidence.ts';

/**
 * What the map draws, defined once: the build writes `/map.json` (and the small inline sets of mini
 * maps) through these schemas and the browser parses them with the same ones. Built with zod/mini so
 * the map's bundle stays small. Building the places from the case is in map-places.ts.
 */

/** Version of the shape; bumped when a reader of an older file would misread a newer one. */
export const MAP_DATA_VERSION = 2;

/** An entity linked to a place, with the relationship read from the place's side. */
export const mapLinkSchema = z.object({
  /** Entity id, `type/slug`. */
  id: z.string(),
  /** Display name. */
  name: z.string(),
  /** Entity type. */
  type: z.enum(ENTITY_TYPES),
  /** The relationship as the place's dossier heads it, e.g. "occupants", "visited by". */
  label: z.string(),
  /** Confidence grade of the relationship, in words, e.g. "unverified". */
  confidence: z.enum(CONFIDENCE_LEVELS),
});

/** A located place: a point, how sure it is, both addresses, and what is there. */
export const mapPlaceSchema = z.object({
  /** Location id, `locations/slug`. */
  id: z.string(),
  /** Display name. */
  name: z.string(),
  /** Name in its own script, or null. */
  native: z.nullable(z.string()),
  /** Language of the native name (BCP 47), or null. */
  nativeLang: z.nullable(z.string()),
  /** Address in English. */
  address: z.string(),
  /** Address in its own script (Chinese for the sample case), or null. */
  addressNative: z.nullable(z.string()),
  /** Latitude, WGS84 degrees. */
  lat: z.number(),
  /** Longitude, WGS84 degrees. */
  lon: z.number(),
  /** How sure the point is: the radius of its circle, in metres. */
  precision: z.number(),
  /** The same radius in words, e.g. "± 600 m". */
  precisionText: z.string(),
  /** How the point was placed. */
  note: z.string(),
  /** Marker image key, see map-markers.ts: the kinds of entity at the place, e.g. "companies-people". */
  marker: z.string(),
  /** Entities linked to the place, grouped by label in vocabulary order, strongest first. */
  links: z.array(mapLinkSchema),
});

const placeColumns = z.object({
  /** Location ids. */
  id: z.array(z.string()),
  /** Display names. */
  name: z.array(z.string()),
  /** Native names, or null. */
  native: z.array(z.nullable(z.string())),
  /** Languages of the native names, or null. */
  nativeLang: z.array(z.nullable(z.string())),
  /** Addresses in English. */
  address: z.array(z.string()),
  /** Addresses in their own script, or null. */
  addressNative: z.array(z.nullable(z.string())),
  /** Latitudes. */
  lat: z.array(z.number()),
  /** Longitudes. */
  lon: z.array(z.number()),
  /** Precision radii, metres. */
  precision: z.array(z.number()),
  /** Precision radii in words. */
  precisionText: z.array(z.string()),
  /** How each point was placed. */
  note: z.array(z.string()),
  /** Marker image keys. */
  marker: z.array(z.string()),
  /** Per place, three numbers per linked entity: entity, label and grade indexes. */
  links: z.array(z.array(z.number())),
});

/**
 * The whole of `/map.json`: column-wise, with linked entities and labels stored once and referred to
 * by index, so a thousand places parse in milliseconds and the file stays a third of its row-wise
 * size. {@link toMapData} writes it from places and {@link fromMapData} reads places back.
 */
export const mapDataSchema = z.object({
  /** Shape version, {@link MAP_DATA_VERSION}. */
  version: z.literal(MAP_DATA_VERSION),
  /** Relationship labels, indexed by the links. */
  labels: z.array(z.string()),
  /** Confidence grades, strongest first, indexed by the links. */
  grades: z.array(z.enum(CONFIDENCE_LEVELS)),
  /** Every entity linked to a place, one column per field, indexed by the links. */
  entities: z.object({
    id: z.array(z.string()),
    name: z.array(z.string()),
    type: z.array(z.enum(ENTITY_TYPES)),
  }),
  /** Every published location with coordinates, north to south, one column per field. */
  places: placeColumns,
});

/** Street tile settings as the map element receives them (see TileSettings in src/config.ts). */
export const mapTilesSchema = z.object({
  /** URL template with {z}/{x}/{y}. */
  url: z.string(),
  /** Attribution text. */
  attribution: z.string(),
  /** Attribution link. */
  attributionUrl: z.string(),
  /** Highest zoom the provider serves. */
  maxZoom: z.number(),
  /** Load tiles at once unless the reader has said otherwise. */
  loadOnStart: z.boolean(),
});

/** Everything a `<case-map>` element is told in its `data-config` attribute. */
export const mapConfigSchema = z.object({
  /** The site's base path, for links to dossiers. */
  base: z.string(),
  /** URL of `/map.json`, the one cached file every map draws its places from. */
  src: z.string(),
  /**
   * Ids of the places to draw (mini maps, report figures), or null for all: the places are read from
   * `/map.json` rather than carried inline, which cost a dossier 2-4 KB of escaped JSON per page.
   */
  only: z.nullable(z.array(z.string())),
  /** URL of the offline district outlines, or null for none. */
  basemap: z.nullable(z.string()),
  /** URL prefix of the marker images: `${markers}${key}.svg`. */
  markers: z.string(),
  /** Street tiles. */
  tiles: mapTilesSchema,
  /** A small map on a dossier or in a report: no scroll-wheel zoom, a closer view. */
  mini: z.boolean(),
});

/** Numbers per link in a place's `links` column. */
const LINK_STRIDE = 3;

/** Index of each value in a list built as values are first met. */
function interner<T>(): { list: T[]; index: (value: T, key?: string) => number } {
  const list: T[] = [];
  const seen = new Map<string, number>();
  return {
    list,
    index(value, key = String(value)) {
      let i = seen.get(key);
      if (i === undefined) {
        i = list.length;
        list.push(value);
        seen.set(key, i);
      }
      return i;
    },
  };
}

/** Writes places as `/map.json` holds them. */
export function toMapData(places: readonly MapPlace[]): MapData {
  const labels = interner<string>();
  const entities = interner<{ id: string; name: string; type: MapLink['type'] }>();
  const links = places.map((place) =>
    place.links.flatMap((link) => [
      entities.index({ id: link.id, name: link.name, type: link.type }, link.id),
      labels.index(link.label),
      CONFIDENCE_LEVELS.indexOf(link.confidence),
    ]),
  );
  const column = <K extends keyof MapPlace>(key: K) => places.map((place) => place[key]);
  return {
    version: MAP_DATA_VERSION,
    labels: labels.list,
    grades: [...CONFIDENCE_LEVELS],
    entities: {
      id: entities.list.map((entity) => entity.id),
      name: entities.list.map((entity) => entity.name),
      type: entities.list.map((entity) => entity.type),
    },
    places: {
      id: column('id'),
      name: column('name'),
      native: column('native'),
      nativeLang: column('nativeLang'),
      address: column('address'),
      addressNative: column('addressNative'),
      lat: column('lat'),
      lon: column('lon'),
      precision: column('precision'),
      precisionText: column('precisionText'),
      note: column('note'),
      marker: column('marker'),
      links,
    },
  };
}

/** Reads places back from `/map.json`; throws, naming the column, when the file is inconsistent. */
export function fromMapData(data: MapData): MapPlace[] {
  const { places, entities } = data;
  const count = places.id.length;
  for (const [name, values] of Object.entries(places)) {
    if (values.length !== count)
      throw new Error(`map.json: places.${name} has ${values.length} values for ${count} places`);
  }
  const at = <T>(list: readonly T[], i: number | undefined, what: string): T => {
    const value = i === undefined ? undefined : list[i];
    if (value === undefined) throw new Error(`map.json: ${what} index ${String(i)} is out of range`);
    return value;
  };
  return places.id.map((id, p) => {
    const flat = at(places.links, p, 'places.links');
    const links: MapLink[] = [];
    for (let k = 0; k + LINK_STRIDE <= flat.length; k += LINK_STRIDE) {
      const e = flat[k];
      links.push({
        id: at(entities.id, e, 'entity'),
        name: at(entities.name, e, 'entity'),
        type: at(entities.type, e, 'entity'),
        label: at(data.labels, flat[k + 1], 'label'),
        confidence: at(data.grades, flat[k + 2], 'grade'),
      });
    }
    return {
      id,
      name: at(places.name, p, 'place'),
      native: places.native[p] ?? null,
      nativeLang: places.nativeLang[p] ?? null,
      address: at(places.address, p, 'place'),
      addressNative: places.addressNative[p] ?? null,
      lat: at(places.lat, p, 'place'),
      lon: at(places.lon, p, 'place'),
      precision: at(places.precision, p, 'place'),
      precisionText: at(places.precisionText, p, 'place'),
      note: at(places.note, p, 'place'),
      marker: at(places.marker, p, 'place'),
      links,
    };
  });
}

/** One entity linked to a place. */
export type MapLink = z.infer<typeof mapLinkSchema>;
/** One place on the map. */
export type MapPlace = z.infer<typeof mapPlaceSchema>;
/** The whole of `/map.json`. */
export type MapData = z.infer<typeof mapDataSchema>;
/** A map element's configuration. */
export type MapConfig = z.infer<typeof mapConfigSchema>;

/** South-west and north-east corners, [lat, lon] each. */
export type LatLonBounds = [[number, number], [number, number]];

/** Metres per degree of latitude (mean). */
const METRES_PER_DEGREE = 111_320;

/**
 * The box that holds every place with its whole precision circle, so the first view shows how
 * unsure each point is, not just the pins. Undefined when there is no place.
 */
export function placeBounds(places: readonly Pick<MapPlace, 'lat' | 'lon' | 'precision'>[]): LatLonBounds | undefined {
  if (places.length === 0) return undefined;
  let south = 90;
  let north = -90;
  let west = 180;
  let east = -180;
  for (const place of places) {
    const dLat = place.precision / METRES_PER_DEGREE;
    const dLon = place.precision / (METRES_PER_DEGREE * Math.max(0.01, Math.cos((place.lat * Math.PI) / 180)));
    south = Math.min(south, place.lat - dLat);
    north = Math.max(north, place.lat + dLat);
    west = Math.min(west, place.lon - dLon);
    east = Math.max(east, place.lon + dLon);
  }
  return [
    [south, west],
    [north, east],
  ];
}

/** The relationship labels under which a place lists its entities, grouped in order of first use. */
export function linksByLabel(links: readonly MapLink[]): { label: string; links: MapLink[] }[] {
  const groups = new Map<string, MapLink[]>();
  for (const link of links) {
    const group = groups.get(link.label);
    if (group) group.push(link);
    else groups.set(link.label, [link]);
  }
  return [...groups].map(([label, grouped]) => ({ label, links: grouped }));
}

/** Entity types that can be at a place, in the order their marker glyphs are chosen. */
export function typesAt(links: readonly MapLink[]): EntityType[] {
  return [...new Set(links.map((link) => link.type).filter((type) => type !== 'locations'))];
}
