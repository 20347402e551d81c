import { ENTITY_TYPES } from './schema/entity-types.ts';
import { confidenceRank, type Confidence } from './schema/confidence.ts';
import { adjacencyOf, neighbourhood, type GraphNode, type Step } from './graph.ts';
import { MENTION_RANK } from './graph-chains.ts';
import { edgeKindPasses, edgeLabelFrom, type GraphView } from './graph-view.ts';
import type { LaidOutGraph } from './graph-data.ts';

/**
 * The explorer's scene: the case graph in flat arrays the canvas draws from every frame, and what a
 * view puts in scope. Pure (no DOM), so what the reader sees for a view is decided, and tested, here;
 * the canvas only paints it.
 */

/** What a node or edge is, under the current view. */
export const HIDDEN = 0;
/** Drawn faintly: out of scope, kept as context. */
export const FADED = 1;
/** Drawn at full strength. */
export const IN_SCOPE = 2;

/** The graph in flat arrays, indexed by node and edge number. */
export interface Scene {
  /** Layout x of each node. */
  xs: Float64Array;
  /** Layout y of each node. */
  ys: Float64Array;
  /** Index into ENTITY_TYPES of each node. */
  types: Uint8Array;
  /** Base radius of each node in CSS pixels at the fitted zoom. */
  radii: Float32Array;
  /** Full name of each node (labels are shortened only where there is no room). */
  labels: string[];
  /** Node indexes, most connected first: the order labels are placed in after the emphasised ones. */
  labelOrder: Uint32Array;
  /** Source node of each edge. */
  sources: Uint32Array;
  /** Target node of each edge. */
  targets: Uint32Array;
  /** Line style of each edge: a confidence rank (0 confirmed … 4 unverified), or MENTION_RANK. */
  styles: Uint8Array;
  /** Per node: HIDDEN, FADED or IN_SCOPE. */
  nodeScope: Uint8Array;
  /** Indexes of the edges in scope. */
  edgesInScope: Uint32Array;
  /** Indexes of the edges drawn faded. */
  edgesFaded: Uint32Array;
  /** Per edge: HIDDEN, FADED or IN_SCOPE. */
  edgeScope: Uint8Array;
}

/** The radius a node is drawn with: bigger for the better connected, within limits. */
export function nodeRadius(degree: number): number {
  return Math.min(12, 3 + 1.3 * Math.sqrt(degree));
}

/** Flat arrays of a laid-out graph, with everything in scope. */
export function buildScene(data: LaidOutGraph): Scene {
  const { nodes, edges, positions } = data;
  const n = nodes.length;
  const types = new Uint8Array(n);
  const radii = new Float32Array(n);
  nodes.forEach((node, i) => {
    types[i] = ENTITY_TYPES.indexOf(node.type);
    radii[i] = nodeRadius(node.degree);
  });
  const labelOrder = Uint32Array.from(nodes.keys()).sort(
    (a, b) => (nodes[b]?.degree ?? 0) - (nodes[a]?.degree ?? 0) || a - b,
  );
  return {
    xs: Float64Array.from(positions, (p) => p[0]),
    ys: Float64Array.from(positions, (p) => p[1]),
    types,
    radii,
    labels: nodes.map((node) => node.name),
    labelOrder,
    sources: Uint32Array.from(edges, (_, e) => data.ends[2 * e] ?? 0),
    targets: Uint32Array.from(edges, (_, e) => data.ends[2 * e + 1] ?? 0),
    styles: Uint8Array.from(edges, (e) => (e.confidence ? confidenceRank(e.confidence) : MENTION_RANK)),
    nodeScope: new Uint8Array(n).fill(IN_SCOPE),
    edgesInScope: Uint32Array.from(edges.keys()),
    edgesFaded: new Uint32Array(0),
    edgeScope: new Uint8Array(edges.length).fill(IN_SCOPE),
  };
}

/** How many nodes and edges a view keeps in scope. */
export interface ScopeCounts {
  /** Nodes in scope. */
  nodes: number;
  /** Edges in scope. */
  edges: number;
}

const adjacencies = new WeakMap<LaidOutGraph, Map<string, Step[]>>();

/** The graph's adjacency lists, built once per graph. */
export function adjacencyOfGraph(data: LaidOutGraph): Map<string, Step[]> {
  let adjacency = adjacencies.get(data);
  if (!adjacency) {
    adjacency = adjacencyOf(data);
    adjacencies.set(data, adjacency);
  }
  return adjacency;
}

/**
 * Applies a view to the scene: entity types and link filters, the replay date, and the ego view
 * (with a focus and a depth, only what lies within that many steps of it). What falls out of scope
 * is faded, or hidden when the view says so; mentions are hidden outright when switched off, since
 * they are what turns the diagram into a hairball.
 */
export function scopeScene(scene: Scene, data: LaidOutGraph, view: GraphView): ScopeCounts {
  const { nodes, edges } = data;
  const out = view.hide ? HIDDEN : FADED;
  const typeOk = nodes.map((node) => view.types.has(node.type));
  const edgeOk = edges.map(
    (edge, e) =>
      (typeOk[scene.sources[e] ?? 0] ?? false) &&
      (typeOk[scene.targets[e] ?? 0] ?? false) &&
      edgeKindPasses(view, edge),
  );
  let ego: Set<number> | undefined;
  if (view.focus && view.depth) {
    const around = neighbourhood(data, adjacencyOfGraph(data), view.focus, view.depth, (edge) => {
      return edgeOk[Number(edge.key)] ?? false;
    });
    ego = new Set(around.edges);
    const inner = new Set(around.distance.keys());
    nodes.forEach((node, i) => (typeOk[i] = (typeOk[i] ?? false) && inner.has(node.id)));
  }
  let nodeCount = 0;
  nodes.forEach((_, i) => {
    const keep = typeOk[i] ?? false;
    scene.nodeScope[i] = keep ? IN_SCOPE : out;
    if (keep) nodeCount++;
  });
  const inScope: number[] = [];
  const faded: number[] = [];
  edges.forEach((edge, e) => {
    const keep = (edgeOk[e] ?? false) && (!ego || ego.has(e));
    const mentionOff = edge.kind === 'mention' && !edgeKindPasses(view, edge);
    const scope = keep ? IN_SCOPE : mentionOff ? HIDDEN : out;
    scene.edgeScope[e] = scope;
    if (scope === IN_SCOPE) inScope.push(e);
    else if (scope === FADED) faded.push(e);
  });
  scene.edgesInScope = Uint32Array.from(inScope);
  scene.edgesFaded = Uint32Array.from(faded);
  return { nodes: nodeCount, edges: inScope.length };
}

/** What to bring forward: a pointed or focused neighbourhood, traced chains, a chosen edge. */
export interface Emphasis {
  /** Nodes drawn at full strength, and labelled whatever the crowding. */
  nodes: ReadonlySet<number>;
  /** Edges drawn at full strength. */
  edges: ReadonlySet<number>;
  /** Edges of traced chains (thick, in the accent colour). */
  path: ReadonlySet<number>;
  /** Nodes ringed (the focus, a chain's ends). */
  ringed: ReadonlySet<number>;
  /** The edge pointed at or chosen from the keyboard, if any. */
  edge: number | undefined;
}

/** What the reader is attending to. */
export interface Attention {
  /** Node under the pointer. */
  node: number | undefined;
  /** Edge under the pointer, or chosen from the keyboard. */
  edge: number | undefined;
  /** Node in focus. */
  focus: number | undefined;
  /** Traced chains, as node indexes and edge indexes. */
  chains: readonly { nodes: readonly number[]; edges: readonly number[] }[];
}

/**
 * What to bring forward for what the reader attends to: traced chains (their nodes, edges and
 * ends); else the pointed-at or focused entity with its neighbours and the links to them in scope;
 * and the chosen edge with its two ends. Undefined when nothing is attended to.
 */
export function emphasisOf(scene: Scene, data: LaidOutGraph, attention: Attention): Emphasis | undefined {
  const { edge, chains } = attention;
  const ends = edge === undefined ? [] : [scene.sources[edge] ?? 0, scene.targets[edge] ?? 0];
  if (chains.length > 0) {
    const nodes = new Set<number>(ends);
    const path = new Set<number>();
    for (const chain of chains) {
      for (const i of chain.nodes) nodes.add(i);
      for (const e of chain.edges) path.add(e);
    }
    const first = chains[0];
    const ringed = new Set([first?.nodes[0] ?? 0, first?.nodes.at(-1) ?? 0]);
    return { nodes, edges: new Set(), path, ringed, edge };
  }
  const centre = attention.node ?? attention.focus;
  const ringed = new Set(attention.focus === undefined ? [] : [attention.focus]);
  if (centre === undefined) {
    return edge === undefined ? undefined : { nodes: new Set(ends), edges: new Set(), path: new Set(), ringed, edge };
  }
  const nodes = new Set([centre, ...ends]);
  const edges = new Set<number>();
  for (const step of adjacencyOfGraph(data).get(data.nodes[centre]?.id ?? '') ?? []) {
    if (scene.edgeScope[step.edge] !== IN_SCOPE) continue;
    edges.add(step.edge);
    nodes.add(neighbourIndex(scene, step.edge, centre));
  }
  return { nodes, edges, path: new Set(), ringed, edge };
}

/** The other end of an edge, by node index. */
function neighbourIndex(scene: Scene, edge: number, from: number): number {
  const s = scene.sources[edge] ?? 0;
  return s === from ? (scene.targets[edge] ?? 0) : s;
}

/** One edge as read from one of its ends. */
export interface EdgeSummary {
  /** Edge index. */
  index: number;
  /** The entity read from. */
  from: GraphNode;
  /** The entity at the other end. */
  to: GraphNode;
  /** The relationship read from `from`, "operated by". */
  label: string;
  /** Its grade; undefined for a mention. */
  confidence: Confidence | undefined;
  /** How many sources support it. */
  sources: number;
}

/** An edge in words, read from node `from` (its declaring end when undefined). */
export function edgeSummary(scene: Scene, data: LaidOutGraph, index: number, from?: number): EdgeSummary | undefined {
  const edge = data.edges[index];
  if (!edge) return undefined;
  const start = from ?? scene.sources[index] ?? 0;
  const a = data.nodes[start];
  const b = data.nodes[neighbourIndex(scene, index, start)];
  if (!a || !b) return undefined;
  return {
    index,
    from: a,
    to: b,
    label: edgeLabelFrom(edge, a.id),
    confidence: edge.confidence,
    sources: edge.sourceCount,
  };
}

/** The links in scope of one node, typed relationships first, each group by label then name. */
export function linksInScope(scene: Scene, data: LaidOutGraph, node: number): EdgeSummary[] {
  return (adjacencyOfGraph(data).get(data.nodes[node]?.id ?? '') ?? [])
    .filter((step) => scene.edgeScope[step.edge] === IN_SCOPE)
    .flatMap((step) => edgeSummary(scene, data, step.edge, node) ?? [])
    .sort(
      (a, b) =>
        Number(a.confidence === undefined) - Number(b.confidence === undefined) ||
        a.label.localeCompare(b.label) ||
        a.to.name.localeCompare(b.to.name),
    );
}
