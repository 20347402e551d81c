import type { AnyEntity, CaseModel, Source } from './case.ts';
import { entryPath } from './paths.ts';
import { sourceIdsOf, type Citation } from './citations.ts';
import { CONFIDENCE_INFO, CONFIDENCE_LEVELS, type Confidence } from './schema/confidence.ts';
import { ENTITY_TYPE_INFO, type EntityType } from './schema/entity-types.ts';
import { RELATIONS, type RelationKey } from './schema/relations.ts';
import { correctionsOf, lastUpdated } from './corrections.ts';

/**
 * The case as plain JSON, for readers who would otherwise scrape the pages: one record per entity
 * with its fields, every relationship from its own side (with the label read from that side) and
 * the sources cited, each with its address. Identity values are plain, as tools need them.
 */

/** A relationship seen from the entity of the record. */
export interface RelationshipRecord {
  /** Relation type, from the vocabulary. */
  rel: RelationKey;
  /** `out` when this entity declares it, `in` when the other end does. */
  direction: 'out' | 'in';
  /** The label read from this entity's side, e.g. "recruited for by". */
  label: string;
  /** The other end. */
  other: { id: string; type: EntityType; name: string; url: string };
  /** Confidence grade; what it means is in the record's `confidence_meanings`. */
  confidence: Confidence;
  /** Source ids. */
  sources: string[];
  /** The passages cited for it, verbatim, where the content gives them. */
  quotes?: { source: string; quote?: string; locator?: string }[];
  /** Explanation, as written. */
  note?: string;
  /** When it began. */
  since?: string;
  /** When it ended. */
  until?: string;
}

/** A cited source, with enough to find it. */
export interface SourceRecord {
  id: string;
  title: string;
  publisher: string;
  author?: string;
  date?: string;
  url?: string;
  archived_url?: string;
  no_url_reason?: string;
}

/** One entity as JSON. */
export interface EntityRecord {
  /** `type/slug`. */
  id: string;
  /** Entity type key. */
  type: EntityType;
  /** Entity type label. */
  type_label: string;
  /** Path of the dossier on the site. */
  url: string;
  name: string;
  native?: string;
  summary: string;
  /** The entry's frontmatter, without links (see relationships), drafts or redirects. */
  fields: Record<string, unknown>;
  relationships: RelationshipRecord[];
  /**
   * What each grade the relationships use means, in plain language, strongest first: said once per
   * record rather than on every relationship (it was a fifth of a record).
   */
  confidence_meanings: Partial<Record<Confidence, string>>;
  /** Ids of the entries whose text mentions this entity. */
  mentioned_in: string[];
  /** Every source the dossier cites. */
  sources: SourceRecord[];
  /** When the dossier was last revised: `updated` or its latest correction. */
  last_updated?: string;
  /** Corrections made since publication, newest first. */
  corrections: { date: string; text: string; sources: string[] }[];
}

/** The record of a source. */
function sourceRecord(source: Source): SourceRecord {
  const { title, publisher, author, date, url, archived_url, no_url_reason } = source.data;
  return {
    id: source.slug,
    title,
    publisher,
    ...(author ? { author } : {}),
    ...(date ? { date } : {}),
    ...(url ? { url } : {}),
    ...(archived_url ? { archived_url } : {}),
    ...(no_url_reason ? { no_url_reason } : {}),
  };
}

/** The frontmatter fields worth exporting: everything but what the record carries elsewhere. */
function exportedFields(entity: AnyEntity): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entity.data)) {
    if (['links', 'draft', 'redirect_from', 'name', 'native', 'summary', 'corrections'].includes(key)) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    if (value !== undefined) fields[key] = value;
  }
  return fields;
}

/** The cited passages of a list of citations, when any citation carries a quote or a locator. */
function quotesOf(citations: readonly Citation[]): Pick<RelationshipRecord, 'quotes'> {
  const quotes = citations
    .filter((citation) => citation.quote !== undefined || citation.locator !== undefined)
    .map((citation) => ({
      source: citation.source,
      ...(citation.quote !== undefined ? { quote: citation.quote } : {}),
      ...(citation.locator !== undefined ? { locator: citation.locator } : {}),
    }));
  return quotes.length > 0 ? { quotes } : {};
}

/** The meaning of each grade among `used`, strongest first. */
function meaningsOf(used: Iterable<Confidence>): Partial<Record<Confidence, string>> {
  const levels = new Set(used);
  return Object.fromEntries(
    CONFIDENCE_LEVELS.filter((level) => levels.has(level)).map((level) => [level, CONFIDENCE_INFO[level].meaning]),
  );
}

/** Every relationship of an entity, from its own side. */
function relationshipsOf(model: CaseModel, entity: AnyEntity): RelationshipRecord[] {
  const relationships: RelationshipRecord[] = [];
  for (const group of model.relationsOf(entity.id)) {
    for (const { relation, other } of group.items) {
      const end = model.entity(other);
      if (!end) continue;
      relationships.push({
        rel: group.rel,
        direction: group.direction,
        label: group.label,
        other: { id: end.id, type: end.type, name: end.name, url: entryPath(end.id) },
        confidence: relation.confidence,
        sources: sourceIdsOf(relation.sources),
        ...quotesOf(relation.sources),
        ...(relation.note ? { note: relation.note } : {}),
        ...(relation.since ? { since: relation.since } : {}),
        ...(relation.until ? { until: relation.until } : {}),
      });
    }
  }
  return relationships;
}

/**
 * An entity's record with its cited sources and the grades' meanings left to the caller: the
 * per-entity file writes them in full, the whole case once for all entities. Keys in the record's order.
 */
function recordWith<Extra extends object>(
  model: CaseModel,
  entity: AnyEntity,
  middle: (relationships: readonly RelationshipRecord[], cited: readonly string[]) => Extra,
) {
  const relationships = relationshipsOf(model, entity);
  const updated = lastUpdated(entity);
  return {
    id: entity.id,
    type: entity.type,
    type_label: ENTITY_TYPE_INFO[entity.type].label,
    url: entryPath(entity.id),
    name: entity.name,
    ...(entity.native ? { native: entity.native } : {}),
    summary: entity.summary,
    fields: exportedFields(entity),
    relationships,
    ...middle(relationships, model.citationsOf(entity.id)),
    ...(updated ? { last_updated: updated } : {}),
    corrections: correctionsOf(entity).map((correction) => ({
      date: correction.date,
      text: correction.text,
      sources: sourceIdsOf(correction.sources),
    })),
  };
}

/** The JSON record of one published entity. */
export function entityRecord(model: CaseModel, entity: AnyEntity): EntityRecord {
  return recordWith(model, entity, (relationships, cited) => ({
    confidence_meanings: meaningsOf(relationships.map((relationship) => relationship.confidence)),
    mentioned_in: model.mentionedIn(entity.id),
    sources: cited
      .map((id) => model.get(`sources/${id}`))
      .filter((source): source is Source => source?.kind === 'source')
      .map(sourceRecord),
  }));
}

/**
 * An entity in the whole case's JSON: its record, with the sources it cites as ids into the case's
 * own `sources` list (each source written once, not once per entity citing it) and the grades'
 * meanings in the case's `confidence_meanings`.
 */
export type CaseEntityRecord = Omit<EntityRecord, 'sources' | 'confidence_meanings'> & {
  /** Ids of the sources the dossier cites, in the case's `sources`. */
  sources: string[];
};

/** An entity as the whole case's JSON holds it. */
function caseEntityRecord(model: CaseModel, entity: AnyEntity): CaseEntityRecord {
  return recordWith(model, entity, (_relationships, cited) => ({
    mentioned_in: model.mentionedIn(entity.id),
    sources: cited.filter((id) => model.get(`sources/${id}`)?.kind === 'source'),
  }));
}

/** The whole published case as JSON: every entity record, the reports, the sources and what the grades mean. */
export function caseRecord(model: CaseModel): {
  entities: CaseEntityRecord[];
  reports: { id: string; title: string; date: string; author: string; summary: string; url: string }[];
  sources: SourceRecord[];
  relations: { rel: RelationKey; label: string; reverse_label: string }[];
  confidence_meanings: Record<Confidence, string>;
} {
  return {
    entities: model.entities.map((entity) => caseEntityRecord(model, entity)),
    reports: model.reports.map((report) => ({
      id: report.id,
      title: report.name,
      date: report.date,
      author: report.data.author,
      summary: report.summary,
      url: entryPath(report.id),
    })),
    sources: model.sources.map(sourceRecord),
    relations: (Object.keys(RELATIONS) as RelationKey[]).map((rel) => ({
      rel,
      label: RELATIONS[rel].forward,
      reverse_label: RELATIONS[rel].reverse,
    })),
    // Every level, named one by one: a level added to the scale is a type error here until it is listed.
    confidence_meanings: {
      confirmed: CONFIDENCE_INFO.confirmed.meaning,
      high: CONFIDENCE_INFO.high.meaning,
      moderate: CONFIDENCE_INFO.moderate.meaning,
      low: CONFIDENCE_INFO.low.meaning,
      unverified: CONFIDENCE_INFO.unverified.meaning,
    },
  };
}
