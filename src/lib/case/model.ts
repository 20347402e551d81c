import { ENTITY_TYPES, type EntityType } from '../schema/entity-types.ts';
import { RELATIONS, RELATION_KEYS } from '../schema/relations.ts';
import { confidenceRank } from '../schema/confidence.ts';
import { sourceIdsOf, type Citation } from '../citations.ts';
import type {
  AnyEntity,
  CaseData,
  CaseEntry,
  CitationUse,
  Redirect,
  Relation,
  RelationGroup,
  RelationView,
  Report,
  Source,
  SourceUse,
} from './types.ts';

/**
 * The case model: every entry loaded once, every reference resolved, every relationship known from
 * both ends. Pages, graph, map, search and exports all read from it.
 */

const ENTITY_ORDER = new Map<string, number>(ENTITY_TYPES.map((type, index) => [type, index]));
const RELATION_ORDER = new Map<string, number>(RELATION_KEYS.map((key, index) => [key, index]));

// One collator for every comparison: localeCompare with options builds a new one per call.
const looseCollator = new Intl.Collator('en', { sensitivity: 'base' });
const strictCollator = new Intl.Collator('en');

/** Compares names for listings: case-insensitively, in English collation. */
function byName(a: { name: string }, b: { name: string }): number {
  return looseCollator.compare(a.name, b.name) || strictCollator.compare(a.name, b.name);
}

/**
 * What a model is built from, as plain data: the structured clone of a model's parts (a worker
 * thread's `workerData`) builds the same model again with `CaseModel.fromParts`, without reading and
 * checking the case a second time.
 */
export interface CaseParts {
  /** Every included entry, in the order the model was built from. */
  entries: readonly CaseEntry[];
  /** Every relationship, in declaration order. */
  relations: readonly Relation[];
  /** The ids each entry's body mentions. */
  mentions: ReadonlyMap<string, readonly string[]>;
  /** Old ids that redirect to entries. */
  redirects: readonly Redirect[];
}

/** The built case: entries, relationships, mentions and citations, indexed for the pages. */
export class CaseModel {
  /** Every included entry by id. */
  readonly entries: ReadonlyMap<string, CaseEntry>;
  /** Entities, by type order then name. */
  readonly entities: readonly AnyEntity[];
  /** Reports, by `order` then newest first. */
  readonly reports: readonly Report[];
  /** Sources, by publisher then date. */
  readonly sources: readonly Source[];
  /** Every relationship between included entities, in declaration order. */
  readonly relations: readonly Relation[];
  /** Old ids that redirect to entries. */
  readonly redirects: readonly Redirect[];

  readonly #relationsByEntity = new Map<string, RelationView[]>();
  readonly #mentions = new Map<string, string[]>();
  readonly #mentionedIn = new Map<string, string[]>();
  readonly #citedBy = new Map<string, SourceUse[]>();
  readonly #citations = new Map<string, string[]>();

  constructor(
    entries: readonly CaseEntry[],
    relations: readonly Relation[],
    mentions: ReadonlyMap<string, readonly string[]>,
    redirects: readonly Redirect[],
  ) {
    this.entries = new Map(entries.map((entry) => [entry.id, entry]));
    this.entities = entries
      .filter((entry): entry is AnyEntity => entry.kind === 'entity')
      .sort((a, b) => (ENTITY_ORDER.get(a.type) ?? 0) - (ENTITY_ORDER.get(b.type) ?? 0) || byName(a, b));
    this.reports = entries
      .filter((entry): entry is Report => entry.kind === 'report')
      .sort((a, b) => a.data.order - b.data.order || (a.date < b.date ? 1 : a.date > b.date ? -1 : 0) || byName(a, b));
    this.sources = entries
      .filter((entry): entry is Source => entry.kind === 'source')
      .sort(
        (a, b) =>
          a.data.publisher.localeCompare(b.data.publisher, 'en') ||
          (a.data.date ?? '').localeCompare(b.data.date ?? '') ||
          byName(a, b),
      );
    this.relations = relations;
    this.redirects = redirects;

    for (const relation of relations) {
      this.#push(this.#relationsByEntity, relation.from, { relation, other: relation.to });
      this.#push(this.#relationsByEntity, relation.to, { relation, other: relation.from });
    }
    for (const [from, targets] of mentions) {
      this.#mentions.set(from, [...targets]);
      for (const target of targets) this.#push(this.#mentionedIn, target, from);
    }
    for (const entry of entries) this.#indexCitations(entry);
  }

  /** The model rebuilt from its parts (`parts()`, possibly cloned to another thread). */
  static fromParts(parts: CaseParts): CaseModel {
    return new CaseModel(parts.entries, parts.relations, parts.mentions, parts.redirects);
  }

  /** What the model is built from (see `CaseParts`): the same objects, not copies. */
  parts(): CaseParts {
    return {
      entries: [...this.entries.values()],
      relations: this.relations,
      mentions: this.#mentions,
      redirects: this.redirects,
    };
  }

  #push<T>(map: Map<string, T[]>, key: string, value: T): void {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  }

  #indexCitations(entry: CaseEntry): void {
    const cite = (citations: readonly Citation[], about: CitationUse) => {
      for (const id of sourceIdsOf(citations)) this.#push(this.#citedBy, id, { id: entry.id, about });
    };
    if (entry.kind === 'source') return;
    cite(entry.data.sources, { kind: 'entry', of: entry.kind === 'report' ? 'report' : 'dossier' });
    cite(entry.bodyCitations, { kind: 'text' });
    if (entry.kind === 'report') return;
    for (const alias of entry.aliases) cite(alias.sources, { kind: 'alias', alias: alias.name });
    for (const dispute of entry.data.disputes) {
      for (const claim of dispute.claims) {
        cite(claim.sources, { kind: 'dispute', about: dispute.about, claim: claim.value });
      }
    }
    for (const event of entry.data.events) cite(event.sources, { kind: 'event', date: event.date, text: event.text });
    for (const view of this.#relationsByEntity.get(entry.id) ?? []) {
      if (view.relation.from === entry.id)
        cite(view.relation.sources, { kind: 'relationship', relation: view.relation });
    }
  }

  /** The entry with this id, if included. */
  get(id: string): CaseEntry | undefined {
    return this.entries.get(id);
  }

  /** The entity with this id, if included. */
  entity(id: string): AnyEntity | undefined {
    const entry = this.entries.get(id);
    return entry?.kind === 'entity' ? entry : undefined;
  }

  /** The report with this id, if included. */
  report(id: string): Report | undefined {
    const entry = this.entries.get(id);
    return entry?.kind === 'report' ? entry : undefined;
  }

  /** The source with this id (`sources/slug`), if included. */
  source(id: string): Source | undefined {
    const entry = this.entries.get(id);
    return entry?.kind === 'source' ? entry : undefined;
  }

  /** Entities of one type, by name. */
  entitiesOfType<K extends EntityType>(type: K): Extract<AnyEntity, { type: K }>[] {
    return this.entities.filter((entity): entity is Extract<AnyEntity, { type: K }> => entity.type === type);
  }

  /** Every relationship touching an entity, from either end. */
  relationViews(id: string): readonly RelationView[] {
    return this.#relationsByEntity.get(id) ?? [];
  }

  /** An entity's relationships grouped under their labels, strongest grade first, then outgoing, then by vocabulary. */
  relationsOf(id: string): RelationGroup[] {
    const groups = new Map<string, RelationGroup>();
    for (const view of this.relationViews(id)) {
      const info = RELATIONS[view.relation.rel];
      const direction = view.relation.from === id || 'symmetric' in info ? 'out' : 'in';
      const key = `${view.relation.rel}:${direction}`;
      let group = groups.get(key);
      if (!group) {
        group = {
          rel: view.relation.rel,
          direction,
          label: direction === 'out' ? info.forward : info.reverse,
          items: [],
        };
        groups.set(key, group);
      }
      group.items.push(view);
    }
    for (const group of groups.values()) {
      group.items.sort(
        (a, b) =>
          confidenceRank(a.relation.confidence) - confidenceRank(b.relation.confidence) ||
          byName(this.entries.get(a.other) ?? { name: a.other }, this.entries.get(b.other) ?? { name: b.other }),
      );
    }
    // Strongest evidence first: by the group's best grade, then outgoing before incoming, then vocabulary.
    const best = (group: RelationGroup) => confidenceRank(group.items[0]?.relation.confidence ?? 'unverified');
    return [...groups.values()].sort(
      (a, b) =>
        best(a) - best(b) ||
        (a.direction === b.direction ? 0 : a.direction === 'out' ? -1 : 1) ||
        (RELATION_ORDER.get(a.rel) ?? 0) - (RELATION_ORDER.get(b.rel) ?? 0),
    );
  }

  /** Ids of the entities related to this one, each once. */
  neighbours(id: string): string[] {
    return [...new Set(this.relationViews(id).map((view) => view.other))];
  }

  /** Ids of the entries this entry's body mentions with wikilinks. */
  mentionsFrom(id: string): readonly string[] {
    return this.#mentions.get(id) ?? [];
  }

  /** Ids of the entries whose bodies mention this one, reports first, then by name. */
  mentionedIn(id: string): string[] {
    const ids = this.#mentionedIn.get(id) ?? [];
    return [...ids].sort((a, b) => {
      const ea = this.entries.get(a);
      const eb = this.entries.get(b);
      const ra = ea?.kind === 'report' ? 0 : 1;
      const rb = eb?.kind === 'report' ? 0 : 1;
      return ra - rb || byName(ea ?? { name: a }, eb ?? { name: b });
    });
  }

  /** Where a source is cited; takes the bare source id (its slug), as entries write it. */
  citedBy(sourceId: string): readonly SourceUse[] {
    return this.#citedBy.get(sourceId) ?? [];
  }

  /**
   * The sources a page cites, numbered by first appearance in page order: the entry's own sources,
   * disputes, the body's inline citations, aliases, relationships (as `relationsOf` orders them),
   * then events. A report cites its own sources, then its body's. Worked out once per entry (the
   * check, the loader, the citation marks and the page all ask); the list is shared, not to be changed.
   */
  citationsOf(id: string): string[] {
    let order = this.#citations.get(id);
    if (!order) {
      order = this.#citationOrder(id);
      this.#citations.set(id, order);
    }
    return order;
  }

  #citationOrder(id: string): string[] {
    const entry = this.entries.get(id);
    if (!entry || entry.kind === 'source') return [];
    const order: string[] = [];
    const seen = new Set<string>();
    const add = (citations: readonly Citation[]) => {
      for (const sourceId of sourceIdsOf(citations)) {
        if (!seen.has(sourceId)) {
          seen.add(sourceId);
          order.push(sourceId);
        }
      }
    };
    add(entry.data.sources);
    if (entry.kind === 'report') add(entry.bodyCitations);
    if (entry.kind === 'entity') {
      for (const dispute of entry.data.disputes) for (const claim of dispute.claims) add(claim.sources);
      add(entry.bodyCitations);
      for (const alias of entry.aliases) add(alias.sources);
      for (const group of this.relationsOf(id)) for (const view of group.items) add(view.relation.sources);
      for (const event of this.eventsOf(id)) add(event.sources);
    }
    return order;
  }

  /** An entity's dated events, oldest first. */
  eventsOf(id: string): CaseData[EntityType]['events'] {
    const entity = this.entity(id);
    if (!entity) return [];
    return [...entity.data.events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }
}
