import type { CaseModel } from './case.ts';
import type { EntityType } from './schema/entity-types.ts';
import type { RelationKey } from './schema/relations.ts';
import type { Confidence } from './schema/confidence.ts';
import { sourceIdsOf } from './citations.ts';

/**
 * The case as a graph: one node per published entity, one edge per typed relationship, and weaker
 * "mention" edges where an entity's text links another without a typed relationship. Built once at
 * build time; the same functions answer neighbourhood and path questions in the browser.
 */

/** A node: an entity. */
export interface GraphNode {
  /** Entity id, `type/slug`. */
  id: string;
  /** Entity type. */
  type: EntityType;
  /** Display name. */
  name: string;
  /** Name in its own script. */
  native?: string | undefined;
  /** Language of the native name, for `lang` attributes. */
  lang?: string | undefined;
  /** Other names, for find-by-alias. */
  aliases: string[];
  /** One line for the hover card. */
  summary: string;
  /** Number of edges touching it. */
  degree: number;
}

/** An edge: a typed relationship, or a mention. */
export interface GraphEdge {
  /** Stable key. */
  key: string;
  /** Id of the declaring end (the one that mentions, for mentions). */
  source: string;
  /** Id of the other end. */
  target: string;
  /** `relation` for typed relationships, `mention` for wikilinks without one. */
  kind: 'relation' | 'mention';
  /** Relation type (relations only). */
  rel?: RelationKey | undefined;
  /** Confidence grade (relations only). */
  confidence?: Confidence | undefined;
  /** Number of sources supporting it. */
  sourceCount: number;
  /** When the relationship began, as the material dates it (relations only). */
  since?: string | undefined;
  /** When it ended, if it did. */
  until?: string | undefined;
  /** When the material first said so: the earliest publication date among its sources. */
  known?: string | undefined;
}

/** Nodes and edges. */
export interface CaseGraph {
  /** Nodes, sorted by id so the same case always yields the same order. */
  nodes: GraphNode[];
  /** Edges: relations in declaration order, then mentions. */
  edges: GraphEdge[];
}

const built = new WeakMap<CaseModel, CaseGraph>();

/** The graph of every published entity of a case, built once per model. */
export function buildCaseGraph(model: CaseModel): CaseGraph {
  let graph = built.get(model);
  if (!graph) {
    graph = graphOf(model);
    built.set(model, graph);
  }
  return graph;
}

function graphOf(model: CaseModel): CaseGraph {
  const edges: GraphEdge[] = model.relations.map((relation) => ({
    key: relation.key,
    source: relation.from,
    target: relation.to,
    kind: 'relation',
    rel: relation.rel,
    confidence: relation.confidence,
    sourceCount: sourceIdsOf(relation.sources).length,
    since: relation.since,
    until: relation.until,
    known: earliestPublication(model, sourceIdsOf(relation.sources)),
  }));
  const linked = new Set(edges.map((edge) => pairKey(edge.source, edge.target)));
  for (const entity of model.entities) {
    for (const target of model.mentionsFrom(entity.id)) {
      const pair = pairKey(entity.id, target);
      if (linked.has(pair) || !model.entity(target)) continue;
      linked.add(pair);
      edges.push({ key: `${entity.id}>${target}`, source: entity.id, target, kind: 'mention', sourceCount: 0 });
    }
  }
  const degree = new Map<string, number>();
  for (const edge of edges) {
    degree.set(edge.source, (degree.get(edge.source) ?? 0) + 1);
    degree.set(edge.target, (degree.get(edge.target) ?? 0) + 1);
  }
  const nodes = model.entities
    .map((entity) => ({
      id: entity.id,
      type: entity.type,
      name: entity.name,
      native: entity.native,
      lang: entity.nativeLang,
      aliases: entity.aliases.map((alias) => alias.name),
      summary: entity.summary,
      degree: degree.get(entity.id) ?? 0,
    }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { nodes, edges };
}

/** The earliest publication date among sources (ids without the `sources/` prefix); undefined when none is dated. */
function earliestPublication(model: CaseModel, sources: readonly string[]): string | undefined {
  let earliest: string | undefined;
  for (const id of sources) {
    const entry = model.get(`sources/${id}`);
    const date = entry?.kind === 'source' ? entry.data.date : undefined;
    if (date !== undefined && (earliest === undefined || date < earliest)) earliest = date;
  }
  return earliest;
}

/** An unordered pair key for two ids. */
function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** One step from a node: the edge taken and the node reached. */
export interface Step {
  /** Index of the edge in the graph's edge list. */
  edge: number;
  /** The node reached. */
  other: string;
}

/** Adjacency lists of a graph, built once per graph. */
export function adjacencyOf(graph: Pick<CaseGraph, 'edges'>): Map<string, Step[]> {
  const adjacency = new Map<string, Step[]>();
  graph.edges.forEach((edge, index) => {
    const out = adjacency.get(edge.source);
    if (out) out.push({ edge: index, other: edge.target });
    else adjacency.set(edge.source, [{ edge: index, other: edge.target }]);
    const back = adjacency.get(edge.target);
    if (back) back.push({ edge: index, other: edge.source });
    else adjacency.set(edge.target, [{ edge: index, other: edge.source }]);
  });
  return adjacency;
}

/** Which edges a traversal may use. */
export type EdgeFilter = (edge: GraphEdge) => boolean;

/** Every edge passes. */
const anyEdge: EdgeFilter = () => true;

/** A node's neighbourhood: the node, everything within `depth` steps, and the edges among them. */
export interface Neighbourhood {
  /** Node ids with their distance from the centre. */
  distance: Map<string, number>;
  /** Indexes of edges whose both ends are in the neighbourhood. */
  edges: number[];
}

/** Breadth-first neighbourhood of a node, up to `depth` steps. */
export function neighbourhood(
  graph: Pick<CaseGraph, 'edges'>,
  adjacency: ReadonlyMap<string, readonly Step[]>,
  centre: string,
  depth: number,
  filter: EdgeFilter = anyEdge,
): Neighbourhood {
  const distance = new Map<string, number>([[centre, 0]]);
  let frontier = [centre];
  for (let d = 1; d <= depth && frontier.length > 0; d++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const step of adjacency.get(id) ?? []) {
        const edge = graph.edges[step.edge];
        if (!edge || !filter(edge) || distance.has(step.other)) continue;
        distance.set(step.other, d);
        next.push(step.other);
      }
    }
    frontier = next;
  }
  const edges: number[] = [];
  const seen = new Set<number>();
  for (const id of distance.keys()) {
    for (const step of adjacency.get(id) ?? []) {
      const edge = graph.edges[step.edge];
      if (!edge || seen.has(step.edge) || !filter(edge) || !distance.has(step.other)) continue;
      seen.add(step.edge);
      edges.push(step.edge);
    }
  }
  edges.sort((a, b) => a - b);
  return { distance, edges };
}

/** A chain of evidence: the nodes from start to end and the edge between each pair. */
export interface GraphPath {
  /** Node ids, start first. */
  nodes: string[];
  /** Edge indexes, one per hop. */
  edges: number[];
}

/** The part of the graph a report focuses on: the chosen entities and the edges among them. */
export function focusSubgraph(model: CaseModel, ids: readonly string[]): CaseGraph {
  const graph = buildCaseGraph(model);
  const chosen = new Set(ids.filter((id) => model.entity(id)));
  return {
    nodes: graph.nodes.filter((node) => chosen.has(node.id)),
    edges: graph.edges.filter((edge) => chosen.has(edge.source) && chosen.has(edge.target)),
  };
}
