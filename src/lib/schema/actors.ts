import { z } from 'astro/zod';
import { entityBase } from './base.ts';
import { externalId, partialDate } from './fields.ts';
import { formatPartialDate } from '../dates.ts';
import { identifierValues, textValue } from '../fact-rows.ts';
import { catalogueReferences, timestamp } from '../stix/objects.ts';
import type { EntityDefinition, EntityFields } from './entity-definition.ts';

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

/** A threat actor as the case model holds it. */
type ActorData = EntityFields<typeof actorSchema>;

/** How a threat actor shows and exports: its catalogue ids first, an intrusion set in STIX. */
export const actorDefinition: EntityDefinition<ActorData> = {
  facts: (d, add) => {
    add('Identifiers', identifierValues(d.external_ids), undefined, true);
    if (d.first_seen) add('First seen', [textValue(formatPartialDate(d.first_seen))]);
    add('Targets', d.target_sectors.length > 0 ? [textValue(d.target_sectors.join(', '))] : undefined);
    if (d.suspected_sponsor) add('Suspected sponsor', [textValue(d.suspected_sponsor)]);
  },
  role: (d) => d.external_ids.map((id) => `${id.system} ${id.id}`).join(', ') || undefined,
  alsoKnownAs: (d) => d.external_ids.map((id) => id.id),
  schemaOrgType: 'Organization',
  stix: {
    kind: 'domain-object',
    type: () => 'intrusion-set',
    properties: (d, { names, references }) => ({
      ...(names.length > 0 ? { aliases: names } : {}),
      ...(d.first_seen ? { first_seen: timestamp(d.first_seen) } : {}),
      external_references: [...catalogueReferences(d.external_ids), ...references],
    }),
  },
};
