import * as z from 'zod/mini';
import type { CaseModel, Relation } from './case.ts';
import type { CaseGraph } from './graph.ts';
import { inlinePieces } from './inline.ts';
import { CONFIDENCE_LEVELS, type Confidence } from './schema/confidence.ts';
import { RELATIONS, RELATION_KEYS, type RelationKey } from './schema/relations.ts';
import { relationEvidence } from './evidence.ts';

/**
 * The "how we know" record of every relationship the link diagram draws, written by the build to
 * `/graph/evidence.json` and fetched by the explorer the first time the reader points at or opens
 * an edge (graph.json stays lean: it is parsed on every visit). A record's fields come in the order
 * the evidence view shows them, the same order as on the dossier pages: the relationship in words,
 * its grade and what that grade means, the note, each source (with its quote and locator when the
 * content gives them), disputes, and dates.
 *
 * The file says once what each grade means and what each source is, and an edge names its grade and
 * its sources' ids, with only the fields it has: written out on every edge, the meanings and the
 * sources' titles, publishers and addresses were three quarters of the file. An edge names its
 * relation rather than spelling out the sentence, which its ends' names and the relation's label make
 * again (a quarter of what was left). `edgeEvidenceAt` puts a record back together.
 *
 * ```json
 * { "version": 2, "meanings": { "unverified": "…" }, "sources": { "crowdstrike-2018": { "title": "…", … } },
 *   "edges": [ { "rel": "operates", "from": { "id": "people/gao-qiang", "name": "GAO Qiang" }, …, "grade": "unverified", "sources": [{ "id": "crowdstrike-2018" }], … }, null ] }
 * ```
 *
 * `edges` is indexed like the edges of `/graph.json`; mentions are `null`.
 */

/**
 * Version of the shape (2: meanings and sources written once, fields an edge lacks left out; 3: the
 * relation in place of the sentence).
 */
export const EVIDENCE_FILE_VERSION = 3;

const piece = z.object({
  /** Text of the piece. */
  text: z.string(),
  /** Site path it links to (a wikilink in the note), or null. */
  path: z.nullable(z.string()),
  /** `zh` for hanzi, or null. */
  lang: z.nullable(z.string()),
});

/** A source as the file lists it once, under its id. */
const sourceSchema = z.object({
  /** Title of the document. */
  title: z.string(),
  /** Who published it. */
  publisher: z.string(),
  /** Publication date, when it has one. */
  date: z.optional(z.string()),
  /** Where to read it, when it can be read online. */
  url: z.optional(z.string()),
});

const citation = z.object({
  /** Source id, without `sources/`. */
  id: z.string(),
  /** Title of the document. */
  title: z.string(),
  /** Who published it. */
  publisher: z.string(),
  /** Publication date, or null. */
  date: z.nullable(z.string()),
  /** Where to read it, or null. */
  url: z.nullable(z.string()),
  /** The passage quoted verbatim, when the content gives one. */
  quote: z.nullable(z.string()),
  /** Where in the source the passage sits (section, paragraph, page). */
  locator: z.nullable(z.string()),
});

const dispute = z.object({
  /** What is disputed. */
  about: z.string(),
  /** The competing claims, each with its source ids. */
  claims: z.array(z.object({ value: z.string(), sources: z.array(z.string()) })),
});

/** One relationship's evidence, as the explorer shows it. */
export const edgeEvidenceSchema = z.object({
  /** The relationship as a sentence, "GAO Qiang operates fisherxp". */
  sentence: z.string(),
  /** Declaring end: id and name. */
  from: z.object({ id: z.string(), name: z.string() }),
  /** Other end: id and name. */
  to: z.object({ id: z.string(), name: z.string() }),
  /** Confidence grade. */
  grade: z.enum(CONFIDENCE_LEVELS),
  /** What the grade means. */
  meaning: z.string(),
  /** The author's note, as text pieces (wikilinks become links), or null. */
  note: z.nullable(z.array(piece)),
  /** Supporting sources. */
  sources: z.array(citation),
  /** Disagreements between sources about it. */
  disputes: z.array(dispute),
  /** When it began, or null. */
  since: z.nullable(z.string()),
  /** When it ended, or null. */
  until: z.nullable(z.string()),
});

/** One relationship's evidence as the file writes it: sources by id, the grade's meaning in the file's `meanings`. */
const storedEdgeSchema = z.object({
  /** The relation: the sentence is the declaring end's name, the relation's label and the other end's name. */
  rel: z.enum(RELATION_KEYS as [RelationKey, ...RelationKey[]]),
  /** Declaring end: id and name. */
  from: z.object({ id: z.string(), name: z.string() }),
  /** Other end: id and name. */
  to: z.object({ id: z.string(), name: z.string() }),
  /** Confidence grade. */
  grade: z.enum(CONFIDENCE_LEVELS),
  /** The author's note, as text pieces, when there is one. */
  note: z.optional(z.array(piece)),
  /** Supporting sources: the id, with the passage quoted and where it sits when the content gives them. */
  sources: z.array(z.object({ id: z.string(), quote: z.optional(z.string()), locator: z.optional(z.string()) })),
  /** Disagreements between sources about it, when there are any. */
  disputes: z.optional(z.array(dispute)),
  /** When it began, when known. */
  since: z.optional(z.string()),
  /** When it ended, when known. */
  until: z.optional(z.string()),
});

/** The whole of `/graph/evidence.json`. */
export const evidenceFileSchema = z.object({
  /** Shape version. */
  version: z.literal(EVIDENCE_FILE_VERSION),
  /** What each grade used in the file means. */
  meanings: z.partialRecord(z.enum(CONFIDENCE_LEVELS), z.string()),
  /** Every source an edge cites, by id. */
  sources: z.record(z.string(), sourceSchema),
  /** Per graph edge, its evidence, or null for a mention. */
  edges: z.array(z.nullable(storedEdgeSchema)),
});

/** One relationship's evidence, parsed. */
export type EdgeEvidence = z.infer<typeof edgeEvidenceSchema>;
/** `/graph/evidence.json`, parsed. */
export type EvidenceFile = z.infer<typeof evidenceFileSchema>;

/**
 * The evidence record of one relationship: the record every view shows (src/lib/evidence.ts), with
 * the note split into pieces the browser renders as text and links.
 */
export function evidenceOf(model: CaseModel, relation: Relation): EdgeEvidence {
  const record = relationEvidence(model, relation);
  const lookup = (id: string) => {
    const entry = model.get(id);
    return entry ? { name: entry.name, collection: entry.type } : undefined;
  };
  return edgeEvidenceSchema.parse({
    sentence: record.sentence,
    from: { id: record.from.id, name: record.from.name },
    to: { id: record.to.id, name: record.to.name },
    grade: record.confidence,
    meaning: record.confidenceMeaning,
    note: record.note
      ? inlinePieces(record.note, lookup).flatMap((part) =>
          part.runs.map((run) => ({
            text: run.text,
            path: part.kind === 'wikilink' && part.link.kind === 'link' ? part.link.path : null,
            lang: run.lang ?? null,
          })),
        )
      : null,
    sources: record.sources.map((source) => ({
      id: source.id,
      title: source.title,
      publisher: source.publisher,
      date: source.date ?? null,
      url: source.url ?? null,
      quote: source.quote ?? null,
      locator: source.locator ?? null,
    })),
    disputes: [],
    since: record.since ?? null,
    until: record.until ?? null,
  });
}

/** Evidence for every edge of the case graph, in graph order (null for mentions). */
export function evidenceFile(model: CaseModel, graph: CaseGraph): EvidenceFile {
  const byKey = new Map(model.relations.map((relation) => [relation.key, relation]));
  const meanings: Partial<Record<Confidence, string>> = {};
  const sources: EvidenceFile['sources'] = {};
  const edges = graph.edges.map((edge) => {
    const relation = edge.kind === 'relation' ? byKey.get(edge.key) : undefined;
    if (!relation) return null;
    const record = evidenceOf(model, relation);
    meanings[record.grade] = record.meaning;
    for (const source of record.sources) {
      sources[source.id] ??= {
        title: source.title,
        publisher: source.publisher,
        ...(source.date !== null ? { date: source.date } : {}),
        ...(source.url !== null ? { url: source.url } : {}),
      };
    }
    return {
      rel: relation.rel,
      from: record.from,
      to: record.to,
      grade: record.grade,
      ...(record.note !== null ? { note: record.note } : {}),
      sources: record.sources.map((source) => ({
        id: source.id,
        ...(source.quote !== null ? { quote: source.quote } : {}),
        ...(source.locator !== null ? { locator: source.locator } : {}),
      })),
      ...(record.disputes.length > 0 ? { disputes: record.disputes } : {}),
      ...(record.since !== null ? { since: record.since } : {}),
      ...(record.until !== null ? { until: record.until } : {}),
    };
  });
  return { version: EVIDENCE_FILE_VERSION, meanings, sources, edges };
}

/**
 * The evidence of one edge of a parsed file, whole again (meaning and sources written out), or
 * undefined for a mention, an index past the end, or a grade or source the file does not list.
 */
export function edgeEvidenceAt(file: EvidenceFile, index: number): EdgeEvidence | undefined {
  const stored = file.edges[index];
  if (!stored) return undefined;
  const meaning = file.meanings[stored.grade];
  if (meaning === undefined) return undefined;
  const sources: EdgeEvidence['sources'] = [];
  for (const cited of stored.sources) {
    const source = file.sources[cited.id];
    if (!source) return undefined;
    sources.push({
      id: cited.id,
      title: source.title,
      publisher: source.publisher,
      date: source.date ?? null,
      url: source.url ?? null,
      quote: cited.quote ?? null,
      locator: cited.locator ?? null,
    });
  }
  return {
    // As src/lib/evidence.ts words it.
    sentence: `${stored.from.name} ${RELATIONS[stored.rel].forward} ${stored.to.name}`,
    from: stored.from,
    to: stored.to,
    grade: stored.grade,
    meaning,
    note: stored.note ?? null,
    sources,
    disputes: stored.disputes ?? [],
    since: stored.since ?? null,
    until: stored.until ?? null,
  };
}
