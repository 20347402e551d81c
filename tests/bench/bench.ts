import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateCase, type GeneratedCase } from './generate-case.ts';
import { loadCaseFolder, writeBaseline, type BaselineKind } from './baselines.ts';
import type { CaseModel } from '../../src/lib/case.ts';
import { measureCheckScale, type CheckScaleResult } from './check-scale.ts';
import { removeSetAside, setAside } from './set-aside.ts';
import { buildScriptEnv, measureBuild, type BuildMeasure, type BuildStages } from './build-runner.ts';
import { kindTotals, measureOutput, measurePageAssets, type OutputSize, type PageAssets } from './output-size.ts';
import {
  CASEFILE_SEARCH,
  STARLIGHT_SEARCH,
  launchBrowser,
  measureGraph,
  measureMap,
  measureSearch,
  median,
  type GraphMeasure,
  type MapMeasure,
  type Measured,
  type SearchMeasure,
} from './browser-bench.ts';
import { serveStatic } from './static-server.ts';
import { formatReport } from './report.ts';
import { buildSite as buildContent } from './site-runner.ts';
import {
  formatLighthouse,
  measureLighthouse,
  pageBytes,
  pageKindsOf,
  type GraphPageSize,
  type PageScores,
} from './lighthouse-bench.ts';
import { measureChains, type ChainMeasure } from './chain-bench.ts';
import { measureDev, type DevMeasure } from './dev-bench.ts';
import { dossierHtmlByType, type DossierHtmlOfType } from './dossier-html.ts';

/**
 * `npm run bench -- --sizes 1000,5000 --json FILE`: casefile against a bare Astro site and an Astro
 * Starlight site on the same synthetic case, at each size. Builds run cold, in alternating rounds
 * (casefile, bare, Starlight, casefile, …) so that drift in the machine's load falls on all three
 * alike; ratios are taken within a round, then the median over rounds. Then output sizes, the
 * JavaScript and CSS each kind of page ships, and what a reader waits for in Chromium. Prints one
 * table and writes the same figures as JSON. Then Lighthouse on every kind of page of the sample
 * case, and the size of the link diagram's page at each size (`--only lighthouse` runs this part
 * alone). Not part of `npm test`: it takes minutes, and its figures are judged by people, not
 * asserted.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const WORK = path.join(ROOT, 'tests/bench/.work');

/** The three sites built at every size. */
export const SITES = ['casefile', 'bare', 'starlight'] as const;

/** One of the sites. */
export type Site = (typeof SITES)[number];

/** Options of a run. */
export interface BenchOptions {
  /** Case sizes, in entities. */
  sizes: number[];
  /** Rounds of builds at most, per size. */
  rounds: number;
  /** Minutes the whole run should fit in; later sizes get fewer rounds when it would not. */
  budgetMinutes: number;
  /** Browser runs per measure. */
  browserRuns: number;
  /** Generator seed. */
  seed: number;
  /** First of the ports the sites are served on (this and the next). */
  port: number;
  /** Where to write the JSON, if anywhere. */
  json: string | undefined;
  /**
   * `search`: only what search needs: casefile and Starlight built once per size, the search
   * measured in both; no bare Astro, graph or map (a few minutes instead of fifteen).
   * `lighthouse`: the sample case built and scored by Lighthouse, then casefile built once per size
   * for the link diagram's page (its size, and Lighthouse on it at the largest size).
   * `scale`: casefile alone, built cold at each size (`--sizes 1000,20000`): wall time per entity
   * and peak memory, no baselines, browser, rebuild or dev server.
   * `dev`: `npm run dev` alone on each size's case: first dossier and an edit shown.
   * `rebuild`: casefile alone, built cold at each size, then the edit-rebuild measured at each size.
   */
  only: 'search' | 'lighthouse' | 'scale' | 'dev' | 'rebuild' | undefined;
  /** Lighthouse runs per page at least (a page below 100 gets up to three; the median is kept). */
  lighthouseRuns: number;
}

/** An edit-rebuild against a cold build, wall and CPU. */
export interface RebuildMeasure {
  wallMs: number;
  cpuMs: number;
  coldWallMs: number;
  coldCpuMs: number;
  /** Rebuild wall over cold wall: the figure the goal judges. */
  ratio: number;
  /** Rebuild CPU over cold CPU. */
  cpuRatio: number;
}

/** Everything measured at one size. */
export interface SizeResult {
  /** Entities. */
  entities: number;
  /** What the generator wrote. */
  generated: GeneratedCase;
  /** Relationships in the case model. */
  relationships: number;
  /** Each round's builds. */
  rounds: Record<Site, BuildMeasure>[];
  /** Medians over rounds. */
  median: Record<Site, { wallMs: number; cpuMs: number; peakRssBytes: number; stages: BuildStages }>;
  /** Ratios casefile / other site, median over rounds of the within-round ratio. */
  ratios: { bareWall: number; bareCpu: number; starlightWall: number; starlightCpu: number };
  /** casefile's wall and CPU time per entity, ms. */
  perEntity: { wallMs: number; cpuMs: number };
  /** Output of the last build of each site. */
  output: Record<Site, OutputSize>;
  /** JavaScript and CSS per kind of page (casefile), and the entity page of each baseline. */
  pages: Record<string, PageAssets>;
  /** Search in casefile and in Starlight. */
  search: { casefile: Measured<SearchMeasure>; starlight: Measured<SearchMeasure> };
  /** Graph explorer (largest size only). */
  graph: Measured<GraphMeasure> | undefined;
  /** The path finder's k = 3 chains (largest size only). */
  chains: ChainMeasure | undefined;
  /** Bytes of the measured dossier's HTML (the first person's, the page the other figures measure). */
  dossierHtmlBytes: number;
  /** Every built dossier's HTML by entity type: count, median and largest. */
  dossierHtml: Record<string, DossierHtmlOfType>;
  /**
   * An author's edit-rebuild: one dossier's text changed, then `CASEFILE_INCREMENTAL=1 astro build` again
   * (after one incremental build that left its record), against this size's last cold build.
   */
  rebuild: RebuildMeasure | undefined;
  /** Map (largest size only), with the number of locations it shows. */
  map: { locations: number; measure: Measured<MapMeasure> } | undefined;
  /** `npm run dev` (at 5,000 entities, or the largest size when the run has no 5,000). */
  dev: DevMeasure | undefined;
}

/** The whole run. */
export interface BenchResult {
  /** When it ran and on what. */
  machine: {
    date: string;
    cpus: number;
    cpuModel: string;
    memoryGiB: number;
    node: string;
    astro: string;
    starlight: string;
  };
  /** The options it ran with. */
  options: BenchOptions;
  /** Per size. */
  sizes: SizeResult[];
  /** The content check on a 5 MB body and on a 10,000-alias entry. */
  checks: CheckScaleResult[];
  /** Wall time of the whole run, ms. */
  totalMs: number;
}

/** Version of an installed package. */
function versionOf(name: string): string {
  const file = path.join(ROOT, 'node_modules', name, 'package.json');
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const version: unknown = typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, 'version') : undefined;
  return typeof version === 'string' ? version : 'unknown';
}

/** Reads the command line. */
export function parseOptions(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      sizes: { type: 'string', default: '1000,5000' },
      json: { type: 'string' },
      rounds: { type: 'string', default: '3' },
      'budget-minutes': { type: 'string', default: '13' },
      'browser-runs': { type: 'string', default: '5' },
      seed: { type: 'string', default: '1' },
      port: { type: 'string', default: '4855' },
      only: { type: 'string' },
      'lighthouse-runs': { type: 'string', default: '1' },
    },
    strict: true,
  });
  const parts = ['search', 'lighthouse', 'scale', 'dev', 'rebuild'] as const;
  const only = parts.find((part) => part === values.only);
  if (values.only !== undefined && only === undefined)
    throw new Error(`--only ${values.only}: the parts that run alone are ${parts.join(', ')} (--only search)`);
  const sizes = values.sizes
    .split(',')
    .map((size) => Number(size.trim()))
    .sort((a, b) => a - b);
  if (sizes.length === 0 || sizes.some((size) => !Number.isInteger(size) || size < 12)) {
    throw new Error(`--sizes ${values.sizes}: give whole numbers of entities, at least 12, e.g. --sizes 1000,5000`);
  }
  const positive = (name: string, value: string) => {
    const number = Number(value);
    if (!(number > 0)) throw new Error(`--${name} ${value}: give a positive number`);
    return number;
  };
  return {
    sizes,
    rounds: Math.floor(positive('rounds', values.rounds)),
    budgetMinutes: positive('budget-minutes', values['budget-minutes']),
    browserRuns: Math.floor(positive('browser-runs', values['browser-runs'])),
    seed: Math.floor(positive('seed', values.seed)),
    port: Math.floor(positive('port', values.port)),
    json: values.json ? path.resolve(values.json) : undefined,
    only,
    lighthouseRuns: Math.floor(positive('lighthouse-runs', values['lighthouse-runs'])),
  };
}

/** The sites a run builds: all three, casefile and Starlight when only search is measured, casefile alone for scale. */
function sitesOf(options: BenchOptions): readonly Site[] {
  if (options.only === 'search') return ['casefile', 'starlight'];
  if (options.only === 'scale' || options.only === 'dev' || options.only === 'rebuild') return ['casefile'];
  return SITES;
}

/** The figures of a site a run did not build: no time, no output. */
const NOT_BUILT: BuildMeasure = {
  wallMs: NaN,
  cpuMs: NaN,
  peakRssBytes: NaN,
  largestProcessRssBytes: NaN,
  stages: {},
  pages: 0,
};

/** The output of a site a run did not build. */
const NO_OUTPUT: OutputSize = {
  totalBytes: NaN,
  files: 0,
  htmlPages: 0,
  htmlBytes: NaN,
  bytesPerPage: NaN,
  graphJson: undefined,
  searchIndex: undefined,
  nameIndex: undefined,
  byKind: kindTotals(NaN),
};

/** Prints a progress line to stderr, so stdout holds the table alone. */
function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

/** Builds one site of one size (casefile `warm`: keeping its cache and output, as an author's next build). */
function buildSite(
  site: Site,
  folder: string,
  caseDir: string,
  warm = false,
  extraEnv: Record<string, string> = {},
): Promise<BuildMeasure> {
  const timerFile = path.join(folder, `${site}-timer.json`);
  if (site === 'casefile') {
    return measureBuild({
      root: ROOT,
      // What `npm run build` sets (package.json), so the bench measures the build an author runs.
      env: { ...buildScriptEnv(ROOT), CASEFILE_CONTENT: caseDir, CASEFILE_OUT: distOf(site, folder), ...extraEnv },
      timerFile,
      outDir: distOf(site, folder),
      config: path.join(ROOT, 'tests/bench/astro.bench.config.mjs'),
      warm,
    });
  }
  return measureBuild({ root: path.join(folder, site), env: {}, timerFile, outDir: distOf(site, folder) });
}

/** Where each site's build lands. */
function distOf(site: Site, folder: string): string {
  return site === 'casefile' ? path.join(folder, 'casefile-dist') : path.join(folder, site, 'dist');
}

/** Bytes of a page's HTML in a built site, NaN when it is missing. */
function dossierHtmlBytes(dist: string, sitePath: string): number {
  const file = path.join(dist, sitePath, 'index.html');
  return existsSync(file) ? statSync(file).size : NaN;
}

/** Median of each stage over rounds. */
function medianStages(stages: readonly BuildStages[]): BuildStages {
  const keys = [...new Set(stages.flatMap((stage) => Object.keys(stage)))] as (keyof BuildStages)[];
  const result: BuildStages = {};
  for (const key of keys) {
    const values = stages.map((stage) => stage[key]).filter((value): value is number => value !== undefined);
    if (values.length > 0) result[key] = median(values);
  }
  return result;
}

/** One size being measured: where its files are, its case, its rounds so far. */
interface SizeRun {
  n: number;
  folder: string;
  caseDir: string;
  generated: GeneratedCase;
  model: CaseModel;
  rounds: Record<Site, BuildMeasure>[];
  /** Wall time of its last round, ms. */
  roundMs: number;
}

/** One round at one size: casefile, bare Astro and Starlight, one after the other. */
async function runRound(size: SizeRun, sites: readonly Site[]): Promise<void> {
  const started = performance.now();
  const measured: Record<Site, BuildMeasure> = { casefile: NOT_BUILT, bare: NOT_BUILT, starlight: NOT_BUILT };
  for (const site of sites) {
    progress(`${size.n} entities, round ${size.rounds.length + 1}: building ${site}`);
    measured[site] = await buildSite(site, size.folder, size.caseDir);
    progress(`  ${site}: ${(measured[site].wallMs / 1000).toFixed(1)} s`);
  }
  size.rounds.push(measured);
  size.roundMs = performance.now() - started;
}

/**
 * An author's loop in the incremental mode (CASEFILE_INCREMENTAL=1, README "Building"): after a
 * size's last cold build, one incremental build (not timed) leaves the record the next one reads;
 * then one dossier's text changes and casefile builds again incrementally, keeping Astro's cache
 * and the previous output. Compared with the size's last cold build. The dossier is put back after.
 */
async function measureRebuild(size: SizeRun): Promise<SizeResult['rebuild']> {
  // Not the dossier whose page the report weighs (the first person): that page keeps its cold bytes.
  const dossier = size.model.entitiesOfType('people')[1] ?? size.model.entities[1];
  const last = size.rounds.at(-1)?.casefile;
  if (!dossier || !last) return undefined;
  const file = path.join(size.caseDir, `${dossier.id}.md`);
  if (!existsSync(file)) return undefined;
  const original = readFileSync(file, 'utf8');
  const incremental = { CASEFILE_INCREMENTAL: '1' };
  progress(`${size.n} entities: an incremental build, to leave its record`);
  await buildSite('casefile', size.folder, size.caseDir, true, incremental);
  progress(`${size.n} entities: rebuilding incrementally after an edit of ${dossier.id}`);
  try {
    writeFileSync(file, `${original.trimEnd()}\n\nA sentence added to measure a rebuild.\n`);
    const warm = await buildSite('casefile', size.folder, size.caseDir, true, incremental);
    progress(`  rebuild: ${(warm.wallMs / 1000).toFixed(1)} s wall, ${(warm.cpuMs / 1000).toFixed(1)} s CPU`);
    return {
      wallMs: warm.wallMs,
      cpuMs: warm.cpuMs,
      coldWallMs: last.wallMs,
      coldCpuMs: last.cpuMs,
      ratio: warm.wallMs / last.wallMs,
      cpuRatio: warm.cpuMs / last.cpuMs,
    };
  } finally {
    writeFileSync(file, original);
  }
}

/** `npm run dev` on a size's case, with the dossier the rebuild edits (not the one the report weighs). */
function measureDevOf(size: SizeRun, port: number): Promise<DevMeasure> {
  const dossier = size.model.entitiesOfType('people')[1] ?? size.model.entities[1];
  if (!dossier) throw new Error(`${size.n} entities: no dossier to open under npm run dev`);
  return measureDev({
    caseDir: size.caseDir,
    sitePath: `/${dossier.id}/`,
    file: path.join(size.caseDir, `${dossier.id}.md`),
    port,
  });
}

/**
 * Runs the whole benchmark. Every size gets one round first; more rounds follow, a size at a time,
 * while the next one still fits in the time budget (less a reserve for the browser measures), up to
 * `rounds` per size. Output sizes and browser measures come last, from each size's last builds.
 */
export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const started = performance.now();
  const deadline = started + options.budgetMinutes * 60_000;
  const largest = Math.max(...options.sizes);
  const browserReserveMs = 150_000 * options.sizes.length * (options.browserRuns / 5);
  const sites = sitesOf(options);
  const searchOnly = options.only === 'search';
  const buildsOnly = options.only === 'scale' || options.only === 'dev' || options.only === 'rebuild';
  const devOnly = options.only === 'dev';
  const runs: SizeRun[] = [];
  for (const n of options.sizes) {
    const folder = path.join(WORK, String(n));
    const caseDir = path.join(folder, 'case');
    // The previous run's case, baselines and outputs: set aside, removed at the end (set-aside.ts).
    setAside(folder);
    mkdirSync(folder, { recursive: true });
    progress(`${n} entities: generating the case and the baselines`);
    const generated = generateCase({ entities: n, seed: options.seed, out: caseDir });
    const model = loadCaseFolder(caseDir);
    for (const kind of ['bare', 'starlight'] satisfies BaselineKind[])
      if (sites.includes(kind)) writeBaseline(kind, model, path.join(folder, kind));
    const size: SizeRun = { n, folder, caseDir, generated, model, rounds: [], roundMs: 0 };
    runs.push(size);
    await runRound(size, sites);
  }
  for (let added = !searchOnly && !devOnly; added;) {
    added = false;
    for (const size of runs) {
      if (size.rounds.length >= options.rounds) continue;
      if (performance.now() + size.roundMs > deadline - browserReserveMs) continue;
      await runRound(size, sites);
      added = true;
    }
  }
  const rebuilds = new Map<number, SizeResult['rebuild']>();
  // At every size: the goal is judged at 5,000, the smaller sizes show how the ratio moves with N.
  if (options.only === undefined || options.only === 'rebuild') {
    for (const size of runs) rebuilds.set(size.n, await measureRebuild(size));
  }
  // The dev server after the builds, so its content store is the one an author's build left.
  const devs = new Map<number, DevMeasure>();
  const devRuns = devOnly ? runs : runs.filter((size) => size.n === (options.sizes.includes(5000) ? 5000 : largest));
  if (!searchOnly && options.only !== 'scale' && options.only !== 'rebuild') {
    for (const size of devRuns) {
      progress(`${size.n} entities: npm run dev, first dossier and an edit`);
      const dev = await measureDevOf(size, options.port + 2);
      progress(
        `  dev: first dossier ${(dev.firstDossierMs / 1000).toFixed(1)} s (CPU ${(dev.firstDossierCpuMs / 1000).toFixed(1)} s), edit shown ${(dev.editShownMs / 1000).toFixed(1)} s (CPU ${(dev.editCpuMs / 1000).toFixed(1)} s)`,
      );
      devs.set(size.n, dev);
    }
  }
  for (const size of runs) {
    if (size.rounds.length < options.rounds)
      progress(`${size.n} entities: ${size.rounds.length} round(s), to stay within ${options.budgetMinutes} min`);
  }

  const results: SizeResult[] = [];
  for (const { n, folder, generated, model, rounds } of runs) {
    const medianOf = (site: Site) => ({
      wallMs: median(rounds.map((round) => round[site].wallMs)),
      cpuMs: median(rounds.map((round) => round[site].cpuMs)),
      peakRssBytes: median(rounds.map((round) => round[site].peakRssBytes)),
      stages: medianStages(rounds.map((round) => round[site].stages)),
    });
    const ratio = (other: Site, key: 'wallMs' | 'cpuMs') =>
      median(rounds.map((round) => round.casefile[key] / round[other][key]));
    const medians = { casefile: medianOf('casefile'), bare: medianOf('bare'), starlight: medianOf('starlight') };

    const people = model.entitiesOfType('people');
    const dossier = people[0] ?? model.entities[0];
    const report = model.reports[0];
    const entityPath = dossier ? `/${dossier.id}/` : '/';
    const pages: Record<string, PageAssets> = {};
    const casefileDist = distOf('casefile', folder);
    for (const [kind, sitePath] of [
      ['home', '/'],
      ['dossier', entityPath],
      ['report', report ? `/${report.id}/` : '/reports/'],
      ['search', '/search/'],
      ['graph', '/graph/'],
      ['map', '/map/'],
    ] as const) {
      pages[kind] = measurePageAssets(casefileDist, sitePath);
    }
    pages['bare page'] = measurePageAssets(distOf('bare', folder), entityPath);
    pages['starlight page'] = measurePageAssets(distOf('starlight', folder), entityPath);

    const built = (site: Site) => sites.includes(site);
    // What every size reports, whether the other sites and the browser were measured or not.
    const measured = {
      entities: n,
      generated,
      relationships: model.relations.length,
      rounds,
      median: medians,
      perEntity: { wallMs: medians.casefile.wallMs / n, cpuMs: medians.casefile.cpuMs / n },
      pages,
      dossierHtmlBytes: dossierHtmlBytes(casefileDist, entityPath),
      dossierHtml: dossierHtmlByType(casefileDist, model.entities),
      dev: devs.get(n),
    };
    if (buildsOnly) {
      const skipped = { ok: false as const, reason: `not measured (--only ${options.only})` };
      results.push({
        ...measured,
        ratios: { bareWall: NaN, bareCpu: NaN, starlightWall: NaN, starlightCpu: NaN },
        output: { casefile: measureOutput(casefileDist), bare: NO_OUTPUT, starlight: NO_OUTPUT },
        search: { casefile: skipped, starlight: skipped },
        graph: undefined,
        chains: undefined,
        map: undefined,
        rebuild: rebuilds.get(n),
      });
      continue;
    }
    progress(`${n} entities: measuring in Chromium`);
    const queries = {
      first: people[Math.floor(people.length / 2)]?.name ?? 'WANG',
      later: people[Math.floor(people.length / 3)]?.name ?? 'LI',
    };
    const browser = await launchBrowser();
    const casefileServer = await serveStatic(casefileDist, options.port);
    const starlightServer = await serveStatic(distOf('starlight', folder), options.port + 1);
    let search: SizeResult['search'];
    let graph: SizeResult['graph'];
    const chains = n === largest ? measureChains(path.join(casefileDist, 'graph.json')) : undefined;
    let map: SizeResult['map'];
    try {
      search = {
        casefile: await measureSearch(
          browser,
          `${casefileServer.url}${entityPath}`,
          CASEFILE_SEARCH,
          queries,
          options.browserRuns,
        ),
        starlight: await measureSearch(
          browser,
          `${starlightServer.url}${entityPath}`,
          STARLIGHT_SEARCH,
          queries,
          options.browserRuns,
        ),
      };
      if (n === largest && !searchOnly) {
        graph = await measureGraph(browser, casefileServer.url, options.browserRuns);
        map = {
          locations: model.entitiesOfType('locations').length,
          measure: await measureMap(browser, casefileServer.url, options.browserRuns),
        };
      }
    } finally {
      await browser.close();
      await casefileServer.stop();
      await starlightServer.stop();
    }

    results.push({
      ...measured,
      ratios: {
        bareWall: ratio('bare', 'wallMs'),
        bareCpu: ratio('bare', 'cpuMs'),
        starlightWall: ratio('starlight', 'wallMs'),
        starlightCpu: ratio('starlight', 'cpuMs'),
      },
      output: {
        casefile: measureOutput(casefileDist),
        bare: built('bare') ? measureOutput(distOf('bare', folder)) : NO_OUTPUT,
        starlight: measureOutput(distOf('starlight', folder)),
      },
      search,
      graph,
      chains,
      map,
      rebuild: rebuilds.get(n),
    });
  }
  const cpu = os.cpus();
  return {
    machine: {
      date: new Date().toISOString(),
      cpus: cpu.length,
      cpuModel: cpu[0]?.model ?? 'unknown',
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      astro: versionOf('astro'),
      starlight: versionOf('@astrojs/starlight'),
    },
    options,
    sizes: results,
    checks: measureCheckScale(),
    totalMs: performance.now() - started,
  };
}

/** Lighthouse's part of a run: every kind of page of the sample case, and the link diagram's page at each size. */
export interface LighthouseResult {
  /** Lighthouse's version. */
  version: string;
  /** The sample case's kinds of page, then the diagram's page at the largest size (when built). */
  pages: PageScores[];
  /** The diagram page's HTML, for the sample case and each size. */
  graphPages: GraphPageSize[];
}

/**
 * Builds the sample case and scores each kind of its pages with Lighthouse; then the diagram page
 * at each size, from the builds a full run made, or (`--only lighthouse`) from one build per size.
 */
export async function runLighthouse(options: BenchOptions): Promise<LighthouseResult> {
  const folder = path.join(WORK, 'lighthouse');
  const sampleDist = path.join(folder, 'sample-dist');
  progress('lighthouse: building the sample case');
  await buildContent(path.join(ROOT, 'content'), sampleDist);
  const sample = await measureLighthouse({ dist: sampleDist, port: options.port, runs: options.lighthouseRuns });
  const graphPages: GraphPageSize[] = [{ label: 'the sample case', bytes: pageBytes(sampleDist, '/graph/') }];
  const largest = Math.max(...options.sizes);
  for (const n of options.sizes) {
    const sizeFolder = path.join(WORK, String(n));
    const dist = distOf('casefile', sizeFolder);
    if (options.only === 'lighthouse') {
      const caseDir = path.join(sizeFolder, 'case');
      progress(`lighthouse: ${n} entities: generating and building the case`);
      generateCase({ entities: n, seed: options.seed, out: caseDir });
      await buildContent(caseDir, dist);
    }
    graphPages.push({ label: `${n} entities`, bytes: pageBytes(dist, '/graph/') });
    if (n === largest && existsSync(path.join(dist, 'graph/index.html'))) {
      const kinds = pageKindsOf(dist)
        .filter((kind) => kind.kind === 'graph')
        .map((kind) => ({ ...kind, kind: `graph (${n} entities)` }));
      const large = await measureLighthouse({ dist, port: options.port, runs: options.lighthouseRuns, kinds });
      sample.pages.push(...large.pages);
    }
  }
  return { version: sample.version, pages: sample.pages, graphPages };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const options = parseOptions(process.argv.slice(2));
  // What the builds set aside is removed once nothing more is measured, also when a part fails.
  process.once('exit', removeSetAside);
  const result = options.only === 'lighthouse' ? undefined : await runBench(options);
  if (result) console.log(formatReport(result));
  const scores =
    options.only === 'search' || options.only === 'scale' || options.only === 'dev' || options.only === 'rebuild'
      ? undefined
      : await runLighthouse(options);
  if (scores) console.log(`${result ? '\n' : ''}${formatLighthouse(scores, scores.graphPages)}`);
  if (options.json) {
    writeFileSync(options.json, `${JSON.stringify({ ...result, lighthouse: scores }, null, 2)}\n`);
    progress(`figures written to ${options.json}`);
  }
}
