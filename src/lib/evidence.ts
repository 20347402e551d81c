import type { CaseModel, Relation } from './case.ts';
import type { Citation } from './citations.ts';
import { entryPath } from './paths.ts';
import { CONFIDENCE_INFO, type Confidence } from './schema/confidence.ts';
import type { EntityType } from './schema/entity-types.ts';
import { RELATIONS, type RelationKey } from './schema/relations.ts';

/**
 * "How we know": the evidence behind one relationship, as every view shows it (the row on a
 * dossier, the edge card in the link diagram, the per-entity JSON, /exports/evidence.csv). Built
 * here once, so each view renders the same record in the same order: the relationship in words,
 * its grade and what the grade means, the note, each source with the passage it rests on, dates.
 */

/** One end of the relationship. */
export interface EvidenceEnd {
  /** `type/slug`. */
  id: string;
  /** Entity type. */
  type: EntityType;
  /** Display name. */
  name: string;
  /** Site path of its dossier (without base). */
  path: string;
}

/** One cited source, with the passage and where it sits. */
export interface EvidenceSource {
  /** Source id. */
  id: string;
  /** Title of the document. */
  title: string;
  /** Who published it. */
  publisher: string;
  /** Who wrote it, when named. */
  author?: string | undefined;
  /** Publication date as written (YYYY, YYYY-MM or YYYY-MM-DD). */
  date?: string | undefined;
  /** Where it is published. */
  url?: string | undefined;
  /** An archived copy. */
  archivedUrl?: string | undefined;
  /** Why it has no URL, when it has none. */
  noUrlReason?: string | undefined;
  /** Site path of the source's own page (without base). */
  path: string;
  /** The passage cited, verbatim. */
  quote?: string | undefined;
  /** Where the passage sits in the source. */
  locator?: string | undefined;
}

/** The evidence record of one relationship. */
export interface RelationEvidence {
  /** The relationship's stable key (`from>rel>to`). */
  key: string;
  /** Relation type. */
  rel: RelationKey;
  /** The declaring end. */
  from: EvidenceEnd;
  /** The other end. */
  to: EvidenceEnd;
  /** The relationship read from the declaring end, e.g. "GAO Qiang recruits for Huaying Haitai". */
  sentence: string;
  /** Confidence grade. */
  confidence: Confidence;
  /** The grade as pages word it, e.g. "high confidence". */
  confidenceLabel: string;
  /** What the grade means, in plain language. */
  confidenceMeaning: string;
  /** The author's explanation, as written (may hold wikilinks). */
  note?: string | undefined;
  /** When it began, as the material dates it. */
  since?: string | undefined;
  /** When it ended. */
  until?: string | undefined;
  /** The sources, in the order the content cites them; a source cited twice with two passages appears twice. */
  sources: EvidenceSource[];
}

/** The end of a relationship as evidence shows it. */
function endOf(model: CaseModel, id: string): EvidenceEnd {
  // Both ends of every relationship of the model are published entities: the build checked them.
  const entity = model.entity(id);
  if (!entity) throw new Error(`the relationship end ${id} is not a published entity`);
  return { id, type: entity.type, name: entity.name, path: entryPath(id) };
}

/** The sources of a list of citations, resolved against the case; unknown ids are skipped. */
export function evidenceSources(model: CaseModel, citations: readonly Citation[]): EvidenceSource[] {
  const sources: EvidenceSource[] = [];
  for (const citation of citations) {
    const source = model.get(`sources/${citation.source}`);
    if (source?.kind !== 'source') continue;
    const d = source.data;
    sources.push({
      id: citation.source,
      title: d.title,
      publisher: d.publisher,
      author: d.author,
      date: d.date,
      url: d.url,
      archivedUrl: d.archived_url,
      noUrlReason: d.no_url_reason,
      path: entryPath(source.id),
      quote: citation.quote,
      locator: citation.locator,
    });
  }
  return sources;
}

/** The evidence record of a relationship. */
export function relationEvidence(model: CaseModel, relation: Relation): RelationEvidence {
  const from = endOf(model, relation.from);
  const to = endOf(model, relation.to);
  const info = CONFIDENCE_INFO[relation.confidence];
  return {
    key: relation.key,
    rel: relation.rel,
    from,
    to,
    sentence: `${from.name} ${RELATIONS[relation.rel].forward} ${to.name}`,
    confidence: relation.confidence,
    confidenceLabel: info.label,
    confidenceMeaning: info.meaning,
    note: relation.note,
    since: relation.since,
    until: relation.until,
    sources: evidenceSources(model, relation.sources),
  };
}

/**
 * The fragment id of a relationship's row on one end's page, stable across builds and link order:
 * `rel-<rel>-<other type>-<other slug>` on the declaring end, `rel-<rel>-by-…` on the other. It is
 * unique on a page because the build refuses the same relationship twice.
 */
export function relationAnchor(relation: Relation, pageId: string): string {
  const declaring = relation.from === pageId;
  const other = declaring ? relation.to : relation.from;
  const symmetric = 'symmetric' in RELATIONS[relation.rel];
  return `rel-${relation.rel}${declaring || symmetric ? '' : '-by'}-${other.replace('/', '-')}`;
}
