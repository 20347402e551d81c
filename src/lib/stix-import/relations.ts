import { CONFIDENCE_INFO, CONFIDENCE_LEVELS, type Confidence } from '../schema/confidence.ts';
import type { EntityType } from '../schema/entity-types.ts';
import { RELATION_KEYS, RELATIONS, relationInfo, type RelationKey } from '../schema/relations.ts';

/**
 * How the STIX import reads a relationship: which casefile relation it stands for, what grade its
 * `confidence` number is, and what of its description becomes the link's note. The inverse of the
 * relationship half of `stix.ts`.
 */

/** Relations by STIX relationship_type, for bundles whose descriptions do not name casefile's own. */
const BY_STIX_TYPE = new Map<string, RelationKey[]>();
for (const key of RELATION_KEYS) {
  const list = BY_STIX_TYPE.get(RELATIONS[key].stix) ?? [];
  list.push(key);
  BY_STIX_TYPE.set(RELATIONS[key].stix, list);
}

/** STIX relationship types with a near casefile relation, where the vocabulary has no exact one. */
const NEAR_RELATION: Record<string, RelationKey> = {
  owns: 'operates',
  'part-of': 'member-of',
  exploits: 'uses',
  indicates: 'attributed-to',
  'originates-from': 'located-at',
  'based-at': 'located-at',
  'resides-at': 'located-at',
  hosts: 'uses',
  'variant-of': 'derived-from',
  impersonates: 'associated-with',
  'communicates-with': 'associated-with',
};

/** The grade a STIX `confidence` (0–100) reads as: inside STIX's own band, the nearer of its grades. */
export function gradeOf(confidence: number): Confidence {
  // High 70–100 holds confirmed (95) and high (80); Med 30–69 moderate; Low 1–29 low (25) and unverified (10).
  if (confidence >= 70) return confidence >= 88 ? 'confirmed' : 'high';
  if (confidence >= 30) return 'moderate';
  if (confidence >= 18) return 'low';
  return 'unverified';
}

/**
 * The casefile relation a STIX relationship stands for: the one whose label casefile's export wrote
 * at the head of the description; else the vocabulary's relation of that STIX type allowed between
 * the two ends; else a near one; else `associated-with`.
 */
export function relationFor(
  stixType: string,
  description: string | undefined,
  from: EntityType,
  to: EntityType,
): { key: RelationKey; exact: boolean } {
  const allowed = (key: RelationKey): boolean => {
    const info = relationInfo(key);
    return (!info.from || info.from.includes(from)) && (!info.to || info.to.includes(to));
  };
  const candidates = BY_STIX_TYPE.get(stixType) ?? [];
  const labelled = candidates.find((key) => description?.startsWith(`${RELATIONS[key].forward} (`));
  if (labelled && allowed(labelled)) return { key: labelled, exact: true };
  const typed = candidates.find((key) => allowed(key) && !(stixType === 'related-to' && key !== 'associated-with'));
  if (typed) return { key: typed, exact: stixType !== 'related-to' };
  const near = NEAR_RELATION[stixType];
  if (near && allowed(near)) return { key: near, exact: false };
  return { key: 'associated-with', exact: false };
}

/** The note of a link: what the export wrote after the relation's label and grade, or the description. */
export function noteOf(
  description: string | undefined,
  rel: RelationKey,
  originalType: string | undefined,
): string | undefined {
  const prefix = `${RELATIONS[rel].forward} (`;
  let note = description;
  if (description?.startsWith(prefix)) {
    const grades = CONFIDENCE_LEVELS.map((level) => CONFIDENCE_INFO[level].label);
    const grade = grades.find((label) => description.startsWith(`${prefix}${label})`));
    note = grade ? description.slice(`${prefix}${grade})`.length).replace(/^: /, '') : description;
  }
  const said = originalType ? `STIX relationship "${originalType}"` : '';
  const parts = [said, note?.trim()].filter(Boolean);
  return parts.length > 0 ? parts.join(': ') : undefined;
}
