import { z } from 'astro/zod';
import { entityBase } from './base.ts';
import { humanise, textValue } from '../fact-rows.ts';
import type { EntityDefinition, EntityFields } from './entity-definition.ts';

/** Kinds of organisation. */
export const COMPANY_KINDS = [
  'company',
  'front-company',
  'government-agency',
  'intelligence-service',
  'university',
  'review-centre',
  'training-body',
  'security-firm',
  'publisher',
  'research-group',
  'other',
] as const;

/** Builds the schema of a company or organisation. Its registered address is a `registered-at` link. */
export function companySchema<I extends z.ZodType>(image: () => I) {
  return z.strictObject({
    ...entityBase(image),
    /** What kind of organisation it is. */
    kind: z.enum(COMPANY_KINDS, { error: `expected one of ${COMPANY_KINDS.join(', ')}` }),
    /** Country, when stated. */
    country: z.string().optional(),
  });
}

/** An organisation as the case model holds it. */
type CompanyData = EntityFields<typeof companySchema>;

/** How an organisation shows and exports: its kind and country, an organization identity in STIX. */
export const companyDefinition: EntityDefinition<CompanyData> = {
  facts: (d, add) => {
    add('Kind', [textValue(humanise(d.kind))]);
    if (d.country) add('Country', [textValue(d.country)]);
  },
  role: (d) => humanise(d.kind),
  alsoKnownAs: () => [],
  schemaOrgType: 'Organization',
  stix: {
    kind: 'domain-object',
    type: () => 'identity',
    properties: (_d, { references }) => ({ identity_class: 'organization', external_references: references }),
  },
};
