import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from '../browser.ts';
import { generateCase } from './generate-case.ts';
import { buildSite, flag, formatRows, median, serveSite } from './site-runner.ts';
import { fromMapData, mapDataSchema } from '../../src/lib/map-data.ts';

/**
 * The map's benchmark (issue 5): a synthetic case with 1,000 located places (5,000 entities, of
 * which a fifth are locations, all inside Tianjin), built, then in headless Chromium the time from
 * the load event to the map's `casefile:map:ready` mark (median of several loads), and the gzipped
 * JavaScript a page fetches: /map/, a page without a map, and a dossier before and after its mini map
 * scrolls into view. Prints a table; the functions are exported for `npm run bench`.
 *
 *   node tests/bench/map-bench.ts [--entities 5000] [--seed 1] [--runs 7] [--port 4826]
 *                                 [--work tests/bench/.work/map] [--skip-build] [--json FILE]
 *
 * (Run with Node 24: `node_modules/.bin/node`, or `npx node`.)
 */

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Targets from issue 5, for the table. */
export const MAP_TARGETS = { readyAfterLoadMs: 300, mapJsGzipBytes: 60 * 1024, noMapJsGzipBytes: 0 };

/** Starts the benchmark's Chromium. */
function launch(): Promise<Browser> {
  const executablePath = chromiumExecutable();
  return chromium.launch({ args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) });
}

/** One load of /map/. */
export interface MapRun {
  /** From the end of the load event to `casefile:map:ready`, ms (negative: ready before load ended). */
  readyAfterLoadMs: number;
  /** From navigation start to `casefile:map:ready`, ms. */
  readyMs: number;
  /** Markers on screen when ready: pins of lone places plus numbered clusters. */
  markers: number;
}

/** Loads /map/ `runs` times (1280×800, a fresh page each time) and reads the ready mark against the load event. */
export async function measureMapReady(baseUrl: string, runs = 7): Promise<MapRun[]> {
  const browser = await launch();
  const results: MapRun[] = [];
  try {
    for (let r = 0; r < runs; r++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
      await page.goto(`${baseUrl}/map/`, { waitUntil: 'load' });
      await page.locator('case-map[data-state="ready"]').waitFor({ timeout: 60_000 });
      results.push(
        await page.evaluate(() => {
          const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
          const [mark] = performance.getEntriesByName('casefile:map:ready');
          const ready = mark?.startTime ?? NaN;
          return {
            readyAfterLoadMs: ready - (navigation?.loadEventEnd ?? NaN),
            readyMs: ready,
            markers: document.querySelectorAll('case-map .leaflet-marker-icon').length,
          };
        }),
      );
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return results;
}

/** JavaScript and CSS a page fetched from the site, gzipped at level 9 as static hosts precompress. */
export interface PageWeight {
  /** Site path. */
  path: string;
  /** Script files fetched. */
  scripts: string[];
  /** Their gzipped bytes. */
  jsGzipBytes: number;
  /** Stylesheets fetched, gzipped bytes. */
  cssGzipBytes: number;
}

/**
 * What a page fetches until it settles, and (with `scrollToMap`) after its map scrolls into view and
 * is ready. Sizes are those of the built files in `distDir`, gzipped, so they do not depend on the
 * preview server's compression.
 */
export async function measurePageWeight(
  baseUrl: string,
  distDir: string,
  sitePath: string,
  options: { scrollToMap?: boolean; phone?: boolean } = {},
): Promise<PageWeight> {
  const browser = await launch();
  try {
    const page = await browser.newPage({
      viewport: options.phone ? { width: 390, height: 700 } : { width: 1280, height: 800 },
    });
    const fetched = new Map<string, 'script' | 'stylesheet'>();
    page.on('request', (request) => {
      const type = request.resourceType();
      const url = new URL(request.url());
      if ((type === 'script' || type === 'stylesheet') && url.origin === new URL(baseUrl).origin)
        fetched.set(url.pathname, type);
    });
    await page.goto(`${baseUrl}${sitePath}`, { waitUntil: 'networkidle' });
    if (options.scrollToMap) {
      const map = page.locator('case-map').first();
      await map.scrollIntoViewIfNeeded();
      await map.and(page.locator('[data-state="ready"]')).waitFor({ timeout: 60_000 });
      await page.waitForLoadState('networkidle');
    }
    const gz = (pathname: string) =>
      gzipSync(readFileSync(path.join(distDir, decodeURIComponent(pathname))), { level: 9 }).length;
    const scripts = [...fetched].filter(([, type]) => type === 'script').map(([pathname]) => pathname);
    const styles = [...fetched].filter(([, type]) => type === 'stylesheet').map(([pathname]) => pathname);
    await page.close();
    return {
      path: sitePath,
      scripts,
      jsGzipBytes: scripts.reduce((sum, pathname) => sum + gz(pathname), 0),
      cssGzipBytes: styles.reduce((sum, pathname) => sum + gz(pathname), 0),
    };
  } finally {
    await browser.close();
  }
}

/** Everything the benchmark measured. */
export interface MapBenchResult {
  /** Located places in the case. */
  places: number;
  /** /map.json, raw and gzipped bytes. */
  mapJsonBytes: number;
  /** /map.json gzipped. */
  mapJsonGzipBytes: number;
  /** Site build wall time, ms (undefined when skipped). */
  buildMs: number | undefined;
  /** Median ready-after-load, ms. */
  readyAfterLoadMs: number;
  /** Median ready after navigation start, ms. */
  readyMs: number;
  /** Markers on screen at the first view (median). */
  markers: number;
  /** Runs in the browser. */
  runs: number;
  /** /map/. */
  mapPage: PageWeight;
  /** A page without a map. */
  plainPage: PageWeight;
  /** A location's dossier before its mini map is scrolled to. */
  dossierBefore: PageWeight;
  /** The same dossier once its mini map is drawn. */
  dossierAfter: PageWeight;
}

/** Runs the whole benchmark. */
export async function runMapBench(options: {
  entities: number;
  seed: number;
  runs: number;
  port: number;
  work: string;
  skipBuild: boolean;
}): Promise<MapBenchResult> {
  const content = path.join(options.work, `case-${options.entities}`);
  const dist = path.join(options.work, `dist-${options.entities}`);
  if (!options.skipBuild || !existsSync(content))
    generateCase({ entities: options.entities, seed: options.seed, out: content });
  const buildMs =
    options.skipBuild && existsSync(path.join(dist, 'map.json')) ? undefined : await buildSite(content, dist);
  const json = readFileSync(path.join(dist, 'map.json'));
  const places = fromMapData(mapDataSchema.parse(JSON.parse(json.toString('utf8'))));
  const firstPlace = places[0]?.id ?? '';
  const server = await serveSite(dist, options.port);
  try {
    const runs = await measureMapReady(server.url, options.runs);
    return {
      places: places.length,
      mapJsonBytes: json.length,
      mapJsonGzipBytes: gzipSync(json, { level: 9 }).length,
      buildMs,
      readyAfterLoadMs: median(runs.map((r) => r.readyAfterLoadMs)),
      readyMs: median(runs.map((r) => r.readyMs)),
      markers: median(runs.map((r) => r.markers)),
      runs: runs.length,
      mapPage: await measurePageWeight(server.url, dist, '/map/'),
      plainPage: await measurePageWeight(server.url, dist, '/timeline/'),
      // On a phone the side column, and its map, come after the dossier's text: below the first screen.
      dossierBefore: await measurePageWeight(server.url, dist, `/${firstPlace}/`, { phone: true }),
      dossierAfter: await measurePageWeight(server.url, dist, `/${firstPlace}/`, { phone: true, scrollToMap: true }),
    };
  } finally {
    server.stop();
  }
}

/** True for the map's own chunk (Leaflet and the drawing code), which only a drawn map may fetch. */
function isMapScript(pathname: string): boolean {
  return /\/map-view\.[^/]*\.js$/.test(pathname);
}

/** The result as a plain-text table, with the targets beside the figures. */
export function formatMapBench(result: MapBenchResult): string {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const mark = (ok: boolean) => (ok ? 'ok' : 'OVER');
  const mapJs = result.mapPage.jsGzipBytes - result.plainPage.jsGzipBytes;
  const rows: [string, string, string, string][] = [
    ['case', `${result.places} located places`, '', ''],
    ['site build (wall)', result.buildMs === undefined ? 'skipped' : ms(result.buildMs), '', ''],
    ['map.json raw / gzipped', `${kb(result.mapJsonBytes)} / ${kb(result.mapJsonGzipBytes)}`, '', ''],
    [
      `map ready after load event (median of ${result.runs})`,
      ms(result.readyAfterLoadMs),
      `< ${MAP_TARGETS.readyAfterLoadMs} ms`,
      mark(result.readyAfterLoadMs < MAP_TARGETS.readyAfterLoadMs),
    ],
    ['map ready after navigation start (median)', ms(result.readyMs), '', ''],
    ['markers on screen at first view (pins + clusters)', String(result.markers), '', ''],
    ['JS on /map/ (gzipped, all scripts)', kb(result.mapPage.jsGzipBytes), '', ''],
    ['JS on /timeline/, a page without a map', kb(result.plainPage.jsGzipBytes), '', ''],
    [
      'map JS on /map/ (the difference)',
      kb(mapJs),
      `≤ ${kb(MAP_TARGETS.mapJsGzipBytes)}`,
      mark(mapJs <= MAP_TARGETS.mapJsGzipBytes),
    ],
    [
      'map scripts fetched by a page without a map',
      `${result.plainPage.scripts.filter(isMapScript).length} files`,
      '0 files',
      mark(!result.plainPage.scripts.some(isMapScript)),
    ],
    ['CSS on /map/ (gzipped)', kb(result.mapPage.cssGzipBytes), '', ''],
    [
      `JS on ${result.dossierBefore.path} at load, phone-sized (map below the fold)`,
      kb(result.dossierBefore.jsGzipBytes),
      'no map chunk',
      mark(!result.dossierBefore.scripts.some(isMapScript)),
    ],
    ['JS on the same dossier once its map is drawn', kb(result.dossierAfter.jsGzipBytes), '', ''],
  ];
  return formatRows(rows);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const result = await runMapBench({
    entities: Number(flag(args, 'entities') ?? 5000),
    seed: Number(flag(args, 'seed') ?? 1),
    runs: Number(flag(args, 'runs') ?? 7),
    port: Number(flag(args, 'port') ?? 4826),
    work: path.resolve(flag(args, 'work') ?? path.join(ROOT, 'tests/bench/.work/map')),
    skipBuild: args.includes('--skip-build'),
  });
  console.log(formatMapBench(result));
  const json = flag(args, 'json');
  if (json) writeFileSync(json, `${JSON.stringify(result, null, 2)}\n`);
}
