import * as z from 'zod/mini';
import { ENTITY_TYPES } from './schema/entity-types.ts';
import { RELATION_KEYS, type RelationKey } from './schema/relations.ts';
import { CONFIDENCE_LEVELS } from './schema/confidence.ts';
import type { CaseGraph, GraphEdge, GraphNode } from './graph.ts';
import type { LayoutPoint } from './layout.ts';

/**
 * The shape of `/graph.json`, the whole case as the explorer draws it, defined once: the build
 * writes it through this schema and the browser parses it with the same one. Column-wise (one array
 * per field) so that thousands of entities parse in milliseconds in the browser and the file stays
 * small; built with zod/mini so the explorer's bundle stays small too.
 *
 * ```json
 * {
 *   "version": 2,
 *   "relations": ["works-for", "recruits-for", …],
 *   "grades": ["confirmed", "high", "moderate", "low", "unverified"],
 *   "nodes": {
 *     "id": ["people/gao-qiang", …], "type": ["people", …], "name": ["GAO Qiang", …],
 *     "native": ["高强", …], "lang": ["zh", …], "aliases": [["Gao Qiang"], …],
 *     "summary": ["…", …], "degree": [15, …], "x": [12, …], "y": [-40, …]
 *   },
 *   "edges": [3, 17, 10, 2, 2,   5, 9, -1, -1, 0, …],
 *   "dates": { "since": [null, "2013", …], "until": [null, …], "known": ["2018-08-30", …] }
 * }
 * ```
 *
 * - `nodes`: every published entity, sorted by id; node *i* is the *i*-th item of every column.
 *   `native` and `lang` (the native name's language) are `null` where there is none; `aliases` is a
 *   list per node. `degree` counts both kinds of edge. `x`, `y` are the build-time layout, in whole
 *   layout units centred on (0, 0); a typical link is about 30 units long.
 * - `edges`: five numbers per edge, `source, target, relation, grade, sources`: source and target are
 *   node indexes (source is the entity whose file declares the relationship, or whose text mentions
 *   the other); relation indexes `relations` (the relation vocabulary) and grade indexes `grades`
 *   (strongest first), both −1 for a mention (a body wikilink with no typed relationship between the
 *   pair); sources is how many sources support it. Typed relationships come first, in declaration
 *   order, then mentions.
 * - `dates`: one entry per edge, in edge order, each a partial date (YYYY, YYYY-MM or YYYY-MM-DD) or
 *   `null`: `since` and `until`, when the relationship began and ended as the material dates it, and
 *   `known`, the earliest publication date among its sources (when the material first said so). All
 *   `null` for mentions. The explorer's date control replays the network from them.
 */

/** Version of the shape; bumped when a reader of an older file would misread a newer one. */
export const GRAPH_DATA_VERSION = 3;

/** Numbers per edge in the flat `edges` array. */
export const EDGE_STRIDE = 5;

const nodeColumns = z.object({
  /** Entity ids, `type/slug`; each dossier is at `/<id>/`. */
  id: z.array(z.string()),
  /** Entity types. */
  type: z.array(z.enum(ENTITY_TYPES)),
  /** Display names. */
  name: z.array(z.string()),
  /** Names in their own script, or null. */
  native: z.array(z.nullable(z.string())),
  /** Languages of the native names (BCP 47), or null. */
  lang: z.array(z.nullable(z.string())),
  /** Other names. */
  aliases: z.array(z.array(z.string())),
  /** One line each for the hover card. */
  summary: z.array(z.string()),
  /** Edges touching each node. */
  degree: z.array(z.number()),
  /** Layout positions. */
  x: z.array(z.number()),
  /** Layout positions. */
  y: z.array(z.number()),
});

/** The whole of `/graph.json`. */
export const graphDataSchema = z.object({
  /** Shape version, {@link GRAPH_DATA_VERSION}. */
  version: z.literal(GRAPH_DATA_VERSION),
  /** The relation vocabulary, indexed by the edges. */
  relations: z.array(z.enum(RELATION_KEYS as [RelationKey, ...RelationKey[]])),
  /** Confidence grades, strongest first, indexed by the edges. */
  grades: z.array(z.enum(CONFIDENCE_LEVELS)),
  /** Entities, one column per field. */
  nodes: nodeColumns,
  /** Relationships and mentions, five numbers each. */
  edges: z.array(z.number()),
  /** Per edge: when it began and ended, and when a source first said so. */
  dates: z.object({
    /** When each relationship began, or null. */
    since: z.array(z.nullable(z.string())),
    /** When each relationship ended, or null. */
    until: z.array(z.nullable(z.string())),
    /** Earliest publication among each relationship's sources, or null. */
    known: z.array(z.nullable(z.string())),
  }),
});

/** `/graph.json`, parsed. */
export type GraphData = z.infer<typeof graphDataSchema>;

/** The case graph with its layout, as the explorer uses it. */
export interface LaidOutGraph extends CaseGraph {
  /** Position of each node, in node order. */
  positions: LayoutPoint[];
  /** Node indexes of each edge's ends, source then target, so drawing code need not look ids up. */
  ends: Uint32Array;
}

/** Writes the graph and its layout in the `/graph.json` shape (validated on the way out). */
export function toGraphData(graph: CaseGraph, positions: readonly LayoutPoint[]): GraphData {
  const indexOf = new Map(graph.nodes.map((node, i) => [node.id, i]));
  const index = (id: string) => {
    const i = indexOf.get(id);
    if (i === undefined) throw new Error(`graph edge points at ${id}, which is not a node of the graph`);
    return i;
  };
  const relationIndex = new Map(RELATION_KEYS.map((key, i) => [key, i]));
  const gradeIndex = new Map(CONFIDENCE_LEVELS.map((level, i) => [level, i]));
  const nodes = graph.nodes;
  return graphDataSchema.parse({
    version: GRAPH_DATA_VERSION,
    relations: RELATION_KEYS,
    grades: CONFIDENCE_LEVELS,
    nodes: {
      id: nodes.map((node) => node.id),
      type: nodes.map((node) => node.type),
      name: nodes.map((node) => node.name),
      native: nodes.map((node) => node.native || null),
      lang: nodes.map((node) => (node.native && node.lang) || null),
      aliases: nodes.map((node) => node.aliases),
      summary: nodes.map((node) => node.summary),
      degree: nodes.map((node) => node.degree),
      x: nodes.map((_, i) => positions[i]?.[0] ?? 0),
      y: nodes.map((_, i) => positions[i]?.[1] ?? 0),
    },
    edges: graph.edges.flatMap((edge) => [
      index(edge.source),
      index(edge.target),
      edge.kind === 'relation' && edge.rel ? (relationIndex.get(edge.rel) ?? -1) : -1,
      edge.kind === 'relation' && edge.confidence ? (gradeIndex.get(edge.confidence) ?? -1) : -1,
      edge.sourceCount,
    ]),
    dates: {
      since: graph.edges.map((edge) => edge.since ?? null),
      until: graph.edges.map((edge) => edge.until ?? null),
      known: graph.edges.map((edge) => edge.known ?? null),
    },
  });
}

/**
 * Reads `/graph.json` (already JSON-parsed) back into the case graph the path and neighbourhood
 * functions work on, checking what the schema cannot say (columns of one length, edge indexes in
 * range). Edge keys are the edges' positions in the file, as strings.
 */
export function fromGraphData(raw: unknown): LaidOutGraph {
  const data = graphDataSchema.parse(raw);
  const columns = data.nodes;
  const count = columns.id.length;
  for (const [field, column] of Object.entries(columns)) {
    if (column.length !== count) {
      throw new Error(`graph.json: nodes.${field} has ${column.length} entries but nodes.id has ${count}`);
    }
  }
  if (data.edges.length % EDGE_STRIDE !== 0) {
    throw new Error(`graph.json: edges has ${data.edges.length} numbers, not a multiple of ${EDGE_STRIDE}`);
  }
  const nodes: GraphNode[] = columns.id.map((id, i) => ({
    id,
    type: columns.type[i] ?? 'people',
    name: columns.name[i] ?? id,
    native: columns.native[i] ?? undefined,
    lang: columns.lang[i] ?? undefined,
    aliases: columns.aliases[i] ?? [],
    summary: columns.summary[i] ?? '',
    degree: columns.degree[i] ?? 0,
  }));
  const wholeIn = (value: number, size: number) => Number.isInteger(value) && value >= 0 && value < size;
  const flat = data.edges;
  const edgeCount = flat.length / EDGE_STRIDE;
  const edges: GraphEdge[] = [];
  const ends = new Uint32Array(edgeCount * 2);
  for (let e = 0; e < edgeCount; e++) {
    const at = e * EDGE_STRIDE;
    const source = flat[at] ?? -1;
    const target = flat[at + 1] ?? -1;
    const rel = flat[at + 2] ?? -1;
    const grade = flat[at + 3] ?? -1;
    const sourceCount = flat[at + 4] ?? 0;
    if (!wholeIn(source, count) || !wholeIn(target, count)) {
      throw new Error(
        `graph.json: edge ${e} points at node ${wholeIn(source, count) ? target : source}, but there are ${count} nodes`,
      );
    }
    const relation = rel === -1 ? undefined : data.relations[rel];
    const confidence = grade === -1 ? undefined : data.grades[grade];
    if (
      (rel !== -1 && !relation) ||
      (grade !== -1 && !confidence) ||
      (relation === undefined) !== (confidence === undefined)
    ) {
      throw new Error(
        `graph.json: edge ${e} has relation ${rel} and grade ${grade}; both must be listed, or both −1 for a mention`,
      );
    }
    ends[2 * e] = source;
    ends[2 * e + 1] = target;
    edges.push({
      key: String(e),
      source: nodes[source]?.id ?? '',
      target: nodes[target]?.id ?? '',
      kind: relation ? 'relation' : 'mention',
      rel: relation,
      confidence,
      sourceCount,
      since: data.dates.since[e] ?? undefined,
      until: data.dates.until[e] ?? undefined,
      known: data.dates.known[e] ?? undefined,
    });
  }
  for (const [field, column] of Object.entries(data.dates)) {
    if (column.length !== edgeCount) {
      throw new Error(`graph.json: dates.${field} has ${column.length} entries but there are ${edgeCount} edges`);
    }
  }
  return { nodes, edges, ends, positions: columns.x.map((x, i) => [x, columns.y[i] ?? 0] as const) };
}
