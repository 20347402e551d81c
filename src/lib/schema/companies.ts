import { z } from 'astro/zod';
import { entityBase } from './base.ts';

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
