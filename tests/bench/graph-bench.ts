import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from '../browser.ts';
import { generateCase } from './generate-case.ts';
import { buildSite, flag, formatRows, median, serveSite } from './site-runner.ts';
import { checkCaseFolder } from '../../src/reader/read-case.ts';
import { buildCaseGraph } from '../../src/lib/graph.ts';
import { layoutGraph } from '../../src/lib/layout.ts';
import { measureChains, type ChainMeasure } from './chain-bench.ts';

/**
 * The link diagram's benchmark: on a synthetic case (5,000 entities, ~15,000 relationships by
 * default) it measures the build-time layout, the size of /graph.json, and, in headless Chromium
 * against the built site, the explorer's first full draw after the load event and the time to draw a
 * frame while panning and zooming (from the `casefile:graph:first-draw` mark and the
 * `casefile:graph:frame` measures the explorer records), and the path finder's k = 3 chains between
 * seeded pairs of entities. Prints a table with met/NOT per target; the functions are exported
 * for `npm run bench`.
 *
 *   npx node tests/bench/graph-bench.ts [--entities 5000] [--seed 1] [--runs 5] [--port 4817]
 *                                       [--work tests/bench/.work/graph] [--skip-build] [--json FILE]
 */

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Targets from issues 4 and 15, for the table: first draw and frames counted from the load event, labels included. */
export const GRAPH_TARGETS = {
  layoutMs: 10_000,
  graphJsonGzipBytes: 1_000_000,
  firstDrawMs: 300,
  frameP95Ms: 16,
  chainsMs: 50,
};

/** The value below which `p` (0–1) of a list falls. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

/** Build-time layout of a case folder: the case graph's size and how long d3-force took (wall and CPU). */
export function measureLayout(contentDir: string): { nodes: number; edges: number; wallMs: number; cpuMs: number } {
  const { model, problems } = checkCaseFolder(contentDir, { includeDrafts: false });
  if (problems.length > 0) throw new Error(`${contentDir}: the case has ${problems.length} problems`);
  const graph = buildCaseGraph(model);
  const cpu = process.cpuUsage();
  const start = performance.now();
  layoutGraph({ nodes: graph.nodes, edges: graph.edges.map((edge) => ({ ...edge, weak: edge.kind === 'mention' })) });
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { nodes: graph.nodes.length, edges: graph.edges.length, wallMs, cpuMs: (used.user + used.system) / 1000 };
}

/** Size of the built /graph.json, raw and gzipped (level 9, as static hosts precompress). */
export function measureGraphJson(distDir: string): { rawBytes: number; gzipBytes: number } {
  const bytes = readFileSync(path.join(distDir, 'graph.json'));
  return { rawBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
}

/** What one load of the explorer measured. */
export interface ExplorerRun {
  /** From the load event's end to the first full draw, ms. */
  firstDrawMs: number;
  /** Draw time of each frame while zooming and panning, ms. */
  frames: number[];
  /** Nodes the first full draw put on screen. */
  nodesDrawn: number;
}

/**
 * Loads /graph/ in headless Chromium `runs` times (1280×800, fresh page each time), and per run reads
 * the first-draw mark against the load event, then zooms with the wheel and drags to pan, collecting
 * the explorer's per-frame measures.
 */
export async function measureExplorer(baseUrl: string, runs = 5): Promise<ExplorerRun[]> {
  const executablePath = chromiumExecutable();
  const browser = await chromium.launch({ args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) });
  const results: ExplorerRun[] = [];
  try {
    for (let r = 0; r < runs; r++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
      await page.goto(`${baseUrl}/graph/`, { waitUntil: 'load' });
      await page.locator('case-graph[data-state="ready"]').waitFor({ timeout: 60_000 });
      const { firstDrawMs, nodesDrawn } = await page.evaluate(() => {
        const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
        const [mark] = performance.getEntriesByName('casefile:graph:first-draw');
        const element = document.querySelector<HTMLElement & { drawn?: { nodes: number } }>('case-graph');
        return {
          firstDrawMs: (mark?.startTime ?? NaN) - (navigation?.loadEventEnd ?? NaN),
          nodesDrawn: element?.drawn?.nodes ?? 0,
        };
      });
      const box = await page.getByTestId('graph-canvas').boundingBox();
      if (!box) throw new Error('the explorer has no canvas');
      const cx = box.x + box.width / 2;
      const cy = box.y + box.height / 2;
      await page.mouse.move(cx, cy);
      for (let i = 0; i < 8; i++) {
        await page.mouse.wheel(0, -120);
        await page.waitForTimeout(40);
      }
      await page.mouse.down();
      for (let i = 1; i <= 24; i++) {
        await page.mouse.move(cx - i * 12, cy - i * 6);
        await page.waitForTimeout(20);
      }
      await page.mouse.up();
      for (let i = 0; i < 8; i++) {
        await page.mouse.wheel(0, 120);
        await page.waitForTimeout(40);
      }
      await page.waitForTimeout(100);
      const frames = await page.evaluate(() =>
        performance.getEntriesByName('casefile:graph:frame').map((entry) => entry.duration),
      );
      results.push({ firstDrawMs, frames, nodesDrawn });
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return results;
}

/** Everything the benchmark measured. */
export interface GraphBenchResult {
  /** Case size. */
  entities: number;
  /** Graph size. */
  nodes: number;
  /** Graph size. */
  edges: number;
  /** Layout wall time, ms. */
  layoutMs: number;
  /** Layout CPU time, ms. */
  layoutCpuMs: number;
  /** Site build wall time, ms (undefined when skipped). */
  buildMs: number | undefined;
  /** /graph.json raw bytes. */
  graphJsonBytes: number;
  /** /graph.json gzipped bytes. */
  graphJsonGzipBytes: number;
  /** Median first full draw after the load event, ms. */
  firstDrawMs: number;
  /** Median of the per-run median frame times, ms. */
  frameMedianMs: number;
  /** 95th percentile over all frames, ms. */
  frameP95Ms: number;
  /** Frames measured in all. */
  frameCount: number;
  /** Runs in the browser. */
  runs: number;
  /** The path finder's k = 3 chains between seeded pairs. */
  chains: ChainMeasure;
}

/** Runs the whole benchmark. */
export async function runGraphBench(options: {
  entities: number;
  seed: number;
  runs: number;
  port: number;
  work: string;
  skipBuild: boolean;
}): Promise<GraphBenchResult> {
  const content = path.join(options.work, `case-${options.entities}`);
  const dist = path.join(options.work, `dist-${options.entities}`);
  if (!options.skipBuild || !existsSync(content)) {
    generateCase({ entities: options.entities, seed: options.seed, out: content });
  }
  const layout = measureLayout(content);
  const buildMs =
    options.skipBuild && existsSync(path.join(dist, 'graph.json')) ? undefined : await buildSite(content, dist);
  const json = measureGraphJson(dist);
  const server = await serveSite(dist, options.port);
  let runs: ExplorerRun[];
  try {
    runs = await measureExplorer(server.url, options.runs);
  } finally {
    server.stop();
  }
  for (const r of runs) {
    if (r.nodesDrawn !== layout.nodes) throw new Error(`the explorer drew ${r.nodesDrawn} nodes of ${layout.nodes}`);
  }
  return {
    entities: options.entities,
    nodes: layout.nodes,
    edges: layout.edges,
    layoutMs: layout.wallMs,
    layoutCpuMs: layout.cpuMs,
    buildMs,
    graphJsonBytes: json.rawBytes,
    graphJsonGzipBytes: json.gzipBytes,
    firstDrawMs: median(runs.map((r) => r.firstDrawMs)),
    frameMedianMs: median(runs.map((r) => median(r.frames))),
    frameP95Ms: percentile(
      runs.flatMap((r) => r.frames),
      0.95,
    ),
    frameCount: runs.reduce((sum, r) => sum + r.frames.length, 0),
    runs: runs.length,
    chains: measureChains(path.join(dist, 'graph.json')),
  };
}

/** The result as a plain-text table, with the targets beside the figures. */
export function formatGraphBench(result: GraphBenchResult): string {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const mark = (ok: boolean) => (ok ? 'met' : 'NOT');
  const rows: [string, string, string, string][] = [
    ['case', `${result.entities} entities`, `${result.nodes} nodes, ${result.edges} edges`, ''],
    [
      'build-time layout (wall)',
      ms(result.layoutMs),
      `< ${GRAPH_TARGETS.layoutMs} ms`,
      mark(result.layoutMs < GRAPH_TARGETS.layoutMs),
    ],
    ['build-time layout (CPU)', ms(result.layoutCpuMs), '', ''],
    ['site build (wall)', result.buildMs === undefined ? 'skipped' : ms(result.buildMs), '', ''],
    ['graph.json raw', kb(result.graphJsonBytes), '', ''],
    [
      'graph.json gzipped',
      kb(result.graphJsonGzipBytes),
      `< ${kb(GRAPH_TARGETS.graphJsonGzipBytes)}`,
      mark(result.graphJsonGzipBytes < GRAPH_TARGETS.graphJsonGzipBytes),
    ],
    [
      `first full draw after load (median of ${result.runs})`,
      ms(result.firstDrawMs),
      `≤ ${GRAPH_TARGETS.firstDrawMs} ms`,
      mark(result.firstDrawMs <= GRAPH_TARGETS.firstDrawMs),
    ],
    [`pan/zoom frame (median, ${result.frameCount} frames)`, ms(result.frameMedianMs), '', ''],
    [
      'pan/zoom frame, labels included (95th percentile)',
      ms(result.frameP95Ms),
      `≤ ${GRAPH_TARGETS.frameP95Ms} ms`,
      mark(result.frameP95Ms <= GRAPH_TARGETS.frameP95Ms),
    ],
    [
      `path finder, k = ${result.chains.k} chains (95th pct of ${result.chains.pairs} pairs, ${result.chains.joined} joined)`,
      ms(result.chains.p95Ms),
      `≤ ${GRAPH_TARGETS.chainsMs} ms`,
      mark(result.chains.p95Ms <= GRAPH_TARGETS.chainsMs),
    ],
  ];
  return formatRows(rows);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const result = await runGraphBench({
    entities: Number(flag(args, 'entities') ?? 5000),
    seed: Number(flag(args, 'seed') ?? 1),
    runs: Number(flag(args, 'runs') ?? 5),
    port: Number(flag(args, 'port') ?? 4817),
    work: path.resolve(flag(args, 'work') ?? path.join(ROOT, 'tests/bench/.work/graph')),
    skipBuild: args.includes('--skip-build'),
  });
  console.log(formatGraphBench(result));
  const json = flag(args, 'json');
  if (json) writeFileSync(json, `${JSON.stringify(result, null, 2)}\n`);
}
