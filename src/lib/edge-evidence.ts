import * as z from 'zod/mini';
import type { CaseModel, Relation } from './case.ts';
import type { CaseGraph } from './graph.ts';
import { inlinePieces } from './inline.ts';
import { CONFIDENCE_LEVELS } from './schema/confidence.ts';
import { relationEvidence } from './evidence.ts';

/**
 * The "how we know" record of every relationship the link diagram draws, written by the build to
 * `/graph/evidence.json` and fetched by the explorer the first time the reader points at or opens
 * an edge (graph.json stays lean: it is parsed on every visit). The fields come in the order the
 * evidence view shows them, the same order as on the dossier pages: the relationship in words, its
 * grade and what that grade means, the note, each source (with its quote and locator when the
 * content gives them), disputes, and dates.
 *
 * ```json
 * { "version": 1, "edges": [ { "sentence": "GAO Qiang operates fisherxp", "grade": "unverified", … }, null ] }
 * ```
 *
 * `edges` is indexed like the edges of `/graph.json`; mentions are `null`.
 */

/** Version of the shape. */
export const EVIDENCE_FILE_VERSION = 1;

const piece = z.object({
  /** Text of the piece. */
  text: z.string(),
  /** Site path it links to (a wikilink in the note), or null. */
  path: z.nullable(z.string()),
  /** `zh` for hanzi, or null. */
  lang: z.nullable(z.string()),
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

/** One relationship's evidence. */
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

/** The whole of `/graph/evidence.json`. */
export const evidenceFileSchema = z.object({
  /** Shape version. */
  version: z.literal(EVIDENCE_FILE_VERSION),
  /** Per graph edge, its evidence, or null for a mention. */
  edges: z.array(z.nullable(edgeEvidenceSchema)),
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
  return {
    version: EVIDENCE_FILE_VERSION,
    edges: graph.edges.map((edge) => {
      const relation = edge.kind === 'relation' ? byKey.get(edge.key) : undefined;
      return relation ? evidenceOf(model, relation) : null;
    }),
  };
}
