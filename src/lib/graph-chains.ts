import type { CaseGraph, GraphEdge, GraphPath } from './graph.ts';
import type { RelationKey } from './schema/relations.ts';
import { CONFIDENCE_LEVELS, confidenceRank } from './schema/confidence.ts';

/**
 * The chains an investigator can defend: the k best simple paths between two entities, ranked by
 * strength. A chain is as strong as its weakest hop, so chains are ordered by the grade of their
 * weakest link first (a long chain of confirmed links beats a short one through an unverified
 * claim), then by the number of hops, then by the grades of all their hops, then by the names
 * along them (so the same case always gives the same order).
 *
 * The chains offered are distinct lines of argument: each leaves the start by a different link or
 * reaches the end by a different link from every chain ranked above it, no two pass through the same
 * entities, and none is a detour (a chain two of whose entities are also linked directly, at least as
 * strongly as its weakest link: the direct chain says the same, shorter). For every link at either
 * end, the best chain through it is read from shortest-path trees grown from the other end, one per
 * grade threshold, so a search costs a dozen passes over the graph whatever the degree of its ends.
 *
 * graphology-shortest-path answers single shortest paths only, and graphology-simple-path enumerates
 * every simple path (exponential on a case of thousands of entities), so the search is written here
 * on a compact index of the graph.
 */

/** The rank given to a mention: weaker than every grade. */
export const MENTION_RANK = CONFIDENCE_LEVELS.length;

/** What a chain may pass through. */
export interface ChainOptions {
  /** How many chains at most (default 3). */
  k?: number;
  /** Entities no chain may pass through (its two ends are never avoided). */
  avoid?: ReadonlySet<string>;
  /** Relation types no chain may use. */
  avoidRelations?: ReadonlySet<RelationKey>;
  /** Whether chains may use body mentions (default false: typed relationships only). */
  mentions?: boolean;
  /** Any further test an edge must pass, e.g. the explorer's filters; by edge index. */
  allow?: (edge: GraphEdge, index: number) => boolean;
}

/** A chain with what it is ranked by. */
export interface RankedChain extends GraphPath {
  /** Rank of its weakest hop: 0 confirmed … 4 unverified, 5 a mention. */
  weakest: number;
  /** Sum of its hops' ranks, the tie-break after length. */
  total: number;
}

/** The graph as arrays, for searches that must stay fast on thousands of entities. */
export interface ChainIndex {
  /** Node ids, by index. */
  ids: readonly string[];
  /** Node index by id. */
  indexOf: ReadonlyMap<string, number>;
  /** Start of each node's steps in `steps` (length nodes + 1). */
  offsets: Int32Array;
  /** Per step: the node reached. */
  other: Int32Array;
  /** Per step: the edge taken. */
  edge: Int32Array;
  /** Per edge: its rank (grade, or MENTION_RANK). */
  rank: Uint8Array;
}

const indexes = new WeakMap<object, ChainIndex>();

/** The compact index of a graph, built once per graph. */
export function chainIndex(graph: Pick<CaseGraph, 'nodes' | 'edges'>): ChainIndex {
  const cached = indexes.get(graph);
  if (cached) return cached;
  const ids = graph.nodes.map((node) => node.id);
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  const degree = new Int32Array(ids.length + 1);
  const ends: [number, number][] = graph.edges.map((edge) => [
    indexOf.get(edge.source) ?? -1,
    indexOf.get(edge.target) ?? -1,
  ]);
  for (const [s, t] of ends) {
    if (s < 0 || t < 0 || s === t) continue;
    degree[s + 1] = (degree[s + 1] ?? 0) + 1;
    degree[t + 1] = (degree[t + 1] ?? 0) + 1;
  }
  const offsets = new Int32Array(ids.length + 1);
  for (let i = 1; i <= ids.length; i++) offsets[i] = (offsets[i - 1] ?? 0) + (degree[i] ?? 0);
  const fill = offsets.slice(0, ids.length);
  const total = offsets[ids.length] ?? 0;
  const other = new Int32Array(total);
  const edge = new Int32Array(total);
  ends.forEach(([s, t], e) => {
    if (s < 0 || t < 0 || s === t) return;
    const a = fill[s] ?? 0;
    other[a] = t;
    edge[a] = e;
    fill[s] = a + 1;
    const b = fill[t] ?? 0;
    other[b] = s;
    edge[b] = e;
    fill[t] = b + 1;
  });
  const rank = new Uint8Array(graph.edges.length);
  graph.edges.forEach((e, i) => (rank[i] = e.confidence ? confidenceRank(e.confidence) : MENTION_RANK));
  const index = { ids, indexOf, offsets, other, edge, rank };
  indexes.set(graph, index);
  return index;
}

/** Per threshold, the tree of fewest-hop paths to a root through links of at most that rank. */
interface Trees {
  /** Per node: the smallest weakest-link rank of a path to the root (255: none). */
  bottleneck: Uint8Array;
  /** Per threshold, lazily: hops to the root, and the next step towards it. */
  byLimit: ({ hops: Int32Array; viaEdge: Int32Array; viaNode: Int32Array } | undefined)[];
}

/**
 * Grows the bottleneck map and (lazily) the per-threshold trees from a root, each only as far as it
 * takes to settle the targets (the neighbours of the chain's other end): on a large case a search
 * then touches the part of the graph between the two ends, not all of it.
 */
function growTrees(
  index: ChainIndex,
  root: number,
  usable: (edge: number) => boolean,
  blocked: (node: number) => boolean,
  targets: readonly number[],
): Trees & { tree: (limit: number, wanted: readonly number[]) => NonNullable<Trees['byLimit'][number]> } {
  const { offsets, other, edge, rank } = index;
  const n = index.ids.length;
  const bottleneck = new Uint8Array(n).fill(255);
  bottleneck[root] = 0;
  const target = new Uint8Array(n);
  let pending = 0;
  for (const t of targets) {
    if (!target[t]) pending++;
    target[t] = 1;
  }
  const buckets: number[][] = Array.from({ length: MENTION_RANK + 1 }, () => []);
  buckets[0]?.push(root);
  settle: for (let b = 0; b <= MENTION_RANK; b++) {
    const bucket = buckets[b] ?? [];
    for (let q = 0; q < bucket.length; q++) {
      const node = bucket[q] ?? 0;
      if (bottleneck[node] !== b) continue;
      if (target[node] === 1) {
        target[node] = 2;
        if (--pending === 0) break settle;
      }
      // Paths pass through blocked entities never; they may end at one (the other end of the chain).
      if (node !== root && blocked(node)) continue;
      for (let s = offsets[node] ?? 0; s < (offsets[node + 1] ?? 0); s++) {
        const e = edge[s] ?? 0;
        if (!usable(e)) continue;
        const next = other[s] ?? 0;
        const through = Math.max(b, rank[e] ?? MENTION_RANK);
        if (through < (bottleneck[next] ?? 255)) {
          bottleneck[next] = through;
          buckets[through]?.push(next);
        }
      }
    }
  }
  const byLimit: Trees['byLimit'] = [];
  const tree = (limit: number, wanted: readonly number[]) => {
    const known = byLimit[limit];
    if (known) return known;
    const want = new Uint8Array(n);
    let left = 0;
    for (const w of wanted) {
      if (!want[w]) left++;
      want[w] = 1;
    }
    const hops = new Int32Array(n).fill(-1);
    const viaEdge = new Int32Array(n).fill(-1);
    const viaNode = new Int32Array(n).fill(-1);
    hops[root] = 0;
    const queue = new Int32Array(n);
    let tail = 0;
    queue[tail++] = root;
    search: for (let q = 0; q < tail; q++) {
      const node = queue[q] ?? 0;
      if (node !== root && blocked(node)) continue;
      for (let s = offsets[node] ?? 0; s < (offsets[node + 1] ?? 0); s++) {
        const e = edge[s] ?? 0;
        const next = other[s] ?? 0;
        if (hops[next] !== -1 || (rank[e] ?? MENTION_RANK) > limit || !usable(e)) continue;
        hops[next] = (hops[node] ?? 0) + 1;
        viaEdge[next] = e;
        viaNode[next] = node;
        queue[tail++] = next;
        if (want[next] && --left === 0) break search;
      }
    }
    const built = { hops, viaEdge, viaNode };
    byLimit[limit] = built;
    return built;
  };
  return { bottleneck, byLimit, tree };
}

/** Orders chains: weakest link, then hops, then all grades, then the names along them. */
export function compareChains(a: RankedChain, b: RankedChain): number {
  return (
    a.weakest - b.weakest ||
    a.edges.length - b.edges.length ||
    a.total - b.total ||
    (a.nodes.join('>') < b.nodes.join('>') ? -1 : a.nodes.join('>') > b.nodes.join('>') ? 1 : 0)
  );
}

/** The k best chains between two entities (by id), strongest first; empty when none joins them. */
export function bestChains(
  graph: Pick<CaseGraph, 'nodes' | 'edges'>,
  from: string,
  to: string,
  options: ChainOptions = {},
): RankedChain[] {
  const { k = 3, avoid, avoidRelations, mentions = false, allow } = options;
  const index = chainIndex(graph);
  const start = index.indexOf.get(from);
  const end = index.indexOf.get(to);
  if (start === undefined || end === undefined) return [];
  if (start === end) return [{ nodes: [from], edges: [], weakest: 0, total: 0 }];
  const avoided = new Uint8Array(index.ids.length);
  for (const id of avoid ?? []) {
    const i = index.indexOf.get(id);
    if (i !== undefined && i !== start && i !== end) avoided[i] = 1;
  }
  // A plain loop: Uint8Array.from with a mapping function is many times slower on 20,000 edges.
  const usableEdge = new Uint8Array(graph.edges.length);
  graph.edges.forEach((edge, e) => {
    const barred = (edge.kind === 'mention' && !mentions) || (edge.rel !== undefined && avoidRelations?.has(edge.rel));
    usableEdge[e] = !barred && (!allow || allow(edge, e)) ? 1 : 0;
  });
  const usable = (e: number) => usableEdge[e] === 1;
  const { offsets, other, edge, rank } = index;

  // Grown from each end, the trees give the best chain through every link at the other end.
  const sides = [
    { near: start, far: end, reversed: false },
    { near: end, far: start, reversed: true },
  ].map((side) => ({
    ...side,
    trees: growTrees(
      index,
      side.far,
      usable,
      (node) => avoided[node] === 1 || node === side.near,
      Array.from(other.subarray(offsets[side.near] ?? 0, offsets[side.near + 1] ?? 0)),
    ),
  }));
  // Each usable link at either end, with the weakest grade a chain through it cannot avoid.
  const links = sides.flatMap((side) => {
    const out: { side: (typeof sides)[number]; e: number; first: number; limit: number }[] = [];
    for (let s = offsets[side.near] ?? 0; s < (offsets[side.near + 1] ?? 0); s++) {
      const e = edge[s] ?? 0;
      const first = other[s] ?? 0;
      if (!usable(e) || (first !== side.far && avoided[first] === 1)) continue;
      const reach = side.trees.bottleneck[first] ?? 255;
      if (reach !== 255) out.push({ side, e, first, limit: Math.max(reach, rank[e] ?? MENTION_RANK) });
    }
    return out;
  });
  /** The best chain through one link: the link, then the tree's path from its far end. */
  const through = ({ side, e, first, limit }: (typeof links)[number]): { nodes: number[]; chain: RankedChain } => {
    // The tree for this limit was grown (towards every link of the batch) before the batch is read.
    const { viaEdge, viaNode } = side.trees.tree(limit, []);
    let nodes = [side.near, first];
    let edges = [e];
    for (let node = first; node !== side.far; node = viaNode[node] ?? side.far) {
      edges.push(viaEdge[node] ?? 0);
      nodes.push(viaNode[node] ?? side.far);
    }
    if (side.reversed) {
      nodes = nodes.reverse();
      edges = edges.reverse();
    }
    let total = 0;
    for (const x of edges) total += rank[x] ?? MENTION_RANK;
    return { nodes, chain: { nodes: nodes.map((i) => index.ids[i] ?? ''), edges, weakest: limit, total } };
  };

  /** A detour: two of the chain's entities, not next to each other, linked at least as strongly as its weakest link. */
  const detour = (nodes: readonly number[], weakest: number) => {
    const position = new Map(nodes.map((node, i) => [node, i]));
    return nodes.some((node, i) => {
      for (let s = offsets[node] ?? 0; s < (offsets[node + 1] ?? 0); s++) {
        const j = position.get(other[s] ?? -1);
        const e = edge[s] ?? 0;
        if (j !== undefined && j > i + 1 && usable(e) && (rank[e] ?? MENTION_RANK) <= weakest) return true;
      }
      return false;
    });
  };
  const offered: RankedChain[] = [];
  const routes = new Set<string>();
  // A chain through a link is exactly as weak as that link's limit, so grades are taken strongest
  // first and the search stops as soon as k chains are offered: most searches grow one tree a side.
  for (let limit = 0; limit <= MENTION_RANK && offered.length < k; limit++) {
    const atLimit = links.filter((link) => link.limit === limit);
    for (const side of sides) {
      const wanted = atLimit.filter((link) => link.side === side).map((link) => link.first);
      if (wanted.length > 0) side.trees.tree(limit, wanted);
    }
    const batch = atLimit.map(through).sort((a, b) => compareChains(a.chain, b.chain));
    for (const { nodes, chain } of batch) {
      if (offered.length >= k) break;
      const route = nodes.join(',');
      if (routes.has(route)) continue;
      routes.add(route);
      const firstLink = chain.edges[0];
      const lastLink = chain.edges.at(-1);
      const distinct = offered.every((o) => o.edges[0] !== firstLink || o.edges.at(-1) !== lastLink);
      if (distinct && !detour(nodes, chain.weakest)) offered.push(chain);
    }
  }
  return offered;
}
