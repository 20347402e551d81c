import type { BenchResult, SizeResult } from './bench.ts';
import type { BuildStages } from './build-runner.ts';
import type { Measured, SearchMeasure } from './browser-bench.ts';
import type { DevMeasure } from './dev-bench.ts';
import { OUTPUT_KINDS } from './output-size.ts';
import { largestMedian } from './dossier-html.ts';

/**
 * The benchmark's table: one column per case size, builds first (with casefile's stages), then the
 * ratios, output sizes, what each page ships and what a reader waits for, and the issue's goals with
 * whether each is met.
 */

/** Goals from issue 8. */
export const GOALS = {
  /** casefile's build at most this many times the bare Astro build. */
  bareRatio: 1.5,
  /** Cost per entity counts as flat when the largest size's is at most this many times the smallest's. */
  flatPerEntity: 1.2,
  /** Gzipped JavaScript a dossier ships before the reader opens search, graph or map, bytes. */
  dossierJsBytes: 20 * 1024,
  /** Issue 15: the explorer's first full draw after the load event, ms. */
  graphFirstDrawMs: 300,
  /** Issue 15: 95th percentile of pan/zoom frames, labels included, ms. */
  graphFrameP95Ms: 16,
  /** Issue 15: the path finder's k = 3 chains, ms (95th percentile over pairs). */
  chainsMs: 50,
};

/** Build goals from issue 19 (and issue 17's file limit), ratios within one run. */
export const BUILD_GOALS = {
  /** casefile's wall time at most this many times Starlight's, at every size. */
  starlightRatio: 1,
  /** casefile's wall time at most this many times bare Astro's, at every size. */
  bareRatio: 2.5,
  /** The whole output over the HTML pages, bytes. */
  bytesPerPage: 30 * 1024,
  /** One dossier's HTML, bytes. */
  dossierHtmlBytes: 15 * 1024,
  /** Wall time per entity at the largest size over that at the smallest. */
  linearWall: 1.2,
  /** Peak memory of the build's process tree at any size, bytes. */
  peakRssBytes: 4 * 2 ** 30,
  /** An edit-rebuild's wall time over a cold build's (CASEFILE_INCREMENTAL=1), at each size. */
  rebuildRatio: 0.3,
  /** `npm run dev` on the 5,000-entity case: from start to the first dossier served, ms. */
  devFirstDossierMs: 5000,
  /** `npm run dev`: from saving a dossier's file to the served page showing the edit, ms. */
  devEditMs: 1000,
  /** Files a 5,000-entity case may write (Cloudflare Pages' free plan allows 20,000). */
  filesAt5000: 20_000,
};

/** Search goals from issue 16, at the largest size measured (5,000 entities by default). */
export const SEARCH_GOALS = {
  /** Bytes a first search costs: opening the dialog and the first query together. */
  firstBytes: 150 * 1024,
  /** From typing the first query to its first result, ms. */
  firstMs: 300,
  /** From typing a later query to its first result, ms. */
  laterMs: 100,
};

/** Where a search's bytes went, largest first: "Pagefind wasm 58.5 KB, Pagefind meta 31.1 KB". */
export function formatBreakdown(breakdown: Readonly<Record<string, number>>): string {
  return Object.entries(breakdown)
    .filter(([, bytes]) => bytes > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([kind, bytes]) => `${kind} ${(bytes / 1024).toFixed(1)} KB`)
    .join(', ');
}

const seconds = (ms: number | undefined) =>
  ms === undefined || !Number.isFinite(ms) ? '–' : `${(ms / 1000).toFixed(1)} s`;
const millis = (ms: number) => (Number.isFinite(ms) ? `${ms.toFixed(ms < 10 ? 1 : 0)} ms` : '–');
const megabytes = (bytes: number) =>
  Number.isFinite(bytes) ? `${(bytes / 2 ** 20).toFixed(bytes < 10 * 2 ** 20 ? 1 : 0)} MB` : '–';
const kilobytes = (bytes: number) => (Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(1)} KB` : '–');
const times = (ratio: number) => (Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '–');

/** A cell for a measured figure, or the reason there is none. */
function cell<T>(measured: Measured<T> | undefined, format: (value: T) => string): string {
  if (!measured) return '';
  return measured.ok ? format(measured.value) : measured.reason;
}

/** Lays rows out in columns. */
function columns(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) {
    // A row of one cell is a heading or a note: it may run past the columns.
    if (row.length > 1) row.forEach((text, i) => (widths[i] = Math.max(widths[i] ?? 0, text.length)));
  }
  return rows
    .map((row) =>
      row.length === 1
        ? (row[0] ?? '')
        : row
            .map((text, i) => text.padEnd(widths[i] ?? 0))
            .join('  ')
            .trimEnd(),
    )
    .join('\n');
}

/** The dev server's goals, at the size it was measured at (5,000 entities in a default run). */
function devGoals(sizes: readonly SizeResult[]): { goal: string; met: boolean | undefined; detail: string }[] {
  const measured = sizes.filter((size) => size.dev !== undefined);
  const judge = (pick: (dev: DevMeasure) => number, limit: number) =>
    measured.length === 0 ? undefined : measured.every((size) => size.dev && pick(size.dev) <= limit);
  const detail = (pick: (dev: DevMeasure) => number) =>
    measured.length === 0
      ? 'not measured (a run with --only dev, or any run but --only search/scale, measures it)'
      : measured
          .map((size) => {
            const value = size.dev ? pick(size.dev) : NaN;
            const shown = Number.isNaN(value) ? `not within ${seconds(size.dev?.timeoutMs ?? NaN)}` : seconds(value);
            return `${shown} at ${size.entities}`;
          })
          .join(', ');
  return [
    {
      goal: `\`npm run dev\`: first dossier served ≤ ${seconds(BUILD_GOALS.devFirstDossierMs)} after start`,
      met: judge((dev) => dev.firstDossierMs, BUILD_GOALS.devFirstDossierMs),
      detail: detail((dev) => dev.firstDossierMs),
    },
    {
      goal: `\`npm run dev\`: an edit to a dossier's file served ≤ ${seconds(BUILD_GOALS.devEditMs)} after saving`,
      met: judge((dev) => dev.editShownMs, BUILD_GOALS.devEditMs),
      detail: detail((dev) => dev.editShownMs),
    },
  ];
}

/** Whether each goal is met, with the figures it rests on. */
export function goalsOf(result: BenchResult): { goal: string; met: boolean | undefined; detail: string }[] {
  const sizes = result.sizes;
  const first = sizes[0];
  const last = sizes[sizes.length - 1];
  const perSize = (pick: (size: SizeResult) => number, format: (value: number) => string) =>
    sizes.map((size) => `${format(pick(size))} at ${size.entities}`).join(', ');
  const flat = first && last && first !== last ? last.perEntity.cpuMs / first.perEntity.cpuMs : undefined;
  const flatWall = first && last && first !== last ? last.perEntity.wallMs / first.perEntity.wallMs : undefined;
  const dossier = last?.pages.dossier;
  const search = last?.search.casefile;
  // A goal on a site the run did not build (--only search) is not judged.
  const measuredAll = (pick: (size: SizeResult) => number, ok: (value: number) => boolean) =>
    sizes.every((size) => Number.isFinite(pick(size))) ? sizes.every((size) => ok(pick(size))) : undefined;
  const at = last ? ` at ${last.entities}` : '';
  const searchGoal = (
    goal: string,
    value: (measure: SearchMeasure) => number,
    limit: number,
    format: (n: number) => string,
  ) => ({
    goal: `${goal}${at}`,
    met: search?.ok ? value(search.value) <= limit : undefined,
    detail: search === undefined ? 'not measured' : search.ok ? format(value(search.value)) : search.reason,
  });
  const checks = result.checks.map((check) => ({
    goal: `content check of ${check.label} ≤ ${seconds(check.budgetMs)} (linear)`,
    met: check.ms <= check.budgetMs && check.problems === 0,
    detail: `${(check.bytes / 1e6).toFixed(1)} MB in ${seconds(check.ms)}, ${check.problems} problems`,
  }));
  return [
    ...checks,
    {
      goal: `build ≤ ${GOALS.bareRatio}× bare Astro (issue 8)`,
      met: measuredAll(
        (size) => size.ratios.bareWall,
        (ratio) => ratio <= GOALS.bareRatio,
      ),
      detail: perSize((size) => size.ratios.bareWall, times),
    },
    {
      goal: `cost per entity flat (≤ ${GOALS.flatPerEntity}× from smallest to largest)`,
      met: flat === undefined ? undefined : flat <= GOALS.flatPerEntity,
      detail:
        flat === undefined || flatWall === undefined
          ? 'needs two sizes'
          : `CPU ${times(flat)}, wall ${times(flatWall)} (${perSize((size) => size.perEntity.cpuMs, millis)} CPU per entity)`,
    },
    {
      goal: `build ≤ ${BUILD_GOALS.starlightRatio.toFixed(1)}× Starlight at every size (issue 19)`,
      met: measuredAll(
        (size) => size.ratios.starlightWall,
        (ratio) => ratio <= BUILD_GOALS.starlightRatio,
      ),
      detail: perSize((size) => size.ratios.starlightWall, times),
    },
    {
      goal: `build ≤ ${BUILD_GOALS.bareRatio}× bare Astro at every size (issue 19)`,
      met: measuredAll(
        (size) => size.ratios.bareWall,
        (ratio) => ratio <= BUILD_GOALS.bareRatio,
      ),
      detail: perSize((size) => size.ratios.bareWall, times),
    },
    {
      goal: 'peak memory ≤ Starlight’s at every size',
      met: measuredAll(
        (size) => size.median.casefile.peakRssBytes / size.median.starlight.peakRssBytes,
        (ratio) => ratio <= 1,
      ),
      detail: perSize(
        (size) => size.median.casefile.peakRssBytes,
        (bytes) => megabytes(bytes),
      ),
    },
    {
      goal: `output per page ≤ ${BUILD_GOALS.bytesPerPage / 1024} KB (all output / HTML pages)`,
      met: measuredAll(
        (size) => size.output.casefile.bytesPerPage,
        (bytes) => bytes <= BUILD_GOALS.bytesPerPage,
      ),
      detail: perSize((size) => size.output.casefile.bytesPerPage, kilobytes),
    },
    {
      goal: `the median dossier's HTML of every type ≤ ${BUILD_GOALS.dossierHtmlBytes / 1024} KB`,
      met: measuredAll(
        (size) => largestMedian(size.dossierHtml),
        (bytes) => bytes <= BUILD_GOALS.dossierHtmlBytes,
      ),
      detail: perSize(
        (size) => largestMedian(size.dossierHtml),
        (bytes) => `largest median ${kilobytes(bytes)}`,
      ),
    },
    {
      goal: `linear scale: wall per entity at the largest size ≤ ${BUILD_GOALS.linearWall}× the smallest’s`,
      met: flatWall === undefined ? undefined : flatWall <= BUILD_GOALS.linearWall,
      detail:
        flatWall === undefined
          ? 'needs two sizes (e.g. --sizes 1000,20000)'
          : `${times(flatWall)} (${perSize((size) => size.perEntity.wallMs, millis)} wall per entity)`,
    },
    {
      goal: `peak memory ≤ ${megabytes(BUILD_GOALS.peakRssBytes)} at every size`,
      met: measuredAll(
        (size) => size.median.casefile.peakRssBytes,
        (bytes) => bytes <= BUILD_GOALS.peakRssBytes,
      ),
      detail: perSize((size) => size.median.casefile.peakRssBytes, megabytes),
    },
    // At each size measured; the issue's goal is the one at 5,000.
    ...sizes.map((size) => ({
      goal: `edit one dossier and build again (CASEFILE_INCREMENTAL=1) ≤ ${BUILD_GOALS.rebuildRatio * 100} % of a cold build at ${size.entities}`,
      met: size.rebuild ? size.rebuild.ratio <= BUILD_GOALS.rebuildRatio : undefined,
      detail: size.rebuild
        ? `${seconds(size.rebuild.wallMs)} after ${seconds(size.rebuild.coldWallMs)} cold: ${(size.rebuild.ratio * 100).toFixed(0)} % wall, ` +
          `CPU ${seconds(size.rebuild.cpuMs)} after ${seconds(size.rebuild.coldCpuMs)}: ${(size.rebuild.cpuRatio * 100).toFixed(0)} %`
        : 'not measured',
    })),
    ...devGoals(sizes),
    {
      goal: `≤ ${BUILD_GOALS.filesAt5000.toLocaleString('en')} files at 5000 entities (issue 17)`,
      met: (() => {
        const at5000 = sizes.find((size) => size.entities === 5000);
        return at5000 ? at5000.output.casefile.files <= BUILD_GOALS.filesAt5000 : undefined;
      })(),
      detail: sizes.some((size) => size.entities === 5000)
        ? perSize(
            (size) => size.output.casefile.files,
            (files) => `${files} files`,
          )
        : 'needs --sizes with 5000',
    },
    {
      goal: `dossier JS ≤ ${GOALS.dossierJsBytes / 1024} KB gzipped`,
      met: dossier?.built ? dossier.jsGzipBytes <= GOALS.dossierJsBytes : undefined,
      detail: dossier?.built ? kilobytes(dossier.jsGzipBytes) : 'no dossier page',
    },
    {
      goal: `graph first full draw ≤ ${GOALS.graphFirstDrawMs} ms after load`,
      met: last?.graph?.ok ? last.graph.value.firstDrawAfterLoadMs <= GOALS.graphFirstDrawMs : undefined,
      detail: last?.graph?.ok ? `${millis(last.graph.value.firstDrawAfterLoadMs)} at ${last.entities}` : 'not measured',
    },
    {
      goal: `graph pan/zoom frame p95 ≤ ${GOALS.graphFrameP95Ms} ms, labels included`,
      met: last?.graph?.ok ? last.graph.value.panFrameP95Ms <= GOALS.graphFrameP95Ms : undefined,
      detail: last?.graph?.ok
        ? `${millis(last.graph.value.panFrameP95Ms)} p95, ${millis(last.graph.value.panFrameMs)} median`
        : 'not measured',
    },
    {
      goal: `path finder k = 3 chains ≤ ${GOALS.chainsMs} ms`,
      met: last?.chains ? last.chains.p95Ms <= GOALS.chainsMs : undefined,
      detail: last?.chains
        ? `${millis(last.chains.p95Ms)} p95, ${millis(last.chains.medianMs)} median over ${last.chains.pairs} pairs`
        : 'not measured',
    },
    searchGoal(
      `first search (open + first query) ≤ ${SEARCH_GOALS.firstBytes / 1024} KB`,
      (measure) => measure.open.bytes + measure.first.bytes,
      SEARCH_GOALS.firstBytes,
      kilobytes,
    ),
    searchGoal(
      `first query ≤ ${SEARCH_GOALS.firstMs} ms to results`,
      (measure) => measure.first.resultsMs,
      SEARCH_GOALS.firstMs,
      millis,
    ),
    searchGoal(
      `later query ≤ ${SEARCH_GOALS.laterMs} ms to results`,
      (measure) => measure.later.resultsMs,
      SEARCH_GOALS.laterMs,
      millis,
    ),
  ];
}

/** The whole report as text. */
export function formatReport(result: BenchResult): string {
  const { sizes, machine } = result;
  const head = ['', ...sizes.map((size) => `N = ${size.entities}`)];
  const row = (label: string, value: (size: SizeResult) => string) => [label, ...sizes.map(value)];
  const stage = (
    label: string,
    key: keyof BuildStages,
    site: 'casefile' | 'bare' | 'starlight' = 'casefile',
    cpuKey?: keyof BuildStages,
  ) =>
    row(label, (size) => {
      const stages = size.median[site].stages;
      const value = stages[key];
      if (value === undefined) return '–';
      const cpu = cpuKey ? stages[cpuKey] : undefined;
      return cpu === undefined ? seconds(value) : `${seconds(value)} (CPU ${seconds(cpu)})`;
    });
  const build = (site: 'casefile' | 'bare' | 'starlight', name: string) => [
    row(`${name}: wall`, (size) => seconds(size.median[site].wallMs)),
    row(`${name}: CPU (process tree, user + system)`, (size) => seconds(size.median[site].cpuMs)),
    row(`${name}: peak memory (process tree)`, (size) => megabytes(size.median[site].peakRssBytes)),
  ];
  const largest = sizes[sizes.length - 1];
  const pageRows = largest
    ? Object.entries(largest.pages).map(([kind, assets]) => [
        `  ${kind} (${assets.path})`,
        assets.built
          ? `JS ${kilobytes(assets.jsGzipBytes)}, CSS ${kilobytes(assets.cssGzipBytes)}`
          : `not built: ${assets.path} missing`,
        assets.lazy.length > 0
          ? `lazy: ${assets.lazy.map((lazy) => `${lazy.file.replace(/^.*\//, '')} ${kilobytes(lazy.gzipBytes)}`).join(', ')}`
          : '',
      ])
    : [];
  const searchRow = (site: 'casefile' | 'starlight', which: 'first' | 'later') =>
    row(`  ${site === 'casefile' ? 'casefile' : 'Starlight'}: ${which} query`, (size) =>
      cell(size.search[site], (value) => {
        const cost = value[which];
        const fullText = site === 'casefile' ? `, ${millis(cost.fullTextMs)} to full text` : '';
        return `${millis(cost.resultsMs)} to results${fullText}, ${kilobytes(cost.bytes)} (${cost.results} results)`;
      }),
    );
  const bytesRow = (label: string, pick: (value: SearchMeasure) => Readonly<Record<string, number>>) =>
    row(label, (size) => cell(size.search.casefile, (value) => formatBreakdown(pick(value))));
  const rounds = sizes.map((size) => `${size.rounds.length} at ${size.entities}`).join(', ');
  const lines: string[][] = [
    [
      `casefile benchmark: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB; Node ${machine.node}, Astro ${machine.astro}, Starlight ${machine.starlight}`,
    ],
    [
      result.options.only === 'search'
        ? `search only (--only search): casefile and Starlight built once each (${rounds}); no bare Astro, graph or map`
        : `cold builds in alternating rounds (casefile, bare Astro, Starlight): ${rounds}; medians over rounds`,
    ],
    [''],
    head,
    row('case: entities / relationships', (size) => `${size.entities} / ${size.relationships}`),
    [''],
    ...build('casefile', 'casefile'),
    row(
      'casefile: per entity (wall / CPU)',
      (size) => `${millis(size.perEntity.wallMs)} / ${millis(size.perEntity.cpuMs)}`,
    ),
    stage('  case check', 'caseCheck', 'casefile', 'caseCheckCpu'),
    stage('  content sync', 'contentSync'),
    stage('  bundling (Vite)', 'bundling'),
    stage('  page rendering', 'pageRendering'),
    // casefile's index is made from the end of rendering on; the stage is what is left of it after the hooks before it.
    stage('  Pagefind, left after the other hooks (CPU: main thread)', 'pagefind', 'casefile', 'pagefindCpu'),
    stage('  other (start-up, hooks, sitemap)', 'other'),
    ...build('bare', 'bare Astro'),
    stage('  content sync', 'contentSync', 'bare'),
    stage('  page rendering', 'pageRendering', 'bare'),
    ...build('starlight', 'Starlight'),
    stage('  content sync', 'contentSync', 'starlight'),
    stage('  page rendering', 'pageRendering', 'starlight'),
    stage('  Pagefind', 'pagefind', 'starlight'),
    row(
      'ratio casefile / bare Astro (wall, CPU)',
      (size) => `${times(size.ratios.bareWall)}, ${times(size.ratios.bareCpu)}`,
    ),
    row(
      'ratio casefile / Starlight (wall, CPU)',
      (size) => `${times(size.ratios.starlightWall)}, ${times(size.ratios.starlightCpu)}`,
    ),
    [''],
    row(
      'casefile output: total (HTML pages)',
      (size) => `${megabytes(size.output.casefile.totalBytes)} (${size.output.casefile.htmlPages})`,
    ),
    row(
      '  per page (all output / HTML only)',
      (size) =>
        `${kilobytes(size.output.casefile.bytesPerPage)} / ${kilobytes(size.output.casefile.htmlBytes / size.output.casefile.htmlPages)}`,
    ),
    row('  per page by kind', (size) =>
      OUTPUT_KINDS.map(
        (kind) => `${kind} ${kilobytes(size.output.casefile.byKind[kind] / size.output.casefile.htmlPages)}`,
      ).join(', '),
    ),
    row(
      '  files (per entity)',
      (size) => `${size.output.casefile.files} (${(size.output.casefile.files / size.entities).toFixed(2)})`,
    ),
    row('  bytes per entity', (size) => kilobytes(size.output.casefile.totalBytes / size.entities)),
    row('  a dossier’s HTML (the first person’s)', (size) => kilobytes(size.dossierHtmlBytes)),
    row('  dossier HTML by type (median / largest)', (size) =>
      Object.entries(size.dossierHtml)
        .map(([type, html]) => `${type} ${kilobytes(html.medianBytes)} / ${kilobytes(html.largestBytes)}`)
        .join(', '),
    ),
    row('  edit one dossier, build again', (size) =>
      size.rebuild
        ? `${seconds(size.rebuild.wallMs)} (${(size.rebuild.ratio * 100).toFixed(0)} % of cold)`
        : 'not measured',
    ),
    row('  graph JSON (raw / gzipped)', (size) =>
      size.output.casefile.graphJson
        ? `${kilobytes(size.output.casefile.graphJson.bytes)} / ${kilobytes(size.output.casefile.graphJson.gzipBytes)}`
        : 'not built: /graph.json missing',
    ),
    row('  search index (files)', (size) =>
      size.output.casefile.searchIndex
        ? `${megabytes(size.output.casefile.searchIndex.bytes)} (${size.output.casefile.searchIndex.files})`
        : 'none',
    ),
    row('  name index (files)', (size) =>
      size.output.casefile.nameIndex
        ? `${megabytes(size.output.casefile.nameIndex.bytes)} (${size.output.casefile.nameIndex.files})`
        : 'none',
    ),
    row(
      'bare Astro output: total, per page',
      (size) => `${megabytes(size.output.bare.totalBytes)}, ${kilobytes(size.output.bare.bytesPerPage)}`,
    ),
    row(
      'Starlight output: total, per page',
      (size) => `${megabytes(size.output.starlight.totalBytes)}, ${kilobytes(size.output.starlight.bytesPerPage)}`,
    ),
    row('  Starlight search index', (size) =>
      size.output.starlight.searchIndex ? megabytes(size.output.starlight.searchIndex.bytes) : 'none',
    ),
    [''],
    [`what each page ships before the reader acts, gzipped (N = ${largest?.entities ?? '–'})`],
    ...pageRows,
    [''],
    [`in Chromium, medians of ${result.options.browserRuns} runs, empty cache (search from a dossier's dialog)`],
    row('  casefile: open search', (size) =>
      cell(size.search.casefile, (value) => `${millis(value.open.ms)}, ${kilobytes(value.open.bytes)}`),
    ),
    searchRow('casefile', 'first'),
    searchRow('casefile', 'later'),
    row('  casefile: open + first query', (size) =>
      cell(size.search.casefile, (value) => kilobytes(value.open.bytes + value.first.bytes)),
    ),
    bytesRow('    bytes on open', (value) => value.open.breakdown),
    bytesRow('    bytes of the first query', (value) => value.first.breakdown),
    bytesRow('    bytes of a later query', (value) => value.later.breakdown),
    searchRow('starlight', 'first'),
    searchRow('starlight', 'later'),
    row('  graph explorer: first full draw', (size) =>
      size.graph
        ? cell(
            size.graph,
            (value) =>
              `${millis(value.firstDrawAfterLoadMs)} after load, ${millis(value.firstDrawMs)} after navigation (${size.entities} nodes)`,
          )
        : '(largest size only)',
    ),
    row('  graph explorer: pan/zoom frame', (size) =>
      size.graph
        ? cell(
            size.graph,
            (value) =>
              `${millis(value.panFrameMs)} median, ${millis(value.panFrameP95Ms)} p95 (${value.frames} frames)`,
          )
        : '',
    ),
    row('  map ready', (size) =>
      size.map
        ? cell(
            size.map.measure,
            (value) =>
              `${millis(value.readyAfterLoadMs)} after load, ${millis(value.readyMs)} after navigation (${size.map?.locations} locations)`,
          )
        : '(largest size only)',
    ),
    [''],
    ['goals'],
    ...goalsOf(result).map((goal) => [
      `  ${goal.met === undefined ? 'n/a ' : goal.met ? 'met ' : 'NOT '} ${goal.goal}`,
      goal.detail,
    ]),
    [''],
    [`whole run: ${seconds(result.totalMs)}`],
  ];
  return columns(lines);
}
