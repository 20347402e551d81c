import type { AnyEntity, CaseModel, Relation } from './case.ts';
import type { PartialDate } from './dates.ts';
import { CONFIDENCE_LEVELS, type Confidence } from './schema/confidence.ts';
import type { RelationKey } from './schema/relations.ts';
import { definitionOf } from './schema/index.ts';

/**
 * The facts a dossier's card adds to its type's own fields (src/lib/facts.ts): legal status with
 * its dates, where the entity sits, when the record first and last places it, and how well its
 * relationships are supported. All read from the relationships and events, so the card states
 * nothing the evidence does not.
 */

/** A status the record gives an entity, e.g. charged by the US Department of Justice in 2018. */
export interface EntityStatus {
  /** What happened to the entity, as the card labels it. */
  label: string;
  /** Who did it: the other end of the relationship. */
  by: { id: string; name: string };
  /** When, as the relationship dates it. */
  date: PartialDate | undefined;
  /** How sure the material is of it. */
  confidence: Confidence;
  /** The relationship that carries it. */
  relation: Relation;
}

/** Relations that give the entity declaring them a status, with the card's label for each. */
const STATUS_RELATIONS: Partial<Record<RelationKey, string>> = {
  'charged-by': 'Charged',
  'sanctioned-by': 'Sanctioned',
};

/** The statuses of an entity (charged, sanctioned), earliest first. */
export function statusesOf(model: CaseModel, id: string): EntityStatus[] {
  const statuses: EntityStatus[] = [];
  for (const { relation, other } of model.relationViews(id)) {
    const label = STATUS_RELATIONS[relation.rel];
    if (label === undefined || relation.from !== id) continue;
    statuses.push({
      label,
      by: { id: other, name: model.get(other)?.name ?? other },
      date: relation.since,
      confidence: relation.confidence,
      relation,
    });
  }
  return statuses.sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.label.localeCompare(b.label));
}

/** The earliest and latest dates the record gives an entity. */
export interface SeenRange {
  /** Earliest: a `first_seen` field where the type has one, else the earliest dated event or relationship. */
  first: PartialDate | undefined;
  /** Latest dated event or relationship; undefined when it is the same as the first. */
  last: PartialDate | undefined;
}

/** When the record first and last places an entity, from its events and dated relationships. */
export function seenRange(model: CaseModel, entity: AnyEntity): SeenRange {
  const dates: PartialDate[] = entity.data.events.map((event) => event.date);
  for (const { relation } of model.relationViews(entity.id)) {
    if (relation.since) dates.push(relation.since);
    if (relation.until) dates.push(relation.until);
  }
  dates.sort();
  const declared = 'first_seen' in entity.data ? entity.data.first_seen : undefined;
  const first = declared ?? dates[0];
  const latest = dates.at(-1);
  return { first, last: latest !== undefined && latest !== first && (!first || latest > first) ? latest : undefined };
}

/** How many of an entity's relationships carry each grade, strongest first; grades with none are left out. */
export function gradeCounts(model: CaseModel, id: string): { confidence: Confidence; count: number }[] {
  const counts = new Map<Confidence, number>();
  for (const { relation } of model.relationViews(id)) {
    counts.set(relation.confidence, (counts.get(relation.confidence) ?? 0) + 1);
  }
  return CONFIDENCE_LEVELS.filter((level) => counts.has(level)).map((confidence) => ({
    confidence,
    count: counts.get(confidence) ?? 0,
  }));
}

/** The places an entity is registered or located at, strongest first, by the relationships it declares. */
export function addressesOf(model: CaseModel, id: string): { id: string; name: string; confidence: Confidence }[] {
  const places: { id: string; name: string; confidence: Confidence }[] = [];
  for (const group of model.relationsOf(id)) {
    if (group.direction !== 'out' || (group.rel !== 'registered-at' && group.rel !== 'located-at')) continue;
    for (const { relation, other } of group.items) {
      places.push({ id: other, name: model.get(other)?.name ?? other, confidence: relation.confidence });
    }
  }
  return places;
}

/** Entities ordered by how connected they are (relationships and mentions), most first, then by name. */
export function byImportance<E extends { id: string; name: string }>(model: CaseModel, entities: readonly E[]): E[] {
  const degree = new Map(
    entities.map((entity) => [entity.id, model.relationViews(entity.id).length + model.mentionedIn(entity.id).length]),
  );
  return [...entities].sort(
    (a, b) => (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0) || a.name.localeCompare(b.name, 'en'),
  );
}

/** What an entity is in the case, in a few words, for index cards: roles, kind, platform. */
export function roleOf(entity: AnyEntity): string | undefined {
  return definitionOf(entity.type).role(entity.data);
}
