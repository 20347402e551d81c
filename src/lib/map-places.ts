import type { CaseModel, Entity } from './case.ts';
import { formatPrecision } from './facts.ts';
import { markerKey } from './map-markers.ts';
import { mapDataSchema, mapPlaceSchema, toMapData, type MapData, type MapLink, type MapPlace } from './map-data.ts';
import type { EntityType } from './schema/entity-types.ts';
import type { RelationKey } from './schema/relations.ts';

/**
 * Builds what the map draws from the case: every published location with coordinates, what is there
 * and how the point was placed. Runs at build time; the browser only draws the result.
 */

/** Relations that put an entity at a place (its occupants and registered firms), before visitors. */
const PRESENCE: readonly RelationKey[] = ['located-at', 'registered-at'];

/** True when a location has a point to draw. */
export function isLocated(place: Entity<'locations'>): boolean {
  return place.data.lat !== undefined && place.data.lon !== undefined;
}

/** One place as the map draws it, or undefined when it has no coordinates. */
export function mapPlace(model: CaseModel, place: Entity<'locations'>): MapPlace | undefined {
  const { lat, lon } = place.data;
  if (lat === undefined || lon === undefined) return undefined;
  // The schema refuses a point without precision_m and geocode_note; these fallbacks never show.
  const precision = place.data.precision_m ?? 0;
  const links: MapLink[] = [];
  const present: EntityType[] = [];
  const others: EntityType[] = [];
  for (const group of model.relationsOf(place.id)) {
    for (const view of group.items) {
      const other = model.entity(view.other);
      if (!other) continue;
      links.push({
        id: other.id,
        name: other.name,
        type: other.type,
        label: group.label,
        confidence: view.relation.confidence,
      });
      (PRESENCE.includes(group.rel) ? present : others).push(other.type);
    }
  }
  return mapPlaceSchema.parse({
    id: place.id,
    name: place.name,
    native: place.native ?? null,
    nativeLang: place.nativeLang ?? null,
    address: place.data.address,
    addressNative: place.data.address_native ?? null,
    lat,
    lon,
    precision,
    precisionText: formatPrecision(precision),
    note: place.data.geocode_note ?? '',
    marker: markerKey([...new Set([...present, ...others])]),
    links,
  });
}

/** Places in map order: north to south, then west to east (the order a keyboard walks the pins). */
function byPosition(a: MapPlace, b: MapPlace): number {
  return b.lat - a.lat || a.lon - b.lon || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Every published location with coordinates, in map order. */
export function mapPlaces(model: CaseModel): MapPlace[] {
  return model
    .entitiesOfType('locations')
    .map((place) => mapPlace(model, place))
    .filter((place) => place !== undefined)
    .sort(byPosition);
}

/** Every published location with coordinates, as `/map.json` holds them. */
export function mapData(model: CaseModel): MapData {
  return mapDataSchema.parse(toMapData(mapPlaces(model)));
}

/** The located places a dossier shows on its mini map: itself, or the places the entity is linked to. */
export function placesOfEntity(model: CaseModel, id: string): MapPlace[] {
  const entity = model.entity(id);
  if (!entity) return [];
  const ids =
    entity.type === 'locations' ? [id] : model.neighbours(id).filter((other) => other.startsWith('locations/'));
  return placesByIds(model, ids);
}

/** The located places among the given location ids, in map order (report figures). */
export function placesByIds(model: CaseModel, ids: readonly string[]): MapPlace[] {
  return ids
    .map((placeId) => model.entity(placeId))
    .filter((entity): entity is Entity<'locations'> => entity?.type === 'locations')
    .map((place) => mapPlace(model, place))
    .filter((place) => place !== undefined)
    .sort(byPosition);
}
