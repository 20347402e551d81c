import { z } from 'astro/zod';
import { entityBase } from './base.ts';
import { formatCoordinates, formatPrecision, textValue } from '../fact-rows.ts';
import { countryCode } from '../stix/objects.ts';
import type { EntityDefinition, EntityFields } from './entity-definition.ts';

/** Builds the schema of a location. A point must carry its precision: no pin without its circle. */
export function locationSchema<I extends z.ZodType>(image: () => I) {
  return z
    .strictObject({
      ...entityBase(image),
      /** The address in English. */
      address: z.string().min(1, { error: 'give the address in English' }),
      /** The address in its own script, e.g. 天津市河西区珠江道85号. */
      address_native: z.string().optional(),
      /** District, e.g. Hexi District. */
      district: z.string().optional(),
      /** City. */
      city: z.string().optional(),
      /** Country. */
      country: z.string().optional(),
      /** Latitude in WGS84 degrees, −90 to 90. */
      lat: z
        .number({ error: 'lat must be a number of degrees (WGS84)' })
        .min(-90, { error: 'latitude out of range: it must be between -90 and 90' })
        .max(90, { error: 'latitude out of range: it must be between -90 and 90' })
        .optional(),
      /** Longitude in WGS84 degrees, −180 to 180. */
      lon: z
        .number({ error: 'lon must be a number of degrees (WGS84)' })
        .min(-180, { error: 'longitude out of range: it must be between -180 and 180' })
        .max(180, { error: 'longitude out of range: it must be between -180 and 180' })
        .optional(),
      /** How sure the point is, as a radius in metres. */
      precision_m: z.number().positive({ error: 'precision_m must be a positive radius in metres' }).optional(),
      /** How the point was placed, and from what. */
      geocode_note: z.string().optional(),
    })
    .superRefine((value, ctx) => {
      const hasLat = value.lat !== undefined;
      const hasLon = value.lon !== undefined;
      if (hasLat !== hasLon) {
        ctx.addIssue({
          code: 'custom',
          path: [hasLat ? 'lon' : 'lat'],
          message: 'give both lat and lon, or neither',
        });
      }
      if (hasLat && hasLon && value.precision_m === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['precision_m'],
          message: 'a point needs precision_m (radius in metres): never plot a guess without its circle',
        });
      }
      if (hasLat && hasLon && value.geocode_note === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['geocode_note'],
          message: 'say how the point was placed (geocode_note), e.g. "from the address, street level"',
        });
      }
    });
}

/** A location as the case model holds it. */
type LocationData = EntityFields<typeof locationSchema>;

/** How a location shows and exports: its address in both scripts and its point with its circle. */
export const locationDefinition: EntityDefinition<LocationData> = {
  facts: (d, add) => {
    add('Address', [textValue(d.address)], undefined, true);
    if (d.address_native) add('Address (native)', [textValue(d.address_native)], 'zh', true);
    const place = [d.district, d.city, d.country].filter((part): part is string => Boolean(part)).join(', ');
    if (place) add('Area', [textValue(place)]);
    if (d.lat !== undefined && d.lon !== undefined) {
      add('Coordinates', [
        textValue(`${formatCoordinates(d.lat, d.lon)} (WGS84)`),
        textValue(d.precision_m === undefined ? '' : formatPrecision(d.precision_m)),
      ]);
    } else {
      add('Coordinates', [textValue('not placed on the map: no reliable position')]);
    }
    if (d.geocode_note) add('How it was placed', [textValue(d.geocode_note)]);
  },
  role: (d) => [d.district, d.city].filter(Boolean).join(', ') || undefined,
  alsoKnownAs: (d) => [d.address, ...(d.address_native ? [d.address_native] : [])],
  schemaOrgType: 'Place',
  stix: {
    kind: 'domain-object',
    type: () => 'location',
    properties: (d, { references }) => {
      const country = d.country === undefined ? undefined : countryCode(d.country);
      return {
        ...(d.lat !== undefined && d.lon !== undefined
          ? { latitude: d.lat, longitude: d.lon, precision: d.precision_m }
          : {}),
        street_address: d.address,
        ...(d.city ? { city: d.city } : {}),
        ...(country ? { country } : {}),
        ...(d.lat === undefined && !country ? { region: 'eastern-asia' } : {}),
        external_references: references,
      };
    },
  },
};
