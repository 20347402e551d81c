import * as z from 'zod/mini';
import { ENTITY_TYPES } from './schema/entity-types.ts';
import { RELATION_KEYS, type RelationKey } from './schema/relations.ts';
import { CONFIDENCE_LEVELS, confidenceRank } from './schema/confidence.ts';
import { layoutGraph } from './layout.ts';
import { adjacencyOf, type CaseGraph, type GraphEdge, type GraphNode, type Step } from './graph.ts';

/**
 * The small graphs drawn in SVG: the neighbourhood of one dossier's entity (an "ego" graph, written at
 * build time into the dossier's JSON record `/<type>/<slug>.json` as `neighbourhood`, one step deep,
 * and fetched when the reader scrolls to it) and the part of the case a report focuses on (embedded in
 * the report page). The second step loads only when the reader asks for it: the browser fetches the
 * records of the entity's neighbours and lays the two rings out with the same function the build uses
 * (`twoStepGraph`), so no record repeats its neighbours' neighbourhoods.
 *
 * ```json
 * {
 *   "version": 1,
 *   "mode": "ego",
 *   "nodes": [
 *     { "id": "people/gao-qiang", "type": "people", "name": "GAO Qiang", "native": "高强", "lang": "zh",
 *       "ring": 0, "x": 0, "y": 0 },
 *     { "id": "identities/fisherxp", "type": "identities", "name": "fisherxp", "ring": 1,
 *       "x": 0.5, "y": 0 }
 *   ],
 *   "edges": [[0, 1, "operates", "moderate"]],
 *   "omitted": 0
 * }
 * ```
 *
 * - `mode`: `ego` for a dossier's neighbourhood (the first node is the entity itself, ring 0; ring 1
 *   its direct neighbours; ring 2 theirs), `focus` for a report's chosen entities (ring 0) and the
 *   neighbours it adds (ring 1).
 * - `x`, `y`: position in a square from −1 to 1 (in ego mode, the depth-2 picture: ring 1 at radius
 *   0.5, ring 2 at radius 1). No node carries a depth-1 position (`x1`, `y1`, once ring 1 at
 *   radius 1): the browser lays one step out in rows (src/lib/ego-rows.ts) and never read them, and
 *   they were a tenth of every JSON record. The schema still takes them, optional.
 * - `edges`: `[source, target, relation, confidence]` by node index, as in `/graph.json`; relation
 *   and confidence are `null` for a mention.
 * - `omitted`: entities within reach that were left out to keep the picture legible (the most
 *   connected hubs have hundreds of second-degree neighbours).
 * - `second` (a record's one-step neighbourhood only): how many entities a second step would add.
 *
 * A record's neighbourhood is one step deep (rings 0 and 1, `x`/`y` placing ring 1 evenly at half
 * radius); the two-step picture built from it and the neighbours' records has rings 0 to 2. Edges
 * between two second-degree neighbours show when some direct neighbour is linked to both.
 */

/** Version of the shape. */
export const LOCAL_GRAPH_VERSION = 1;

const localNodeSchema = z.object({
  /** Entity id, `type/slug`. */
  id: z.string(),
  /** Entity type. */
  type: z.enum(ENTITY_TYPES),
  /** Display name. */
  name: z.string(),
  /** Name in its own script. */
  native: z.optional(z.string()),
  /** Language of the native name. */
  lang: z.optional(z.string()),
  /** 0: the entity itself (or a chosen one); 1, 2: steps away. */
  ring: z.int(),
  /** Position, −1…1. */
  x: z.number(),
  /** Position, −1…1. */
  y: z.number(),
  /** Position in the depth-1 picture, which records no longer carry (one step is drawn as rows). */
  x1: z.optional(z.number()),
  /** Position in the depth-1 picture, which records no longer carry (one step is drawn as rows). */
  y1: z.optional(z.number()),
});

/** The shape of a local graph (see the module comment). */
export const localGraphSchema = z.object({
  /** Shape version. */
  version: z.literal(LOCAL_GRAPH_VERSION),
  /** `ego` (a dossier) or `focus` (a report). */
  mode: z.enum(['ego', 'focus']),
  /** Entities drawn. */
  nodes: z.array(localNodeSchema),
  /** Edges among them, by node index. */
  edges: z.array(
    z.tuple([
      z.int(),
      z.int(),
      z.nullable(z.enum(RELATION_KEYS as [RelationKey, ...RelationKey[]])),
      z.nullable(z.enum(CONFIDENCE_LEVELS)),
    ]),
  ),
  /** Entities within reach left out for legibility. */
  omitted: z.int(),
  /** Entities two steps away, for a neighbourhood shipped one step deep. */
  second: z.optional(z.int()),
});

/** A local graph, parsed. */
export type LocalGraph = z.infer<typeof localGraphSchema>;

/** One node of a local graph. */
export type LocalNode = z.infer<typeof localNodeSchema>;

/** How many neighbours an ego graph draws at most, per ring. */
export interface EgoLimits {
  /** Direct neighbours. */
  ring1: number;
  /** Second-degree neighbours. */
  ring2: number;
}

/** Enough to read every dossier of a real case whole; only hubs of a huge case are trimmed. */
export const EGO_LIMITS: EgoLimits = { ring1: 40, ring2: 60 };

const TYPE_ORDER = new Map<string, number>(ENTITY_TYPES.map((type, i) => [type, i]));
const collator = new Intl.Collator('en', { sensitivity: 'base' });

const indexes = new WeakMap<CaseGraph, Map<string, GraphNode>>();

/** The graph's nodes by id, built once per graph: a dossier's neighbourhood must not cost a pass over the whole case. */
function nodesById(graph: CaseGraph): Map<string, GraphNode> {
  let byId = indexes.get(graph);
  if (!byId) {
    byId = new Map(graph.nodes.map((node) => [node.id, node]));
    indexes.set(graph, byId);
  }
  return byId;
}

/** Three decimals: plenty for a picture a few hundred pixels wide, and short in JSON. */
function r3(n: number): number {
  return Math.round(n * 1000) / 1000 + 0;
}

/** How strongly an edge ties two entities: typed relationships by grade, then mentions. */
function edgeWeight(edge: GraphEdge): number {
  return edge.confidence ? confidenceRank(edge.confidence) : CONFIDENCE_LEVELS.length;
}

/** Node fields shared by both modes. */
function nodeFields(node: Pick<GraphNode, 'id' | 'type' | 'name' | 'native' | 'lang'>) {
  return {
    id: node.id,
    type: node.type,
    name: node.name,
    ...(node.native ? { native: node.native } : {}),
    ...(node.native && node.lang ? { lang: node.lang } : {}),
  };
}

/** The edges of the graph whose both ends are kept, in graph order, by index into `kept`. */
function edgesAmong(
  graph: Pick<CaseGraph, 'edges'>,
  adjacency: ReadonlyMap<string, readonly Step[]>,
  kept: readonly string[],
): LocalGraph['edges'] {
  const position = new Map(kept.map((id, i) => [id, i]));
  const seen = new Set<number>();
  for (const id of kept) {
    for (const step of adjacency.get(id) ?? []) {
      if (position.has(step.other)) seen.add(step.edge);
    }
  }
  return [...seen]
    .sort((a, b) => a - b)
    .flatMap((index) => {
      const edge = graph.edges[index];
      const s = edge && position.get(edge.source);
      const t = edge && position.get(edge.target);
      if (!edge || s === undefined || t === undefined || s === t) return [];
      return [[s, t, edge.rel ?? null, edge.confidence ?? null] as const];
    });
}

/**
 * The neighbourhood of one entity, laid out radially: direct neighbours on an inner ring sorted by
 * type and name, each followed by the second-degree neighbours first reached through it, in an
 * angular sector sized to how many it has. Strongest ties are kept when a ring is trimmed. Depth 1
 * (what a JSON record ships) stops at the inner ring and counts the second ring in `second`.
 */
export function egoGraph(
  graph: CaseGraph,
  adjacency: ReadonlyMap<string, readonly Step[]>,
  centreId: string,
  limits: EgoLimits = EGO_LIMITS,
  depth: 1 | 2 = 2,
): LocalGraph {
  const byId = nodesById(graph);
  const centre = byId.get(centreId);
  if (!centre) throw new Error(`egoGraph: ${centreId} is not a node of the case graph`);
  const order = (a: GraphNode, b: GraphNode) =>
    (TYPE_ORDER.get(a.type) ?? 0) - (TYPE_ORDER.get(b.type) ?? 0) ||
    collator.compare(a.name, b.name) ||
    (a.id < b.id ? -1 : 1);

  // Strongest tie from the centre to each neighbour decides who stays when the ring is full.
  const tie = new Map<string, number>();
  for (const step of adjacency.get(centreId) ?? []) {
    const edge = graph.edges[step.edge];
    if (!edge || step.other === centreId) continue;
    tie.set(step.other, Math.min(tie.get(step.other) ?? Infinity, edgeWeight(edge)));
  }
  const ranked = (ids: Iterable<string>, weight: ReadonlyMap<string, number>, limit: number) =>
    [...ids]
      .flatMap((id) => {
        const node = byId.get(id);
        return node ? [node] : [];
      })
      .sort((a, b) => (weight.get(a.id) ?? 0) - (weight.get(b.id) ?? 0) || b.degree - a.degree || order(a, b))
      .slice(0, limit);
  const ring1 = ranked(tie.keys(), tie, limits.ring1).sort(order);
  const inner = new Set([centreId, ...ring1.map((node) => node.id)]);

  // Each second-degree neighbour hangs off the first ring-1 node (in ring order) that reaches it.
  const parentOf = new Map<string, string>();
  const tie2 = new Map<string, number>();
  for (const parent of ring1) {
    for (const step of adjacency.get(parent.id) ?? []) {
      const edge = graph.edges[step.edge];
      if (!edge || inner.has(step.other)) continue;
      if (!parentOf.has(step.other)) parentOf.set(step.other, parent.id);
      tie2.set(step.other, Math.min(tie2.get(step.other) ?? Infinity, edgeWeight(edge)));
    }
  }
  const ring2Kept = new Set(depth === 1 ? [] : ranked(parentOf.keys(), tie2, limits.ring2).map((node) => node.id));
  const children = new Map<string, GraphNode[]>(ring1.map((node) => [node.id, []]));
  for (const [id, parent] of parentOf) {
    const node = byId.get(id);
    if (node && ring2Kept.has(id)) children.get(parent)?.push(node);
  }
  for (const list of children.values()) list.sort(order);

  const nodes: LocalNode[] = [{ ...nodeFields(centre), ring: 0, x: 0, y: 0 }];
  // Sectors: half the circle is shared evenly among ring-1 nodes, half by how many children each
  // has, so ring 2 spreads out without crowding the childless neighbours into a clump.
  const childCount = ring1.map((node) => children.get(node.id)?.length ?? 0);
  const share = Math.max(1, childCount.reduce((sum, n) => sum + n, 0) / Math.max(1, ring1.length));
  const weights = childCount.map((n) => share + n);
  const total = weights.reduce((sum, w) => sum + w, 0);
  let cursor = -Math.PI / 2;
  ring1.forEach((node, i) => {
    const span = ((weights[i] ?? 1) / total) * 2 * Math.PI;
    const angle = cursor + span / 2;
    nodes.push({
      ...nodeFields(node),
      ring: 1,
      x: r3(0.5 * Math.cos(angle)),
      y: r3(0.5 * Math.sin(angle)),
    });
    const kids = children.get(node.id) ?? [];
    kids.forEach((kid, k) => {
      const a = cursor + ((k + 0.5) / kids.length) * span;
      nodes.push({ ...nodeFields(kid), ring: 2, x: r3(Math.cos(a)), y: r3(Math.sin(a)) });
    });
    cursor += span;
  });
  const reachable = tie.size + (depth === 1 ? 0 : parentOf.size);
  return localGraphSchema.parse({
    version: LOCAL_GRAPH_VERSION,
    mode: 'ego',
    nodes,
    edges: edgesAmong(
      graph,
      adjacency,
      nodes.map((node) => node.id),
    ),
    omitted: reachable - (nodes.length - 1),
    ...(depth === 1 ? { second: parentOf.size } : {}),
  });
}

/**
 * The two-step picture of a dossier's entity, from its one-step neighbourhood and those of its direct
 * neighbours (each read from their JSON records): the case graph they reveal together, laid out by
 * `egoGraph` as the build would. Neighbourhoods that failed to load are simply missing.
 */
export function twoStepGraph(centre: LocalGraph, around: readonly LocalGraph[]): LocalGraph {
  const first = centre.nodes[0];
  if (!first) throw new Error('twoStepGraph: the neighbourhood has no centre');
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  for (const part of [centre, ...around]) {
    for (const node of part.nodes) {
      if (!nodes.has(node.id)) {
        nodes.set(node.id, { ...nodeFields(node), aliases: [], summary: '', degree: 0 });
      }
    }
    for (const [s, t, rel, confidence] of part.edges) {
      const source = part.nodes[s]?.id;
      const target = part.nodes[t]?.id;
      if (!source || !target) continue;
      const key = `${source}>${rel ?? ''}>${target}`;
      if (edges.has(key)) continue;
      edges.set(key, {
        key,
        source,
        target,
        kind: rel ? 'relation' : 'mention',
        rel: rel ?? undefined,
        confidence: confidence ?? undefined,
        sourceCount: 0,
      });
    }
  }
  const graph: CaseGraph = { nodes: [...nodes.values()], edges: [...edges.values()] };
  const adjacency = adjacencyOf(graph);
  // Each ring is ranked by tie, then by how connected a node is in what the records reveal.
  for (const node of graph.nodes) node.degree = adjacency.get(node.id)?.length ?? 0;
  const picture = egoGraph(graph, adjacency, first.id);
  // Direct neighbours the record itself left out are still left out.
  return { ...picture, omitted: picture.omitted + centre.omitted };
}

/**
 * A report's focus: the chosen entities and the edges among them, laid out with the same force
 * layout as the whole case and scaled into the −1…1 square (aspect kept).
 */
export function focusGraph(sub: CaseGraph, chosen: ReadonlySet<string>): LocalGraph {
  const positions = layoutGraph({
    nodes: sub.nodes,
    edges: sub.edges.map((edge) => ({ ...edge, weak: edge.kind === 'mention' })),
  });
  const extent = Math.max(1, ...positions.map(([x, y]) => Math.max(Math.abs(x), Math.abs(y))));
  return localGraphSchema.parse({
    version: LOCAL_GRAPH_VERSION,
    mode: 'focus',
    nodes: sub.nodes.map((node, i) => ({
      ...nodeFields(node),
      ring: chosen.has(node.id) ? 0 : 1,
      x: r3((positions[i]?.[0] ?? 0) / extent),
      y: r3((positions[i]?.[1] ?? 0) / extent),
    })),
    edges: edgesAmong(
      sub,
      adjacencyOf(sub),
      sub.nodes.map((node) => node.id),
    ),
    omitted: 0,
  });
}
