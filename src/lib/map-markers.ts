import { ENTITY_TYPES, ENTITY_TYPE_INFO, isEntityType, type EntityType } from './schema/entity-types.ts';
import { shapePath } from './shapes.ts';

/**
 * Map markers say what is at a place: a pin in the colour of the main kind of entity there, with
 * that kind's shape in white (so colour is never the only cue), and a badge for a second kind. A
 * place with nothing linked gets the location's own colour and shape. Each style is a small SVG
 * file the build writes (`/map/markers/<key>.svg`), loaded as a real image by the map.
 */

/** What a marker shows: the main kind of entity at the place and, when there is one, a second. */
export interface MarkerStyle {
  /** Colour and glyph of the pin. */
  primary: EntityType;
  /** Colour and glyph of the badge, when a second kind of entity is there. */
  secondary: EntityType | undefined;
}

/** Marker image geometry in CSS pixels, as Leaflet's icon options want it. */
export const MARKER_ICON = {
  /** Width and height of the image. */
  size: [32, 44] as [number, number],
  /** The pin's tip, which sits on the point. */
  anchor: [14, 42] as [number, number],
  /** Where a popup opens, relative to the tip. */
  popupAnchor: [0, -36] as [number, number],
};

/** The key of a marker style: the first two kinds at the place joined by "-", or "locations" for none. */
export function markerKey(kinds: readonly EntityType[]): string {
  const [primary, secondary] = kinds.filter((kind) => kind !== 'locations');
  if (!primary) return 'locations';
  return secondary ? `${primary}-${secondary}` : primary;
}

/** Reads a marker key back; undefined for a key no style has. */
export function parseMarkerKey(key: string): MarkerStyle | undefined {
  const [primary, secondary, ...rest] = key.split('-');
  if (!primary || !isEntityType(primary) || rest.length > 0) return undefined;
  if (secondary === undefined) return { primary, secondary: undefined };
  if (!isEntityType(secondary) || secondary === primary || secondary === 'locations') return undefined;
  return { primary, secondary };
}

/** The alt text that names what a marker shows, e.g. "organisation and person". */
export function markerMeaning(style: MarkerStyle): string {
  const label = (type: EntityType) => ENTITY_TYPE_INFO[type].label.toLowerCase();
  if (style.primary === 'locations' && !style.secondary) return 'nothing linked';
  return style.secondary ? `${label(style.primary)} and ${label(style.secondary)}` : label(style.primary);
}

/** One line of the map's legend: a marker image and what it means. */
export interface LegendEntry {
  /** Marker key of the image shown. */
  key: string;
  /** What the marker says, e.g. "An organisation is there". */
  text: string;
}

/**
 * The legend for the marker keys a map uses: one pin per main kind of entity, in the order of the
 * entity types, then one example of a badge if any marker has one. Combinations are not listed one
 * by one: a large case can use dozens.
 */
export function legendOf(keys: readonly string[]): LegendEntry[] {
  const styles = keys.map(parseMarkerKey).filter((style) => style !== undefined);
  const primaries = ENTITY_TYPES.filter((type) => styles.some((style) => style.primary === type));
  const entries: LegendEntry[] = primaries.map((type) => ({
    key: type,
    text:
      type === 'locations' ? 'A place with nothing else linked to it' : `${ENTITY_TYPE_INFO[type].label} at the place`,
  }));
  const badged = styles.find((style) => style.secondary !== undefined);
  if (badged?.secondary) {
    entries.push({
      key: `${badged.primary}-${badged.secondary}`,
      text: `A badge: a second kind of entity is there too (here ${markerMeaning(badged)})`,
    });
  }
  return entries;
}

// The pin: a circle of radius 12 around (14, 16) narrowing to its tip at (14, 42).
const PIN = 'M14 42C14 42 2 27.5 2 16A12 12 0 1 1 26 16C26 27.5 14 42 14 42Z';

/** The SVG image of a marker style; the same key always gives the same bytes. */
export function markerSvg(style: MarkerStyle): string {
  const [width, height] = MARKER_ICON.size;
  const main = ENTITY_TYPE_INFO[style.primary];
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    // A dark halo under a white rim keeps the pin visible on pale outlines, dark tiles and street maps alike.
    `<path d="${PIN}" fill="none" stroke="#000" stroke-opacity="0.55" stroke-width="3.5"/>`,
    `<path d="${PIN}" fill="${main.colour}" stroke="#fff" stroke-width="1.5"/>`,
    `<path d="${shapePath(main.shape, 6)}" transform="translate(14 16)" fill="#fff"/>`,
  ];
  if (style.secondary) {
    const second = ENTITY_TYPE_INFO[style.secondary];
    parts.push(
      `<circle cx="25.5" cy="6.5" r="6" fill="${second.colour}" stroke="#fff" stroke-width="1.25"/>`,
      `<path d="${shapePath(second.shape, 3)}" transform="translate(25.5 6.5)" fill="#fff"/>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}
