import { z } from 'astro/zod';
import { entityBase } from './base.ts';
import { textValue } from '../fact-rows.ts';
import type { EntityDefinition, EntityFields } from './entity-definition.ts';

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

/** A person as the case model holds it. */
type PersonData = EntityFields<typeof personSchema>;

/** How a person shows and exports: roles and nationality, an individual identity in STIX. */
export const personDefinition: EntityDefinition<PersonData> = {
  facts: (d, add) => {
    add('Roles', d.roles.length > 0 ? [textValue(d.roles.join(', '))] : undefined);
    if (d.nationality) add('Nationality', [textValue(d.nationality)]);
  },
  role: (d) => (d.roles.length > 0 ? d.roles.join(', ') : undefined),
  alsoKnownAs: () => [],
  schemaOrgType: 'Person',
  stix: {
    kind: 'domain-object',
    type: () => 'identity',
    properties: (d, { references }) => ({
      identity_class: 'individual',
      ...(d.roles.length > 0 ? { roles: d.roles } : {}),
      external_references: references,
    }),
  },
};
