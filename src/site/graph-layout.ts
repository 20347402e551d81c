import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CaseGraph } from '../lib/graph.ts';
import { layoutGraph, type LayoutPoint } from '../lib/layout.ts';

/**
 * The build-time layout of the whole case graph, for graph.json and the GEXF and GraphML exports.
 * It is the slow part of the data files (seconds at 5,000 entities), so it is kept under
 * node_modules/.astro by a hash of what it is computed from (an author's next build skips it when no
 * entity or relationship changed); a build computes it on the data files' own thread while the pages
 * render (src/integrations/data-files-worker.ts).
 */

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

const layouts = new WeakMap<CaseGraph, LayoutPoint[]>();

/**
 * The layout of a case graph (once per graph): from the cache when the same graph was laid out
 * before, else computed. The layout is deterministic and JSON keeps every number exactly, so a cached
 * layout is the very one a cold build computes.
 */
export function caseLayout(graph: CaseGraph): LayoutPoint[] {
  const known = layouts.get(graph);
  if (known) return known;
  const input = {
    nodes: graph.nodes,
    edges: graph.edges.map((edge) => ({ ...edge, weak: edge.kind === 'mention' })),
  };
  const digest = createHash('sha256')
    .update(`${LAYOUT_VERSION}\n${JSON.stringify(input)}`)
    .digest('hex');
  const file = path.join(LAYOUT_CACHE, `${digest.slice(0, 24)}.json`);
  const cached = cachedLayout(file, input.nodes.length);
  if (cached) {
    layouts.set(graph, cached);
    return cached;
  }
  const points = layoutGraph(input);
  mkdirSync(LAYOUT_CACHE, { recursive: true });
  writeFileSync(file, JSON.stringify(points));
  layouts.set(graph, points);
  return points;
}
