import type { EntryData } from './schema/index.ts';
import {
  COLLECTIONS,
  ENTITY_TYPES,
  isCollectionKey,
  isEntityType,
  type CollectionKey,
  type EntityType,
} from './schema/entity-types.ts';
import { RELATIONS, RELATION_KEYS, type RelationKey } from './schema/relations.ts';
import { confidenceRank, type Confidence } from './schema/confidence.ts';
import { INDICATOR_KINDS } from './schema/identities.ts';
import { REFERENCE_PATTERN, SLUG_PATTERN } from './schema/fields.ts';
import { findWikilinks, lineAt } from './wikilinks.ts';
import { EMBEDS, findEmbeds } from './embeds.ts';
import { didYouMean } from './did-you-mean.ts';
import { indicatorMatcher, type IndicatorKind } from './defang.ts';
import { nativeLang } from './hanzi.ts';
import { CaseError, formatFieldPath, type CaseProblem } from './problems.ts';
import { entryId } from './paths.ts';
import type { PartialDate } from './dates.ts';
import { findInlineCitations, sourceIdsOf, type Citation } from './citations.ts';

/**
 * The case model: every entry loaded once, every reference resolved, every relationship known from
 * both ends. Pages, graph, map, search and exports all read from it. Building it checks the whole
 * case and reports every problem at once.
 */

/** Parsed frontmatter of each collection, without images (which only pages render). */
export type CaseData = { [K in CollectionKey]: Omit<EntryData[K], 'images'> };

/** A path into an entry's frontmatter, e.g. ['links', 2, 'to']. */
export type FieldPath = readonly (string | number)[];

/** One content file handed to the case model. */
export interface CaseInput<K extends CollectionKey = CollectionKey> {
  /** Its collection. */
  collection: K;
  /** Its slug (the file name without extension). */
  slug: string;
  /** Its path, for problem reports. */
  file: string;
  /** The Markdown body, raw. */
  body: string;
  /** Parsed, validated frontmatter. */
  data: CaseData[K];
  /** Line of the file on which the body starts (for problem reports); 1 when unknown. */
  bodyLine?: number | undefined;
  /** Finds the line of a frontmatter field, when the loader knows it. */
  locate?: ((path: FieldPath) => number | undefined) | undefined;
}

/** A case input of any collection, discriminated by `collection`. */
export type AnyCaseInput = { [K in CollectionKey]: CaseInput<K> }[CollectionKey];

/** Another name for an entity. */
export interface Alias {
  /** The alias itself. */
  name: string;
  /** Who uses it. */
  used_by?: string | undefined;
  /** Caveat or reason. */
  note?: string | undefined;
  /** Citations for it. */
  sources: Citation[];
}

interface EntryCommon {
  /** `type/slug`. */
  id: string;
  /** The slug. */
  slug: string;
  /** Source file. */
  file: string;
  /** Display name (an entity's name, a report's or source's title). */
  name: string;
  /** One line for cards and previews. */
  summary: string;
  /** Whether it is a draft (only ever true under `astro dev`). */
  draft: boolean;
  /** Raw Markdown body. */
  body: string;
  /** Citations written inline in the body (`[@source-id, locator, "quote"]`), in order. */
  bodyCitations: Citation[];
}

/** An entity of one type: actor, person, company, location, identity or tool. */
export interface Entity<K extends EntityType = EntityType> extends EntryCommon {
  /** Discriminates entities from documents. */
  kind: 'entity';
  /** Entity type. */
  type: K;
  /** Name in its own script. */
  native: string | undefined;
  /** Language of the native name, when it has one. */
  nativeLang: string | undefined;
  /** Other names. */
  aliases: Alias[];
  /** The frontmatter. */
  data: CaseData[K];
}

/** An entity of any type, discriminated by `type`. */
export type AnyEntity = { [K in EntityType]: Entity<K> }[EntityType];

/** A narrative report. */
export interface Report extends EntryCommon {
  /** Discriminates reports. */
  kind: 'report';
  /** Always `reports`. */
  type: 'reports';
  /** Publication date. */
  date: PartialDate;
  /** The frontmatter. */
  data: CaseData['reports'];
}

/** A cited document. */
export interface Source extends EntryCommon {
  /** Discriminates sources. */
  kind: 'source';
  /** Always `sources`. */
  type: 'sources';
  /** The frontmatter. */
  data: CaseData['sources'];
}

/** Any entry of the case. */
export type CaseEntry = AnyEntity | Report | Source;

/** A typed, sourced, graded relationship between two entities. */
export interface Relation {
  /**
   * Stable key from what the relationship is: `from>rel>to`, with the ends sorted for symmetric
   * relations. The build refuses the same relationship twice, so the key is unique, and it does not
   * move when links are reordered in their file.
   */
  key: string;
  /** Relation type. */
  rel: RelationKey;
  /** The entity whose file declares it. */
  from: string;
  /** The other end. */
  to: string;
  /** Confidence grade. */
  confidence: Confidence;
  /** Supporting citations. */
  sources: Citation[];
  /** Explanation. */
  note: string | undefined;
  /** When it began. */
  since: PartialDate | undefined;
  /** When it ended. */
  until: PartialDate | undefined;
}

/** A relationship as seen from one of its ends. */
export interface RelationView {
  /** The relationship. */
  relation: Relation;
  /** The entity at the other end. */
  other: string;
}

/** Relationships of one kind and direction on an entity's page, under one heading. */
export interface RelationGroup {
  /** Relation type. */
  rel: RelationKey;
  /** `out` when this entity declares them, `in` when others do; symmetric ones are `out`. */
  direction: 'out' | 'in';
  /** The heading, e.g. "recruits for" or "recruited for by". */
  label: string;
  /** The rows, strongest confidence first, then by name. */
  items: RelationView[];
}

/** An old address that must keep working. */
export interface Redirect {
  /** The old id, `type/slug`. */
  from: string;
  /** The entry it now points at. */
  to: string;
}

/** Where a source is cited. */
export interface SourceUse {
  /** The citing entry. */
  id: string;
  /** What the citation supports, in words ("relationship: recruits for Huaying Haitai"). */
  about: string;
}

/** How to build the model. */
export interface BuildOptions {
  /** Include drafts as if published (astro dev); production builds leave them out. */
  includeDrafts: boolean;
  /** Ids of files that exist but failed validation: references to them are not reported again. */
  unparsed?: readonly string[] | undefined;
}

/** The case, with its problems. */
export interface BuildResult {
  /** The model; usable even with problems, for error pages in dev. */
  model: CaseModel;
  /** Every problem found; a production build refuses to continue with any. */
  problems: CaseProblem[];
}

const ENTITY_ORDER = new Map<string, number>(ENTITY_TYPES.map((type, index) => [type, index]));
const RELATION_ORDER = new Map<string, number>(RELATION_KEYS.map((key, index) => [key, index]));

// One collator for every comparison: localeCompare with options builds a new one per call.
const looseCollator = new Intl.Collator('en', { sensitivity: 'base' });
const strictCollator = new Intl.Collator('en');

/** Compares names for listings: case-insensitively, in English collation. */
function byName(a: { name: string }, b: { name: string }): number {
  return looseCollator.compare(a.name, b.name) || strictCollator.compare(a.name, b.name);
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

  #push<T>(map: Map<string, T[]>, key: string, value: T): void {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  }

  #indexCitations(entry: CaseEntry): void {
    const cite = (citations: readonly Citation[], about: string) => {
      for (const id of sourceIdsOf(citations)) this.#push(this.#citedBy, id, { id: entry.id, about });
    };
    if (entry.kind === 'source') return;
    cite(entry.data.sources, entry.kind === 'report' ? 'the report' : 'the dossier');
    cite(entry.bodyCitations, 'the text');
    if (entry.kind === 'report') return;
    for (const alias of entry.aliases) cite(alias.sources, `the alias ${alias.name}`);
    for (const dispute of entry.data.disputes) {
      for (const claim of dispute.claims) cite(claim.sources, `${dispute.about}: ${claim.value}`);
    }
    for (const event of entry.data.events) cite(event.sources, `event, ${event.date}`);
    for (const view of this.#relationsByEntity.get(entry.id) ?? []) {
      if (view.relation.from !== entry.id) continue;
      const other = this.entries.get(view.other);
      cite(view.relation.sources, `${RELATIONS[view.relation.rel].forward} ${other?.name ?? view.other}`);
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
   * then events. A report cites its own sources, then its body's.
   */
  citationsOf(id: string): string[] {
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

/** Where prose lives in an entry, for wikilink and indicator checks. */
interface ProseField {
  field: string;
  path: FieldPath;
  text: string;
  /** Line where the text starts; computed only when a problem needs it (locating is slow). */
  line: () => number | undefined;
  /** Wikilinks here count as mentions (only the body's do). */
  mentions: boolean;
}

/** The file line of an offset within a piece of prose, if the prose can be located. */
function lineIn(prose: ProseField, offset: number): number | undefined {
  const start = prose.line();
  return start === undefined ? undefined : start + lineAt(prose.text, offset) - 1;
}

/** Every piece of prose in an input, with where it lives. */
function proseOf(input: AnyCaseInput): ProseField[] {
  const fields: ProseField[] = [
    { field: 'body', path: [], text: input.body, line: () => input.bodyLine ?? 1, mentions: true },
  ];
  const data = input.data;
  const add = (field: string, path: FieldPath, text: string | undefined) => {
    if (text !== undefined) fields.push({ field, path, text, line: () => input.locate?.(path), mentions: false });
  };
  if (input.collection === 'sources') {
    const sourceData = input.data as CaseData['sources'];
    add('title', ['title'], sourceData.title);
    return fields;
  }
  add('summary', ['summary'], (data as { summary: string }).summary);
  if (input.collection === 'reports') {
    add('title', ['title'], (data as CaseData['reports']).title);
    return fields;
  }
  const entity = data as CaseData[EntityType];
  add('name', ['name'], entity.name);
  entity.aliases.forEach((alias, i) => {
    add(`aliases[${i}].name`, ['aliases', i], alias.name);
    add(`aliases[${i}].note`, ['aliases', i, 'note'], alias.note);
  });
  entity.links.forEach((link, i) => add(`links[${i}].note`, ['links', i, 'note'], link.note));
  entity.events.forEach((event, i) => add(`events[${i}].text`, ['events', i, 'text'], event.text));
  entity.disputes.forEach((dispute, i) => add(`disputes[${i}].note`, ['disputes', i, 'note'], dispute.note));
  return fields;
}

/**
 * The texts scanned for live indicators: the body and every string in the frontmatter, whatever
 * the field (a note, an alias, a caption, a source's URL), except an identity's own `value`, which
 * pages only ever show defanged. New fields are covered without being listed here.
 */
function indicatorScanFields(input: AnyCaseInput): ProseField[] {
  const fields: ProseField[] = [
    { field: 'body', path: [], text: input.body, line: () => input.bodyLine ?? 1, mentions: false },
  ];
  const visit = (value: unknown, path: (string | number)[]): void => {
    if (typeof value === 'string') {
      fields.push({
        field: formatFieldPath(path),
        path,
        text: value,
        line: () => input.locate?.(path),
        mentions: false,
      });
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, [...path, i]));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (input.collection === 'identities' && path.length === 0 && key === 'value') continue;
        visit(item, [...path, key]);
      }
    }
  };
  visit(input.data, []);
  return fields;
}

/** Turns an input into its model entry. */
function toEntry(input: AnyCaseInput): CaseEntry {
  const id = entryId(input.collection, input.slug);
  const bodyCitations = findInlineCitations(input.body).found.flatMap((group) => group.citations);
  const common = { id, slug: input.slug, file: input.file, body: input.body, bodyCitations };
  switch (input.collection) {
    case 'reports':
      return {
        ...common,
        kind: 'report',
        type: 'reports',
        name: input.data.title,
        summary: input.data.summary,
        draft: input.data.draft,
        date: input.data.date,
        data: input.data,
      };
    case 'sources': {
      const d = input.data;
      const byline = [d.publisher, d.author].filter(Boolean).join(', ');
      return {
        ...common,
        kind: 'source',
        type: 'sources',
        name: d.title,
        summary: d.date ? `${byline}, ${d.date}` : byline,
        draft: d.draft,
        data: d,
      };
    }
    default: {
      const data = input.data;
      return {
        ...common,
        kind: 'entity',
        type: input.collection,
        name: data.name,
        summary: data.summary,
        draft: data.draft,
        native: data.native,
        nativeLang: data.native === undefined ? undefined : nativeLang(data.native, data.native_lang),
        aliases: data.aliases.map((alias) => ({ ...alias, sources: alias.sources ?? [] })),
        data,
      } as AnyEntity;
    }
  }
}

/**
 * Builds the case model from parsed inputs, checking every reference. Returns the model together
 * with every problem found; `loadCase` is the strict form that throws.
 */
export function buildCase(inputs: readonly AnyCaseInput[], options: BuildOptions): BuildResult {
  const problems: CaseProblem[] = [];
  const report = (input: AnyCaseInput, path: FieldPath, field: string, message: string, fix?: string, line?: number) =>
    problems.push({ file: input.file, field, line: line ?? input.locate?.(path), message, fix });

  // Every file, drafts included, so references to drafts can be told from references to nothing.
  const all = new Map<string, AnyCaseInput>();
  for (const input of inputs) {
    const id = entryId(input.collection, input.slug);
    if (!SLUG_PATTERN.test(input.slug)) {
      report(
        input,
        [],
        'file name',
        `"${input.slug}" is not a valid slug`,
        'rename the file to lowercase words joined by hyphens, e.g. gao-qiang.md',
      );
    }
    const existing = all.get(id);
    if (existing) {
      report(
        input,
        [],
        'file name',
        `duplicate slug: ${existing.file} already defines ${id}`,
        'rename one of the two files',
      );
      continue;
    }
    all.set(id, input);
  }
  const isDraft = (input: AnyCaseInput) => input.data.draft;
  const included = (input: AnyCaseInput) => options.includeDrafts || !isDraft(input);
  const published = [...all.values()].filter(included);
  const unparsed = new Set(options.unparsed ?? []);
  const idsOf = (collections: readonly string[]) =>
    [...all.keys(), ...unparsed].filter((id) => collections.includes(id.slice(0, id.indexOf('/'))));
  // Entities at either end of a broken reference are spared the whole-case rules below, which
  // would only repeat the same mistake in other words.
  const brokenEnds = new Set<string>();

  /** Checks a reference; returns the resolved id when it may be used from a published entry. */
  const resolveReference = (
    input: AnyCaseInput,
    path: FieldPath,
    field: string,
    target: string,
    allowed: readonly string[],
    line?: number,
  ): string | undefined => {
    if (!REFERENCE_PATTERN.test(target)) {
      report(
        input,
        path,
        field,
        `"${target}" is not a reference`,
        'write it as type/slug, e.g. people/gao-qiang',
        line,
      );
      return undefined;
    }
    const collection = target.slice(0, target.indexOf('/'));
    if (!isCollectionKey(collection)) {
      const suggestion = didYouMean(target, idsOf(allowed));
      report(
        input,
        path,
        field,
        `unknown type "${collection}" in "${target}"`,
        suggestion ? `did you mean "${suggestion}"?` : `the type must be one of ${allowed.join(', ')}`,
        line,
      );
      return undefined;
    }
    const target_ = all.get(target);
    if (!target_ && unparsed.has(target)) {
      brokenEnds.add(entryId(input.collection, input.slug));
      brokenEnds.add(target);
      return undefined;
    }
    if (!target_) {
      brokenEnds.add(entryId(input.collection, input.slug));
      const renamed = redirectIndex.get(target);
      const suggestion = renamed ?? didYouMean(target, idsOf(allowed));
      if (suggestion) brokenEnds.add(suggestion);
      if (collection === 'sources' && allowed.length === 1) {
        // Source ids are written bare (`sources: [crowdstrike-2018]`), so speak of them that way.
        const slug = target.slice('sources/'.length);
        report(
          input,
          path,
          field,
          `unknown source id "${slug}"`,
          suggestion
            ? `did you mean "${suggestion.slice('sources/'.length)}"?`
            : `add content/sources/${slug}.md or fix the id`,
          line,
        );
        return undefined;
      }
      report(
        input,
        path,
        field,
        renamed ? `"${target}" was renamed to "${renamed}"` : `nothing is at "${target}"`,
        suggestion ? `did you mean "${suggestion}"?` : `create content/${target}.md or fix the reference`,
        line,
      );
      return undefined;
    }
    if (!allowed.includes(collection)) {
      report(
        input,
        path,
        field,
        `"${target}" is a ${collection} entry; expected one of ${allowed.join(', ')}`,
        undefined,
        line,
      );
      return undefined;
    }
    if (!included(target_)) {
      brokenEnds.add(entryId(input.collection, input.slug));
      if (included(input)) {
        report(
          input,
          path,
          field,
          `links to "${target}", which is a draft: published pages must not point at unpublished ones`,
          `publish ${target_.file} (remove draft: true) or remove the reference`,
          line,
        );
      }
      return undefined;
    }
    return target;
  };

  // Redirects first, so a reference to an old slug can say where the entry went.
  const redirectIndex = new Map<string, string>();
  const redirects: Redirect[] = [];
  for (const input of all.values()) {
    const id = entryId(input.collection, input.slug);
    const redirectFrom = 'redirect_from' in input.data ? input.data.redirect_from : [];
    redirectFrom.forEach((old, i) => {
      const oldId = old.includes('/') ? old : entryId(input.collection, old);
      const field = `redirect_from[${i}]`;
      if (!REFERENCE_PATTERN.test(oldId) || !isCollectionKey(oldId.slice(0, oldId.indexOf('/')))) {
        report(
          input,
          ['redirect_from', i],
          field,
          `"${old}" is not a slug or type/slug`,
          'write the old slug, e.g. gao-qiang, or type/slug',
        );
        return;
      }
      const clash = all.get(oldId);
      if (clash) {
        report(
          input,
          ['redirect_from', i],
          field,
          `duplicate slug: "${oldId}" is the slug of ${clash.file}`,
          'remove the redirect or rename one entry',
        );
        return;
      }
      const other = redirectIndex.get(oldId);
      if (other) {
        report(
          input,
          ['redirect_from', i],
          field,
          `duplicate slug: "${oldId}" already redirects to ${other}`,
          'keep the redirect in one entry only',
        );
        return;
      }
      redirectIndex.set(oldId, id);
      if (included(input)) redirects.push({ from: oldId, to: id });
    });
  }

  const entityIds = ENTITY_TYPES as readonly string[];
  const relations: Relation[] = [];
  const mentions = new Map<string, string[]>();
  const declared = new Map<string, string>();

  // Indicators from every identity, drafts included: a draft's domain must not leak either.
  const indicators: { value: string; kind: IndicatorKind; id: string }[] = [];
  for (const input of all.values()) {
    if (input.collection === 'identities' && (INDICATOR_KINDS as readonly string[]).includes(input.data.kind)) {
      indicators.push({
        value: input.data.value,
        kind: input.data.kind as IndicatorKind,
        id: entryId(input.collection, input.slug),
      });
    }
  }

  const indicatorByValue = new Map(indicators.map((indicator) => [indicator.value, indicator]));
  const findIndicators = indicatorMatcher(indicators);

  for (const input of published) {
    const id = entryId(input.collection, input.slug);

    // Sources cited anywhere in the entry.
    const checkSources = (citations: readonly Citation[], path: FieldPath, field: string) => {
      citations.forEach((citation, i) => {
        resolveReference(input, [...path, i], `${field}[${i}]`, `sources/${citation.source}`, ['sources']);
      });
    };
    if (input.collection !== 'sources') {
      checkSources(input.data.sources, ['sources'], 'sources');
    }

    if (isEntityType(input.collection)) {
      const data = input.data as CaseData[EntityType];
      data.aliases.forEach((alias, i) =>
        checkSources(alias.sources ?? [], ['aliases', i, 'sources'], `aliases[${i}].sources`),
      );
      data.events.forEach((event, i) => checkSources(event.sources, ['events', i, 'sources'], `events[${i}].sources`));
      data.disputes.forEach((dispute, i) =>
        dispute.claims.forEach((claim, j) =>
          checkSources(claim.sources, ['disputes', i, 'claims', j, 'sources'], `disputes[${i}].claims[${j}].sources`),
        ),
      );

      data.links.forEach((link, i) => {
        const field = `links[${i}]`;
        const rel = link.rel as RelationKey;
        const info = RELATIONS[rel];
        checkSources(link.sources, ['links', i, 'sources'], `${field}.sources`);
        if (link.to === id) {
          report(
            input,
            ['links', i, 'to'],
            `${field}.to`,
            'an entity cannot link to itself',
            'point the link at another entity',
          );
          return;
        }
        const to = resolveReference(input, ['links', i, 'to'], `${field}.to`, link.to, entityIds);
        if (to === undefined) return;
        const toType = to.slice(0, to.indexOf('/'));
        if ('from' in info && !(info.from as readonly string[]).includes(input.collection)) {
          report(
            input,
            ['links', i, 'rel'],
            `${field}.rel`,
            `"${rel}" cannot start from ${input.collection}; it is for ${info.from.join(', ')}`,
            "choose another relation or declare it in the other entity's file",
          );
          return;
        }
        if ('to' in info && !(info.to as readonly string[]).includes(toType)) {
          report(
            input,
            ['links', i, 'rel'],
            `${field}.rel`,
            `"${rel}" cannot point at ${toType}; it expects ${info.to.join(', ')}`,
            'choose another relation',
          );
          return;
        }
        const pair = 'symmetric' in info ? [id, to].sort().join('|') : `${id}|${to}`;
        const signature = `${rel}|${pair}`;
        const first = declared.get(signature);
        if (first) {
          report(
            input,
            ['links', i],
            field,
            `duplicate relationship: ${rel} ${to} is already declared in ${first}`,
            'keep it in one file only; it shows on both pages',
          );
          return;
        }
        declared.set(signature, input.file);
        relations.push({
          key: 'symmetric' in info ? [id, to].sort().join(`>${rel}>`) : `${id}>${rel}>${to}`,
          rel,
          from: id,
          to,
          confidence: link.confidence,
          sources: link.sources,
          note: link.note,
          since: link.since,
          until: link.until,
        });
      });
    }

    // Wikilinks and live indicators in every piece of prose.
    const mentioned: string[] = [];
    for (const prose of proseOf(input)) {
      const inline = findInlineCitations(prose.text);
      for (const error of inline.errors) {
        report(
          input,
          prose.path,
          prose.field,
          `${error.raw}: ${error.message}`,
          'write [@source-id], [@source-id, locator] or [@source-id, locator, "quote"]; escape a literal [@ as \\[@',
          lineIn(prose, error.index),
        );
      }
      for (const group of inline.found) {
        for (const citation of group.citations) {
          resolveReference(
            input,
            prose.path,
            prose.field,
            `sources/${citation.source}`,
            ['sources'],
            lineIn(prose, group.index),
          );
        }
      }
      for (const wikilink of findWikilinks(prose.text)) {
        const line = lineIn(prose, wikilink.index);
        const target = resolveReference(input, prose.path, prose.field, wikilink.target, COLLECTIONS, line);
        if (target === undefined) continue;
        if (target === id) {
          report(
            input,
            prose.path,
            prose.field,
            `${wikilink.raw} links the entry to itself`,
            'remove the wikilink or point it elsewhere',
            line,
          );
          continue;
        }
        if (prose.mentions && !mentioned.includes(target)) mentioned.push(target);
      }
      if (!prose.mentions) continue;
      for (const embed of findEmbeds(prose.text)) {
        const line = lineIn(prose, embed.index);
        const { prop, collections } = EMBEDS[embed.component];
        if (embed.ids.length === 0) {
          report(
            input,
            prose.path,
            prose.field,
            `<${embed.component}> lists no ids`,
            `give ${prop}={["type/slug", …]}`,
            line,
          );
        }
        for (const wanted of embed.ids) {
          const target = resolveReference(
            input,
            prose.path,
            `${prose.field} <${embed.component} ${prop}>`,
            wanted,
            collections,
            line,
          );
          if (target !== undefined && target !== id && !mentioned.includes(target)) mentioned.push(target);
        }
      }
    }
    if (mentioned.length > 0) mentions.set(id, mentioned);

    // Live indicators anywhere a reader could see them: the body and every frontmatter text.
    for (const text of indicatorScanFields(input)) {
      for (const found of findIndicators(text.text)) {
        const indicator = indicatorByValue.get(found.value);
        if (!indicator) continue;
        const as = found.text === indicator.value ? '' : ` as "${found.text}"`;
        const isLink = /(^|_)url$/.test(String(text.path.at(-1)));
        report(
          input,
          text.path,
          text.field,
          `the indicator "${indicator.value}" (${indicator.id}) appears live${as}; indicators are only ever shown defanged`,
          isLink
            ? `remove the link: it would send readers to the adversary's server (a source without url needs no_url_reason; write the address as ${found.defanged})`
            : `write ${found.defanged}, or link the identity with [[${indicator.id}]]`,
          lineIn(text, found.index),
        );
      }
    }
  }

  const entries = published.map(toEntry);
  const model = new CaseModel(entries, relations, mentions, redirects);

  // Whole-case rules, checked on the model. A file that failed validation could hold any links,
  // so reachability is only judged on a case that parsed completely.
  for (const entity of model.entities) {
    const input = all.get(entity.id);
    if (!input || brokenEnds.has(entity.id)) continue;
    if (model.citationsOf(entity.id).length === 0) {
      report(input, ['sources'], 'sources', 'the entry cites no source', 'add sources: [source-id] or a sourced link');
    }
    const reachable = model.relationViews(entity.id).length > 0 || model.mentionedIn(entity.id).length > 0;
    if (!reachable && unparsed.size === 0) {
      report(
        input,
        ['links'],
        'links',
        'nothing links to this entity and it links to nothing: readers cannot reach it',
        'add a link to or from another entity, or mention it with a wikilink in a report',
      );
    }
  }

  return { model, problems };
}

/** Builds the case model and throws a CaseError listing every problem, if there are any. */
export function loadCase(inputs: readonly AnyCaseInput[], options: BuildOptions): CaseModel {
  const { model, problems } = buildCase(inputs, options);
  if (problems.length > 0) throw new CaseError(problems);
  return model;
}
