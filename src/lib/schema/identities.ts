import { z } from 'astro/zod';
import { entityBase } from './base.ts';
import { identifier } from './fields.ts';
import { defang } from '../defang.ts';
import { humanise, textValue } from '../fact-rows.ts';
import type { EntityDefinition, EntityFields } from './entity-definition.ts';

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

/** An online identity as the case model holds it. */
type IdentityData = EntityFields<typeof identitySchema>;

/** The value of an identity as it may be shown: defanged for indicators, plain otherwise. */
export function shownValue(data: { kind: IdentityKind; value: string }): string {
  return isIndicatorKind(data.kind) ? defang(data.kind, data.value) : data.value;
}

/** How an online identity shows and exports: its value (defanged when an indicator), a cyber observable in STIX. */
export const identityDefinition: EntityDefinition<IdentityData> = {
  facts: (d, add) => {
    add('Kind', [textValue(humanise(d.kind))]);
    if (d.platform) add('Platform', [textValue(d.platform)]);
    add(
      'Value',
      [isIndicatorKind(d.kind) ? { kind: 'indicator', defanged: shownValue(d) } : { kind: 'code', text: d.value }],
      undefined,
      true,
    );
    add('Status', [textValue(d.status)]);
  },
  role: (d) =>
    [humanise(d.kind), d.platform, d.status === 'unknown' ? undefined : d.status].filter(Boolean).join(' · '),
  alsoKnownAs: (d) => [shownValue(d)],
  schemaOrgType: 'Thing',
  // Observables carry their plain values: tools need them; pages show them defanged.
  stix: {
    kind: 'observable',
    observable: ({ kind, value }, displayName) => {
      switch (kind) {
        case 'domain':
        case 'website':
          return { type: 'domain-name', key: { value }, extra: {} };
        case 'url':
          return { type: 'url', key: { value }, extra: {} };
        case 'email':
          return { type: 'email-addr', key: { value }, extra: {} };
        default:
          // Handles, QQ numbers, nicknames and accounts: a user account on its platform.
          return {
            type: 'user-account',
            key: { account_type: kind, account_login: value },
            extra: { display_name: displayName },
          };
      }
    },
  },
};
