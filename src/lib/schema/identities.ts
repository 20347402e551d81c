import { z } from 'astro/zod';
import { entityBase } from './base.ts';
import { identifier } from './fields.ts';

/** Kinds of online identity. */
export const IDENTITY_KINDS = [
  'qq',
  'twitter',
  'github',
  'flickr',
  '51cto',
  'email',
  'domain',
  'url',
  'registrant-handle',
  'nickname',
  'phone',
  'website',
  'other',
] as const;

/** An identity kind. */
export type IdentityKind = (typeof IDENTITY_KINDS)[number];

/** Kinds whose values are indicators: shown defanged, never as live links. */
export const INDICATOR_KINDS = ['domain', 'url', 'email'] as const satisfies readonly IdentityKind[];

/** A kind of identity whose value is an indicator. */
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

/** True when identities of this kind are indicators (the one test, for pages, checks and exports). */
export function isIndicatorKind(kind: string): kind is IndicatorKind {
  return (INDICATOR_KINDS as readonly string[]).includes(kind);
}

/** Whether an identity still exists where it was found. */
export const IDENTITY_STATUSES = ['active', 'scrubbed', 'unknown'] as const;

/** Builds the schema of an online identity: an account, handle, number or domain. */
export function identitySchema<I extends z.ZodType>(image: () => I) {
  return z.strictObject({
    ...entityBase(image),
    /** What kind of identity it is. */
    kind: z.enum(IDENTITY_KINDS, { error: `expected one of ${IDENTITY_KINDS.join(', ')}` }),
    /** The identifier itself (a handle, a QQ number, a domain), written plainly; pages defang indicators. */
    value: identifier,
    /** Where the identity lives, e.g. Twitter, 51CTO. */
    platform: z.string().optional(),
    /** Whether it still exists. */
    status: z.enum(IDENTITY_STATUSES, { error: `expected one of ${IDENTITY_STATUSES.join(', ')}` }).default('unknown'),
  });
}
