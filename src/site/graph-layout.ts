import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CaseGraph } from '../lib/graph.ts';
import { layoutGraph, type LayoutInput, type LayoutPoint } from '../lib/layout.ts';

/**
 * The build-time layout of the whole case graph, for graph.json and the GEXF and GraphML exports.
 * It is the slow part of the data files (seconds at 5,000 entities), so it is kept under
 * node_modules/.astro by a hash of what it is computed from (an author's next build skips it when no
 * entity or relationship changed), and a build computes it on a worker thread while the pages render.
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

/** Lays a graph out on a worker thread (src/integrations/layout-worker.ts runs layoutGraph). */
function layoutOnWorker(input: LayoutInput): Promise<LayoutPoint[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../integrations/layout-worker.ts', import.meta.url), { workerData: input });
    worker.once('message', (points: LayoutPoint[]) => resolve(points));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the graph layout stopped (worker exit ${code})`));
    });
  });
}

const layouts = new WeakMap<CaseGraph, Promise<LayoutPoint[]>>();

/**
 * The layout of a case graph (once per graph): from the cache when the same graph was laid out
 * before, else computed, on a worker thread when `onWorker`. The layout is deterministic and JSON
 * keeps every number exactly, so a cached layout, or one computed on another thread, is the very one
 * this thread would compute.
 */
export function caseLayout(graph: CaseGraph, options: { onWorker?: boolean } = {}): Promise<LayoutPoint[]> {
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
  const computed = cached
    ? Promise.resolve(cached)
    : (options.onWorker
        ? layoutOnWorker({
            // Only what the layout reads, to keep the copy to the worker small.
            nodes: input.nodes.map((node) => ({ id: node.id })),
            edges: input.edges.map(({ source, target, weak }) => ({ source, target, weak })),
          })
        : Promise.resolve(layoutGraph(input))
      ).then((points) => {
        mkdirSync(LAYOUT_CACHE, { recursive: true });
        writeFileSync(file, JSON.stringify(points));
        return points;
      });
  layouts.set(graph, computed);
  return computed;
}
