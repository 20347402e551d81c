import * as z from 'zod/mini';
import { ENTITY_TYPES } from './schema/entity-types.ts';
import { RELATION_KEYS, type RelationKey } from './schema/relations.ts';
import { CONFIDENCE_LEVELS } from './schema/confidence.ts';
import type { CaseGraph, GraphEdge, GraphNode } from './graph.ts';
import type { LayoutPoint } from './layout.ts';

/**
 * The shape of `/graph.json`, the whole case as the explorer draws it, defined once: the build
 * writes it through this schema and the browser parses it with the same one. Built with zod/mini so
 * the explorer's bundle stays small.
 *
 * ```json
 * {
 *   "version": 1,
 *   "nodes": [
 *     { "id": "people/gao-qiang", "type": "people", "name": "GAO Qiang", "native": "高强", "lang": "zh",
 *       "aliases": ["Gao Qiang"], "summary": "…", "degree": 15, "x": 12, "y": -40 }
 *   ],
 *   "edges": [[3, 17, "operates", "moderate", 2], [5, 9, null, null, 0]]
 * }
 * ```
 *
 * - `nodes`: every published entity, sorted by id. `native`, `lang` (of the native name) and
 *   `aliases` are left out when empty. `degree` counts both kinds of edge. `x`, `y` are the
 *   build-time layout, in whole layout units centred on (0, 0); a typical link is about 30 units.
 * - `edges`: `[source, target, relation, confidence, sources]`, where source and target are indexes
 *   into `nodes` (source is the entity whose file declares the relationship, or whose text mentions
 *   the other), relation is a key of the relation vocabulary and confidence a grade, both `null` for
 *   a mention (a body wikilink with no typed relationship between the pair), and sources is how many
 *   sources support it. Typed relationships come first, in declaration order, then mentions.
 */

/** Version of the shape; bumped when a reader of an older file would misread a newer one. */
export const GRAPH_DATA_VERSION = 1;

const nodeSchema = z.object({
  /** Entity id, `type/slug`; its dossier is at `/<id>/`. */
  id: z.string(),
  /** Entity type. */
  type: z.enum(ENTITY_TYPES),
  /** Display name. */
  name: z.string(),
  /** Name in its own script. */
  native: z.optional(z.string()),
  /** Language of the native name (BCP 47). */
  lang: z.optional(z.string()),
  /** Other names. */
  aliases: z.optional(z.array(z.string())),
  /** One line for the hover card. */
  summary: z.string(),
  /** Number of edges touching it. */
  degree: z.int(),
  /** Layout position. */
  x: z.int(),
  /** Layout position. */
  y: z.int(),
});

const edgeSchema = z.tuple([
  z.int(),
  z.int(),
  z.nullable(z.enum(RELATION_KEYS as [RelationKey, ...RelationKey[]])),
  z.nullable(z.enum(CONFIDENCE_LEVELS)),
  z.int(),
]);

/** The whole of `/graph.json`. */
export const graphDataSchema = z.object({
  /** Shape version, {@link GRAPH_DATA_VERSION}. */
  version: z.literal(GRAPH_DATA_VERSION),
  /** Entities. */
  nodes: z.array(nodeSchema),
  /** Relationships and mentions, by node index. */
  edges: z.array(edgeSchema),
});

/** `/graph.json`, parsed. */
export type GraphData = z.infer<typeof graphDataSchema>;

/** One node of `/graph.json`. */
export type GraphDataNode = z.infer<typeof nodeSchema>;

/** The case graph with its layout, as the explorer uses it. */
export interface LaidOutGraph extends CaseGraph {
  /** Position of each node, in node order. */
  positions: LayoutPoint[];
}

/** Writes the graph and its layout in the `/graph.json` shape (validated on the way out). */
export function toGraphData(graph: CaseGraph, positions: readonly LayoutPoint[]): GraphData {
  const indexOf = new Map(graph.nodes.map((node, i) => [node.id, i]));
  const index = (id: string) => {
    const i = indexOf.get(id);
    if (i === undefined) throw new Error(`graph edge points at ${id}, which is not a node of the graph`);
    return i;
  };
  return graphDataSchema.parse({
    version: GRAPH_DATA_VERSION,
    nodes: graph.nodes.map((node, i) => ({
      id: node.id,
      type: node.type,
      name: node.name,
      ...(node.native ? { native: node.native } : {}),
      ...(node.native && node.lang ? { lang: node.lang } : {}),
      ...(node.aliases.length > 0 ? { aliases: node.aliases } : {}),
      summary: node.summary,
      degree: node.degree,
      x: positions[i]?.[0] ?? 0,
      y: positions[i]?.[1] ?? 0,
    })),
    edges: graph.edges.map((edge) => [
      index(edge.source),
      index(edge.target),
      edge.kind === 'relation' ? (edge.rel ?? null) : null,
      edge.kind === 'relation' ? (edge.confidence ?? null) : null,
      edge.sourceCount,
    ]),
  });
}

/**
 * Reads `/graph.json` (already JSON-parsed) back into the case graph the path and neighbourhood
 * functions work on. Edge keys are the edges' positions in the file, as strings.
 */
export function fromGraphData(raw: unknown): LaidOutGraph {
  const data = graphDataSchema.parse(raw);
  const nodes: GraphNode[] = data.nodes.map((node) => ({
    id: node.id,
    type: node.type,
    name: node.name,
    native: node.native,
    lang: node.lang,
    aliases: node.aliases ?? [],
    summary: node.summary,
    degree: node.degree,
  }));
  const idAt = (index: number, edge: number) => {
    const node = nodes[index];
    if (!node) throw new Error(`graph.json: edge ${edge} points at node ${index}, but there are ${nodes.length} nodes`);
    return node.id;
  };
  const edges: GraphEdge[] = data.edges.map(([source, target, rel, confidence, sourceCount], i) => ({
    key: String(i),
    source: idAt(source, i),
    target: idAt(target, i),
    kind: rel === null ? 'mention' : 'relation',
    rel: rel ?? undefined,
    confidence: confidence ?? undefined,
    sourceCount,
  }));
  return { nodes, edges, positions: data.nodes.map((node) => [node.x, node.y] as const) };
}
