import { z } from 'astro/zod';
import { entityBase } from './base.ts';
import { externalId, partialDate } from './fields.ts';

/** Builds the schema of a threat actor: an intrusion group as the industry tracks it. */
export function actorSchema<I extends z.ZodType>(image: () => I) {
  return z.strictObject({
    ...entityBase(image),
    /** Identifiers in external catalogues, e.g. MITRE ATT&CK G0045. */
    external_ids: z.array(externalId).default([]),
    /** Earliest activity the sources report. */
    first_seen: partialDate.optional(),
    /** Sectors the group targets. */
    target_sectors: z.array(z.string().min(1)).default([]),
    /** The state or body suspected of directing it, in words. */
    suspected_sponsor: z.string().optional(),
  });
}
