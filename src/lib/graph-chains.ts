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
 * Yen's k-shortest-paths algorithm over that order. graphology-shortest-path answers single
 * shortest paths only, and graphology-simple-path enumerates every simple path (exponential on a
 * case of thousands of entities), so the search is written here on a compact index of the graph:
 * each "best path" is a bottleneck search (the weakest grade a path needs, over six buckets)
 * followed by a breadth-first search among links at least that strong.
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
  const rank = Uint8Array.from(graph.edges, (e) => (e.confidence ? confidenceRank(e.confidence) : MENTION_RANK));
  const index = { ids, indexOf, offsets, other, edge, rank };
  indexes.set(graph, index);
  return index;
}

/** Reusable scratch arrays for one search (allocated once per call of {@link bestChains}). */
interface Scratch {
  best: Uint8Array;
  viaEdge: Int32Array;
  viaNode: Int32Array;
  stamp: Int32Array;
  round: number;
}

/**
 * The best path from `from` to `to` (node indexes) avoiding blocked nodes and edges: the smallest
 * weakest-link rank it can have (at least `floor`, the rank the chain's root already carries), then
 * the fewest hops among links no weaker than that. Undefined when none.
 */
function bestPath(
  index: ChainIndex,
  scratch: Scratch,
  from: number,
  to: number,
  usable: (edge: number) => boolean,
  blocked: (node: number) => boolean,
  floor: number,
): { nodes: number[]; edges: number[]; weakest: number } | undefined {
  const { offsets, other, edge, rank } = index;
  // Bottleneck search: bucket b holds nodes reachable with every link of rank ≤ b.
  scratch.round++;
  const { best, stamp } = scratch;
  const round = scratch.round;
  const buckets: number[][] = Array.from({ length: MENTION_RANK + 1 }, () => []);
  stamp[from] = round;
  best[from] = 0;
  buckets[0]?.push(from);
  let weakest = -1;
  for (let b = 0; b <= MENTION_RANK && weakest < 0; b++) {
    const bucket = buckets[b] ?? [];
    for (let q = 0; q < bucket.length; q++) {
      const node = bucket[q] ?? 0;
      if ((best[node] ?? 0) !== b) continue;
      if (node === to) {
        weakest = b;
        break;
      }
      for (let s = offsets[node] ?? 0; s < (offsets[node + 1] ?? 0); s++) {
        const e = edge[s] ?? 0;
        const next = other[s] ?? 0;
        if (!usable(e) || (next !== to && blocked(next))) continue;
        const through = Math.max(b, rank[e] ?? MENTION_RANK);
        if (stamp[next] !== round || through < (best[next] ?? 0)) {
          stamp[next] = round;
          best[next] = through;
          buckets[through]?.push(next);
        }
      }
    }
  }
  if (weakest < 0) return undefined;
  const limit = Math.max(weakest, floor);
  // Fewest hops among links no weaker than the limit.
  scratch.round++;
  const seen = scratch.round;
  const { viaEdge, viaNode } = scratch;
  stamp[from] = seen;
  let frontier = [from];
  let found = false;
  while (frontier.length > 0 && !found) {
    const next: number[] = [];
    for (const node of frontier) {
      for (let s = offsets[node] ?? 0; s < (offsets[node + 1] ?? 0); s++) {
        const e = edge[s] ?? 0;
        const reached = other[s] ?? 0;
        if (stamp[reached] === seen || (rank[e] ?? MENTION_RANK) > limit || !usable(e)) continue;
        if (reached !== to && blocked(reached)) continue;
        stamp[reached] = seen;
        viaEdge[reached] = e;
        viaNode[reached] = node;
        if (reached === to) {
          found = true;
          break;
        }
        next.push(reached);
      }
      if (found) break;
    }
    frontier = next;
  }
  if (!found) return undefined;
  const nodes = [to];
  const edges: number[] = [];
  for (let node = to; node !== from; node = viaNode[node] ?? from) {
    edges.push(viaEdge[node] ?? 0);
    nodes.push(viaNode[node] ?? from);
  }
  nodes.reverse();
  edges.reverse();
  let worst = 0;
  for (const e of edges) worst = Math.max(worst, rank[e] ?? MENTION_RANK);
  return { nodes, edges, weakest: worst };
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
  const n = index.ids.length;
  const scratch: Scratch = {
    best: new Uint8Array(n),
    viaEdge: new Int32Array(n),
    viaNode: new Int32Array(n),
    stamp: new Int32Array(n),
    round: 0,
  };
  const avoided = new Uint8Array(n);
  for (const id of avoid ?? []) {
    const i = index.indexOf.get(id);
    if (i !== undefined && i !== start && i !== end) avoided[i] = 1;
  }
  const usableEdge = Uint8Array.from(graph.edges, (edge, e) => {
    if (edge.kind === 'mention' && !mentions) return 0;
    if (edge.rel && avoidRelations?.has(edge.rel)) return 0;
    return !allow || allow(edge, e) ? 1 : 0;
  });
  const rankOf = (edges: readonly number[]) => {
    let weakest = 0;
    let total = 0;
    for (const e of edges) {
      const r = index.rank[e] ?? MENTION_RANK;
      weakest = Math.max(weakest, r);
      total += r;
    }
    return { weakest, total };
  };
  const toChain = (nodes: readonly number[], edges: readonly number[]): RankedChain => ({
    nodes: nodes.map((i) => index.ids[i] ?? ''),
    edges: [...edges],
    ...rankOf(edges),
  });

  const first = bestPath(
    index,
    scratch,
    start,
    end,
    (e) => usableEdge[e] === 1,
    (node) => avoided[node] === 1,
    0,
  );
  if (!first) return [];
  const found: { nodes: number[]; edges: number[]; chain: RankedChain }[] = [
    { nodes: first.nodes, edges: first.edges, chain: toChain(first.nodes, first.edges) },
  ];
  const candidates = new Map<string, { nodes: number[]; edges: number[]; chain: RankedChain }>();
  const keyOf = (edges: readonly number[]) => edges.join(',');
  const known = new Set([keyOf(first.edges)]);
  while (found.length < k) {
    const last = found[found.length - 1];
    if (!last) break;
    // Yen: deviate from the last chain at each of its nodes in turn.
    for (let i = 0; i < last.nodes.length - 1; i++) {
      const spur = last.nodes[i] ?? start;
      const rootNodes = last.nodes.slice(0, i + 1);
      const rootEdges = last.edges.slice(0, i);
      const cut = new Set<number>();
      for (const path of found) {
        if (path.edges.length > i && rootEdges.every((e, j) => path.edges[j] === e)) cut.add(path.edges[i] ?? -1);
      }
      const inRoot = new Set(rootNodes.slice(0, -1));
      const floor = rankOf(rootEdges).weakest;
      const tail = bestPath(
        index,
        scratch,
        spur,
        end,
        (e) => usableEdge[e] === 1 && !cut.has(e),
        (node) => avoided[node] === 1 || inRoot.has(node),
        floor,
      );
      if (!tail) continue;
      const nodes = [...rootNodes.slice(0, -1), ...tail.nodes];
      const edges = [...rootEdges, ...tail.edges];
      const key = keyOf(edges);
      if (known.has(key) || candidates.has(key)) continue;
      candidates.set(key, { nodes, edges, chain: toChain(nodes, edges) });
    }
    let pick: string | undefined;
    for (const [key, candidate] of candidates) {
      const current = pick === undefined ? undefined : candidates.get(pick);
      if (!current || compareChains(candidate.chain, current.chain) < 0) pick = key;
    }
    const next = pick === undefined ? undefined : candidates.get(pick);
    if (!next || pick === undefined) break;
    candidates.delete(pick);
    known.add(pick);
    found.push(next);
  }
  return found.map((path) => path.chain).sort(compareChains);
}
