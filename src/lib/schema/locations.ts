import { z } from 'astro/zod';
import { entityBase } from './base.ts';

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
