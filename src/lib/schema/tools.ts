import { z } from 'astro/zod';
import { entityBase } from './base.ts';
import { externalId, partialDate } from './fields.ts';
import { formatPartialDate } from '../dates.ts';
import { humanise, identifierValues, textValue } from '../fact-rows.ts';
import { catalogueReferences, timestamp } from '../stix/objects.ts';
import type { EntityDefinition, EntityFields } from './entity-definition.ts';

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

/** A tool as the case model holds it. */
type ToolData = EntityFields<typeof toolSchema>;

/** True for a tool STIX calls malware: a remote-access trojan or other malware family. */
function isMalware(d: ToolData): boolean {
  return d.kind === 'rat' || d.kind === 'malware';
}

/** How a tool shows and exports: its kind and catalogue ids; malware, a vulnerability or a tool in STIX. */
export const toolDefinition: EntityDefinition<ToolData> = {
  facts: (d, add) => {
    add('Kind', [textValue(humanise(d.kind))]);
    add('Identifiers', identifierValues(d.external_ids), undefined, true);
    if (d.open_source !== undefined) add('Source code', [textValue(d.open_source ? 'public' : 'not public')]);
    if (d.first_seen) add('First seen', [textValue(formatPartialDate(d.first_seen))]);
  },
  role: (d) => humanise(d.kind),
  alsoKnownAs: (d) => d.external_ids.map((id) => id.id),
  schemaOrgType: 'SoftwareApplication',
  stix: {
    kind: 'domain-object',
    type: (d) => (isMalware(d) ? 'malware' : d.kind === 'vulnerability' ? 'vulnerability' : 'tool'),
    properties: (d, { names, references }) => ({
      ...(isMalware(d) ? { is_family: true, ...(names.length > 0 ? { aliases: names } : {}) } : {}),
      ...(d.kind === 'exploit' ? { tool_types: ['exploitation'] } : {}),
      ...(d.first_seen && isMalware(d) ? { first_seen: timestamp(d.first_seen) } : {}),
      external_references: [...catalogueReferences(d.external_ids), ...references],
    }),
  },
};
