import { z } from 'astro/zod';
import { entityBase } from './base.ts';

/** Builds the schema of a person named in the material. */
export function personSchema<I extends z.ZodType>(image: () => I) {
  return z.strictObject({
    ...entityBase(image),
    /** Roles the material gives the person, e.g. "recruiter", "registrant". */
    roles: z.array(z.string().min(1)).default([]),
    /** Nationality, when the material states it. */
    nationality: z.string().optional(),
  });
}
