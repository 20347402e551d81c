import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CaseGraph } from '../lib/graph.ts';
import type { LayoutInput, LayoutPoint } from '../lib/layout.ts';

/**
 * The build-time layout of the whole case graph, for graph.json and the GEXF and GraphML exports.
 * It is the slow part of the data files (seconds at 5,000 entities), so it is kept under
 * node_modules/.astro by a hash of what it is computed from (an author's next build skips it when no
 * entity or relationship changed). It is computed on a thread of its own
 * (src/site/graph-layout-worker.ts), started as soon as the data files ask for it: their thread makes
 * every other file meanwhile. When the data files' thread laid the graph out itself, after the other
 * files, a cold build at 1,000 entities ended with the main thread idle for the last second, waiting
 * on it alone.
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

const layouts = new WeakMap<CaseGraph, Promise<LayoutPoint[]>>();

let threadCpu = 0;

/** The CPU time the layout threads this thread started have used so far, in milliseconds (for the build's log). */
export function layoutCpuMs(): number {
  return threadCpu;
}

/** The points of a layout computed on a thread of its own. */
function layoutOnThread(input: LayoutInput): Promise<LayoutPoint[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./graph-layout-worker.ts', import.meta.url), { workerData: input });
    worker.once('message', ({ points, cpuMs }: { points: LayoutPoint[]; cpuMs: number }) => {
      threadCpu += cpuMs;
      resolve(points);
    });
    worker.once('error', (error) => reject(new Error('the graph could not be laid out', { cause: error })));
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the graph could not be laid out (worker exit ${code})`));
    });
  });
}

/**
 * The layout of a case graph (once per graph): from the cache (a folder of layouts, by default under
 * Astro's cache folder) when the same graph was laid out before, else computed. The layout is
 * deterministic and JSON keeps every number exactly, so a cached layout is the very one a cold build
 * computes.
 */
export function caseLayout(graph: CaseGraph, cacheDir: string = LAYOUT_CACHE): Promise<LayoutPoint[]> {
  const known = layouts.get(graph);
  if (known) return known;
  const input = {
    nodes: graph.nodes,
    edges: graph.edges.map((edge) => ({ ...edge, weak: edge.kind === 'mention' })),
  };
  const digest = createHash('sha256')
    .update(`${LAYOUT_VERSION}\n${JSON.stringify(input)}`)
    .digest('hex');
  const file = path.join(cacheDir, `${digest.slice(0, 24)}.json`);
  const cached = cachedLayout(file, input.nodes.length);
  // The thread is sent what the layout reads: ids, and edges by id.
  const points = cached
    ? Promise.resolve(cached)
    : layoutOnThread({
        nodes: input.nodes.map((node) => ({ id: node.id })),
        edges: input.edges.map(({ source, target, weak }) => ({ source, target, weak })),
      }).then((computed) => {
        mkdirSync(cacheDir, { recursive: true });
        writeFileSync(file, JSON.stringify(computed));
        return computed;
      });
  layouts.set(graph, points);
  // A failed layout is not kept: the next ask (the dev server's next request) tries again.
  points.catch(() => {
    if (layouts.get(graph) === points) layouts.delete(graph);
  });
  return points;
}
