import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { getCase } from './checked-case.ts';
import { adjacencyOf, buildCaseGraph, type CaseGraph, type Step } from '../lib/graph.ts';
import { layoutGraph, type LayoutPoint } from '../lib/layout.ts';
import { twinTable, type TwinTable } from '../lib/twin-table.ts';

/**
 * The case graph as the pages see it: built, indexed and laid out once per build, shared by
 * /graph.json, the explorer page, its table pages and every dossier's local graph.
 */

/** The graph with what the pages need beside it. */
export interface SiteGraph {
  /** Nodes and edges. */
  graph: CaseGraph;
  /** Adjacency lists, for neighbourhoods. */
  adjacency: Map<string, Step[]>;
}

let indexed: Promise<SiteGraph> | undefined;
let laidOut: Promise<LayoutPoint[]> | undefined;

/** The case graph and its adjacency, built once. */
export function getSiteGraph(): Promise<SiteGraph> {
  indexed ??= getCase().then((model) => {
    const graph = buildCaseGraph(model);
    return { graph, adjacency: adjacencyOf(graph) };
  });
  return indexed;
}

// Raise when src/lib/layout.ts places nodes differently, so cached layouts are computed again.
const LAYOUT_VERSION = 'layout-1';
// Under Astro's cache folder, so whatever clears it for a cold build (the benchmark does) clears this too.
const LAYOUT_CACHE = path.resolve('node_modules/.astro/casefile/layout');

/** A layout read back from the cache: every point a pair of finite numbers, else none. */
function cachedLayout(file: string, nodes: number): LayoutPoint[] | undefined {
  if (!existsSync(file)) return undefined;
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(parsed) || parsed.length !== nodes) return undefined;
  const points: LayoutPoint[] = [];
  for (const point of parsed as unknown[]) {
    if (!Array.isArray(point) || point.length !== 2) return undefined;
    const [x, y] = point as unknown[];
    if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) return undefined;
    points.push([x, y]);
  }
  return points;
}

/**
 * The build-time layout of the whole case, computed once (the slow part: seconds at 5,000 entities).
 * It is kept under node_modules/.astro by a hash of what it is computed from, so an author's next
 * build skips it when no entity or relationship changed. The layout is deterministic and JSON keeps
 * every number exactly, so a cached layout is the very one a cold build computes.
 */
export function getLayout(): Promise<LayoutPoint[]> {
  laidOut ??= getSiteGraph().then(({ graph }) => {
    const input = {
      nodes: graph.nodes,
      edges: graph.edges.map((edge) => ({ ...edge, weak: edge.kind === 'mention' })),
    };
    const digest = createHash('sha256')
      .update(`${LAYOUT_VERSION}\n${JSON.stringify(input)}`)
      .digest('hex');
    const file = path.join(LAYOUT_CACHE, `${digest.slice(0, 24)}.json`);
    const cached = cachedLayout(file, input.nodes.length);
    if (cached) return cached;
    const points = layoutGraph(input);
    mkdirSync(LAYOUT_CACHE, { recursive: true });
    writeFileSync(file, JSON.stringify(points));
    return points;
  });
  return laidOut;
}

/** Site path (without the base) of a page of the table that mirrors the whole graph, from 1. */
export function twinPagePath(page: number): string {
  return `/graph/table/${page}/`;
}

/** The graph's edges as the table lists them, in pages (src/lib/twin-table.ts). */
export async function getTwinTable(): Promise<TwinTable> {
  const { graph } = await getSiteGraph();
  return twinTable(graph);
}
