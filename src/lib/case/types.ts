import type { EntryData } from '../schema/index.ts';
import type { CollectionKey, EntityType } from '../schema/entity-types.ts';
import type { RelationKey } from '../schema/relations.ts';
import type { Confidence } from '../schema/confidence.ts';
import type { CaseProblem } from '../problems.ts';
import type { PartialDate } from '../dates.ts';
import type { Citation } from '../citations.ts';
import type { CaseModel } from './model.ts';
import type { BodyFacts } from '../body-tree.ts';
import type { EntryId } from '../ids.ts';

/**
 * The shapes of the case model: what the reader hands in (inputs), what pages read (entries,
 * relationships, mentions, citations) and what building it returns.
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
  /** What the body's syntax tree holds: its prose, images and components. */
  bodyFacts: BodyFacts;
  /** Parsed, validated frontmatter. */
  data: CaseData[K];
  /** Line of the file on which the body starts (for problem reports); 1 when unknown. */
  bodyLine?: number | undefined;
  /** Finds the line of a frontmatter field, when the loader knows it. */
  locate?: ((path: FieldPath) => number | undefined) | undefined;
}

/** A case input of any collection, discriminated by `collection`. */
export type AnyCaseInput = { [K in CollectionKey]: CaseInput<K> }[CollectionKey];

/** A case input of an entity collection. */
export type EntityCaseInput = { [K in EntityType]: CaseInput<K> }[EntityType];

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
  id: EntryId;
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
  from: EntryId;
  /** The other end. */
  to: EntryId;
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
  other: EntryId;
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
  from: EntryId;
  /** The entry it now points at. */
  to: EntryId;
}

/**
 * What a citation supports: the entry as a whole, its text, one of its aliases, relationships,
 * events or disputed claims. Pages word it; `describeUse` (src/lib/citation-uses.ts) is the default.
 */
export type CitationUse =
  | { kind: 'entry' }
  | { kind: 'text' }
  | { kind: 'alias'; alias: string }
  | { kind: 'relationship'; relation: Relation }
  | { kind: 'event'; date: PartialDate; text: string }
  | { kind: 'dispute'; about: string; claim: string };

/** Where a source is cited. */
export interface SourceUse {
  /** The citing entry. */
  id: EntryId;
  /** What the citation supports there. */
  about: CitationUse;
}

/** How to build the model. */
export interface BuildOptions {
  /** Include drafts as if published (astro dev); production builds leave them out. */
  includeDrafts: boolean;
  /** Ids of files that exist but failed validation: references to them are not reported again. */
  unparsed?: readonly string[] | undefined;
  /** Today, YYYY-MM-DD: no date may come after it (except a planned event's). Unchecked when absent. */
  today?: string | undefined;
}

/** The case, with its problems. */
export interface BuildResult {
  /** The model; usable even with problems, for error pages in dev. */
  model: CaseModel;
  /** Every problem found; a production build refuses to continue with any. */
  problems: CaseProblem[];
}
