import { z } from 'astro/zod';
import { entityBase } from './base.ts';
import { externalId, partialDate } from './fields.ts';

/** Kinds of tool. */
export const TOOL_KINDS = ['rat', 'malware', 'utility', 'exploit', 'vulnerability', 'framework', 'other'] as const;

/** Builds the schema of a tool, malware family or vulnerability. Authors and ancestry are links. */
export function toolSchema<I extends z.ZodType>(image: () => I) {
  return z.strictObject({
    ...entityBase(image),
    /** What kind of tool it is. */
    kind: z.enum(TOOL_KINDS, { error: `expected one of ${TOOL_KINDS.join(', ')}` }),
    /** Identifiers in external catalogues (CVE, ATT&CK software). */
    external_ids: z.array(externalId).default([]),
    /** Whether its source code is public. */
    open_source: z.boolean().optional(),
    /** When it was first seen or disclosed. */
    first_seen: partialDate.optional(),
  });
}
