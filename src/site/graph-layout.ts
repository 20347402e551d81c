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
 * (src/site/graph-layout-worker.ts): in a build, started before Astro syncs the content
 * (src/integrations/data-files.ts), while a core is idle, and handed to the data files' thread, which
 * makes every other file until it is there; elsewhere, as soon as the data files ask for it. When the
 * data files' thread laid the graph out itself, after the other files, a cold build at 1,000
 * entities ended with the main thread idle for the last second, waiting on it alone.
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

/** A layout with the digest of the graph it was computed from. */
export interface DigestedLayout {
  /** SHA-256 of the layout's version and of what it is computed from: the nodes' ids and the edges. */
  digest: string;
  points: LayoutPoint[];
}

/** What a layout of a graph is computed from, and its digest. */
function layoutRequest(graph: CaseGraph) {
  const input = {
    nodes: graph.nodes,
    edges: graph.edges.map((edge) => ({ ...edge, weak: edge.kind === 'mention' })),
  };
  const digest = createHash('sha256')
    .update(`${LAYOUT_VERSION}\n${JSON.stringify(input)}`)
    .digest('hex');
  return { input, digest };
}

/** A layout this thread's parent started before this thread was (`useLayoutAhead`). */
let ahead: Promise<DigestedLayout> | undefined;

/**
 * Hands this thread a layout its parent started before it (src/integrations/data-files.ts starts the
 * layout while Astro syncs the content, when a core is idle), or none (`undefined`): `caseLayout`
 * takes it when it is of the same graph, and computes its own when it is of another or failed.
 */
export function useLayoutAhead(layout: Promise<DigestedLayout> | undefined): void {
  ahead = layout;
  // Its failure is met by caseLayout, which then lays the graph out itself.
  layout?.catch(() => undefined);
}

/** The layout of each graph asked for, with its points alone. */
const layouts = new WeakMap<CaseGraph, { digested: Promise<DigestedLayout>; points: Promise<LayoutPoint[]> }>();

/**
 * The layout of a case graph (once per graph): from the cache (a folder of layouts, by default under
 * Astro's cache folder) when the same graph was laid out before, else the one laid out ahead for
 * this thread (`useLayoutAhead`) when it is of this graph, else computed. The layout is
 * deterministic and JSON keeps every number exactly, so a cached layout is the very one a cold build
 * computes.
 */
export function caseLayout(graph: CaseGraph, cacheDir: string = LAYOUT_CACHE): Promise<LayoutPoint[]> {
  return layoutOf(graph, cacheDir).points;
}

/** `caseLayout` with the digest of the graph it is of. */
export function digestedLayout(graph: CaseGraph, cacheDir: string = LAYOUT_CACHE): Promise<DigestedLayout> {
  return layoutOf(graph, cacheDir).digested;
}

/** The layout of a graph, asked for once. */
function layoutOf(graph: CaseGraph, cacheDir: string) {
  const known = layouts.get(graph);
  if (known) return known;
  const { input, digest } = layoutRequest(graph);
  const file = path.join(cacheDir, `${digest.slice(0, 24)}.json`);
  const cached = cachedLayout(file, input.nodes.length);
  // The thread is sent what the layout reads: ids, and edges by id.
  const computed = () =>
    layoutOnThread({
      nodes: input.nodes.map((node) => ({ id: node.id })),
      edges: input.edges.map(({ source, target, weak }) => ({ source, target, weak })),
    }).then((points) => {
      mkdirSync(cacheDir, { recursive: true });
      writeFileSync(file, JSON.stringify(points));
      return points;
    });
  const points = cached
    ? Promise.resolve(cached)
    : ahead
      ? ahead.then(
          (laidOut) => (laidOut.digest === digest ? laidOut.points : computed()),
          () => computed(),
        )
      : computed();
  const layout = { digested: points.then((laidOut) => ({ digest, points: laidOut })), points };
  layouts.set(graph, layout);
  // A failed layout is not kept: the next ask (the dev server's next request) tries again.
  points.catch(() => {
    if (layouts.get(graph) === layout) layouts.delete(graph);
  });
  layout.digested.catch(() => undefined);
  return layout;
}
