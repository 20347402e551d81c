import type { EntityType } from './entity-types.ts';

/**
 * The relation vocabulary: every `rel` an author may write, with its label read from each end.
 * A relationship is written in the file of one end only; the other end shows it under `reverse`.
 */

/** One kind of relationship. */
export interface RelationInfo {
  /** What the source end does, read as "<source> <forward> <target>". */
  forward: string;
  /** Heading on the target's page, read as "<target> <reverse> <source>". */
  reverse: string;
  /** Symmetric relations read the same from both ends and show under `forward` on both pages. */
  symmetric?: true;
  /** Entity types allowed as the source end; any when absent. */
  from?: readonly EntityType[];
  /** Entity types allowed as the target end; any when absent. */
  to?: readonly EntityType[];
  /** The STIX 2.1 relationship_type used in exports. */
  stix: string;
}

/** The relations an author may use, keyed by the value of `rel`. */
export const RELATIONS = {
  'works-for': {
    forward: 'works for',
    reverse: 'employs',
    from: ['people'],
    to: ['companies'],
    stix: 'works-for',
  },
  'recruits-for': {
    forward: 'recruits for',
    reverse: 'recruited for by',
    from: ['people', 'identities'],
    to: ['companies'],
    stix: 'recruits-for',
  },
  'recruited-from': {
    forward: 'recruited from',
    reverse: 'supplied recruits to',
    to: ['companies'],
    stix: 'recruited-from',
  },
  directs: {
    forward: 'directs',
    reverse: 'directed by',
    from: ['people'],
    to: ['companies'],
    stix: 'directs',
  },
  represents: {
    forward: 'is a listed representative of',
    reverse: 'listed representatives',
    from: ['people'],
    to: ['companies'],
    stix: 'represents',
  },
  'part-of': {
    forward: 'is part of',
    reverse: 'has as a part',
    from: ['companies'],
    to: ['companies'],
    stix: 'part-of',
  },
  'reports-to': {
    forward: 'reports to',
    reverse: 'oversees',
    from: ['companies', 'people'],
    to: ['companies'],
    stix: 'reports-to',
  },
  'located-at': {
    forward: 'located at',
    reverse: 'occupants',
    to: ['locations'],
    stix: 'located-at',
  },
  'registered-at': {
    forward: 'registered at',
    reverse: 'registered address of',
    from: ['companies'],
    to: ['locations'],
    stix: 'located-at',
  },
  visited: {
    forward: 'visited',
    reverse: 'visited by',
    from: ['people'],
    to: ['locations', 'companies'],
    stix: 'visited',
  },
  operates: {
    forward: 'operates',
    reverse: 'operated by',
    to: ['identities'],
    stix: 'owns',
  },
  'pivots-to': {
    forward: 'leads to',
    reverse: 'reached from',
    from: ['identities'],
    to: ['identities', 'people'],
    stix: 'related-to',
  },
  follows: {
    forward: 'follows',
    reverse: 'followed by',
    from: ['identities'],
    to: ['identities'],
    stix: 'related-to',
  },
  registered: {
    forward: 'registered',
    reverse: 'registrant',
    from: ['people', 'identities', 'companies'],
    to: ['identities'],
    stix: 'related-to',
  },
  uses: {
    forward: 'uses',
    reverse: 'used by',
    to: ['tools'],
    stix: 'uses',
  },
  downloaded: {
    forward: 'downloaded',
    reverse: 'downloaded by',
    from: ['identities', 'people'],
    to: ['tools'],
    stix: 'related-to',
  },
  forked: {
    forward: 'forked the code of',
    reverse: 'forked by',
    from: ['identities', 'people'],
    to: ['tools'],
    stix: 'related-to',
  },
  authored: {
    forward: 'wrote',
    reverse: 'written by',
    to: ['tools'],
    stix: 'authored-by',
  },
  'derived-from': {
    forward: 'derived from',
    reverse: 'derivatives',
    from: ['tools'],
    to: ['tools'],
    stix: 'derived-from',
  },
  discovered: {
    forward: 'discovered',
    reverse: 'discovered by',
    to: ['tools'],
    stix: 'related-to',
  },
  'member-of': {
    forward: 'member of',
    reverse: 'members',
    from: ['people', 'identities'],
    to: ['actors', 'companies'],
    stix: 'member-of',
  },
  'attributed-to': {
    forward: 'attributed to',
    reverse: 'attributions',
    from: ['actors', 'identities', 'tools'],
    stix: 'attributed-to',
  },
  'front-for': {
    forward: 'suspected front for',
    reverse: 'suspected fronts',
    from: ['companies'],
    to: ['actors', 'companies'],
    stix: 'related-to',
  },
  'charged-by': {
    forward: 'charged by',
    reverse: 'charged',
    to: ['companies'],
    stix: 'related-to',
  },
  // Named in an indictment without being a defendant, e.g. a firm whose staff were charged.
  'named-in': {
    forward: 'named, not charged, in an indictment by',
    reverse: 'named, not charged, in its indictments',
    to: ['companies'],
    stix: 'related-to',
  },
  'sanctioned-by': {
    forward: 'sanctioned by',
    reverse: 'sanctioned',
    to: ['companies'],
    stix: 'related-to',
  },
  exposed: {
    forward: 'exposed',
    reverse: 'exposed by',
    from: ['companies', 'people'],
    stix: 'related-to',
  },
  'studied-at': {
    forward: 'studied at',
    reverse: 'alumni',
    from: ['people'],
    to: ['companies'],
    stix: 'related-to',
  },
  'co-organised-with': {
    forward: 'co-organised an event with',
    reverse: 'co-organised an event with',
    symmetric: true,
    from: ['companies'],
    to: ['companies'],
    stix: 'related-to',
  },
  'collaborated-with': {
    forward: 'collaborated with',
    reverse: 'collaborated with',
    symmetric: true,
    stix: 'related-to',
  },
  'associated-with': {
    forward: 'associated with',
    reverse: 'associated with',
    symmetric: true,
    stix: 'related-to',
  },
} as const satisfies Record<string, RelationInfo>;

/** A relation key, the value of `rel` in a link. */
export type RelationKey = keyof typeof RELATIONS;

/** Every relation key, in vocabulary order. */
export const RELATION_KEYS = Object.keys(RELATIONS) as RelationKey[];

/** True when a string is a relation key. */
export function isRelationKey(value: string): value is RelationKey {
  return Object.hasOwn(RELATIONS, value);
}

/** The description of one relation. */
export function relationInfo(key: RelationKey): RelationInfo {
  return RELATIONS[key];
}
