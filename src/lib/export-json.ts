import type { AnyEntity, CaseModel, Source } from './case.ts';
import { entryPath } from './paths.ts';
import { sourceIdsOf, type Citation } from './citations.ts';
import { CONFIDENCE_INFO, type Confidence } from './schema/confidence.ts';
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
  /** Confidence grade; what it means is in the shared file's `confidence_meanings`. */
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

/**
 * One entity as JSON. What many records would repeat is said once, in the case's shared file
 * (`sharedRecord`, /exports/sources.json): each cited source in full, and what each grade means.
 */
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
  /** Ids of the entries whose text mentions this entity. */
  mentioned_in: string[];
  /** Ids of every source the dossier cites, each in full in the shared file's `sources`. */
  sources: string[];
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

/** The JSON record of one published entity: the same in its own file and in the whole case's. */
export function entityRecord(model: CaseModel, entity: AnyEntity): EntityRecord {
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
    relationships: relationshipsOf(model, entity),
    mentioned_in: model.mentionedIn(entity.id),
    sources: model.citationsOf(entity.id).filter((id) => model.get(`sources/${id}`)?.kind === 'source'),
    ...(updated ? { last_updated: updated } : {}),
    corrections: correctionsOf(entity).map((correction) => ({
      date: correction.date,
      text: correction.text,
      sources: sourceIdsOf(correction.sources),
    })),
  };
}

/** What every grade means, strongest first. */
function confidenceMeanings(): Record<Confidence, string> {
  // Every level, named one by one: a level added to the scale is a type error here until it is listed.
  return {
    confirmed: CONFIDENCE_INFO.confirmed.meaning,
    high: CONFIDENCE_INFO.high.meaning,
    moderate: CONFIDENCE_INFO.moderate.meaning,
    low: CONFIDENCE_INFO.low.meaning,
    unverified: CONFIDENCE_INFO.unverified.meaning,
  };
}

/** What the records share, written once for them all (/exports/sources.json): the sources and the grades' meanings. */
export interface SharedRecord {
  /** Every published source, by id, with enough to find it. */
  sources: SourceRecord[];
  /** What each grade means, in plain language, strongest first. */
  confidence_meanings: Record<Confidence, string>;
}

/** The file every entity record refers to for its sources and its grades' meanings. */
export function sharedRecord(model: CaseModel): SharedRecord {
  return { sources: model.sources.map(sourceRecord), confidence_meanings: confidenceMeanings() };
}

/** The whole published case as JSON: every entity record, the reports, the sources and what the grades mean. */
export function caseRecord(model: CaseModel): {
  entities: EntityRecord[];
  reports: { id: string; title: string; date: string; author: string; summary: string; url: string }[];
  sources: SourceRecord[];
  relations: { rel: RelationKey; label: string; reverse_label: string }[];
  confidence_meanings: Record<Confidence, string>;
} {
  return {
    entities: model.entities.map((entity) => entityRecord(model, entity)),
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
    confidence_meanings: confidenceMeanings(),
  };
}
