import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CaseModel } from '../lib/case.ts';
import { getCase } from './checked-case.ts';
import { adjacencyOf, buildCaseGraph, type CaseGraph, type GraphEdge, type Step } from '../lib/graph.ts';
import { layoutGraph, type LayoutPoint } from '../lib/layout.ts';

/**
 * The case graph as the pages see it: built, indexed and laid out once per build, shared by
 * /graph.json, the explorer page, its table pages and every dossier's local graph. Each is kept
 * for the model it came from: under `astro dev` the model is a new one after an edit.
 */

/** The graph with what the pages need beside it. */
export interface SiteGraph {
  /** Nodes and edges. */
  graph: CaseGraph;
  /** Adjacency lists, for neighbourhoods. */
  adjacency: Map<string, Step[]>;
}

const indexed = new WeakMap<CaseModel, SiteGraph>();
const laidOut = new WeakMap<CaseModel, Promise<LayoutPoint[]>>();

/** The case graph and its adjacency, built once. */
export async function getSiteGraph(): Promise<SiteGraph> {
  const model = await getCase();
  let site = indexed.get(model);
  if (!site) {
    const graph = buildCaseGraph(model);
    site = { graph, adjacency: adjacencyOf(graph) };
    indexed.set(model, site);
  }
  return site;
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
export async function getLayout(): Promise<LayoutPoint[]> {
  const model = await getCase();
  const known = laidOut.get(model);
  if (known) return known;
  const layout = getSiteGraph().then(({ graph }) => {
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
  laidOut.set(model, layout);
  return layout;
}

/** Site path (without the base) of a page of the table that mirrors the whole graph, from 1. */
export function twinPagePath(page: number): string {
  return `/graph/table/${page}/`;
}

/** Rows per page of the table that mirrors the whole graph: long enough to browse, short enough to load. */
export const TWIN_PAGE_SIZE = 250;

const collator = new Intl.Collator('en', { sensitivity: 'base' });

/** The table that mirrors the graph, in pages. */
export interface TwinTable {
  /** Edges of each page. */
  pages: GraphEdge[][];
  /** Name of the first and last entity the links of each page start from. */
  ranges: [string, string][];
}

/** The graph's edges as the table lists them (by the declaring end's name, then relation, then the other end), in pages. */
export async function getTwinTable(): Promise<TwinTable> {
  const { graph } = await getSiteGraph();
  const nameOf = new Map(graph.nodes.map((node) => [node.id, node.name]));
  const sorted = [...graph.edges].sort(
    (a, b) =>
      collator.compare(nameOf.get(a.source) ?? '', nameOf.get(b.source) ?? '') ||
      a.source.localeCompare(b.source) ||
      (a.kind === b.kind ? 0 : a.kind === 'relation' ? -1 : 1) ||
      (a.rel ?? '').localeCompare(b.rel ?? '') ||
      collator.compare(nameOf.get(a.target) ?? '', nameOf.get(b.target) ?? '') ||
      a.target.localeCompare(b.target),
  );
  const pages: GraphEdge[][] = [];
  for (let i = 0; i < sorted.length; i += TWIN_PAGE_SIZE) pages.push(sorted.slice(i, i + TWIN_PAGE_SIZE));
  if (pages.length === 0) pages.push([]);
  const ranges = pages.map((page): [string, string] => [
    nameOf.get(page[0]?.source ?? '') ?? '',
    nameOf.get(page.at(-1)?.source ?? '') ?? '',
  ]);
  return { pages, ranges };
}
