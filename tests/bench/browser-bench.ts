import { chromium, type Browser, type Page, type Request } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from '../browser.ts';

/**
 * What a reader waits for, measured in headless Chromium against a built site served as files:
 * search (time from typing to the first results, and the bytes fetched, for a first and a later
 * query), the graph explorer (first full draw, and the frames drawn while panning) and the map
 * (ready with its markers). Each run uses a fresh browser context (empty cache), and every figure
 * is a median over runs.
 *
 * The graph and map pages announce themselves (the contract their helpers follow): the explorer
 * marks `casefile:graph:first-draw` after its first full draw and measures each redraw as
 * `casefile:graph:frame`; the map marks `casefile:map:ready` when interactive. Both set
 * data-state="ready" on their element. A page the build lacks is reported as not built.
 */

/** Median of a list (NaN when empty). */
export function median(values: readonly number[]): number {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** A figure, or why there is none. */
export type Measured<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Bytes fetched, by kind of file (see `kindOfRequest`). */
export type ByteBreakdown = Record<string, number>;

/** One search query's cost. */
export interface QueryCost {
  /** The query typed. */
  query: string;
  /** From typing the query to the first result on screen, ms (median). */
  resultsMs: number;
  /** From typing the query to the first full-text result on screen, ms (median); as `resultsMs` for Starlight. */
  fullTextMs: number;
  /** Bytes transferred for the query (bodies and headers), median. */
  bytes: number;
  /** Where the bytes of the first run went. */
  breakdown: ByteBreakdown;
  /** Results shown (first run). */
  results: number;
}

/** Search, first and later query. */
export interface SearchMeasure {
  /** Page searched from. */
  page: string;
  /** Opening the search dialog: ms until its box takes input, and bytes it fetched (median), by kind (first run). */
  open: { ms: number; bytes: number; breakdown: ByteBreakdown };
  /** The first query of a visit (loads the search engine and its index). */
  first: QueryCost;
  /** A later query in the same visit. */
  later: QueryCost;
  /** Runs. */
  runs: number;
}

/** The graph explorer. */
export interface GraphMeasure {
  /** From navigation start to the first full draw, ms (median). */
  firstDrawMs: number;
  /** From the page's load event to the first full draw, ms (median; 0 when drawn before it). */
  firstDrawAfterLoadMs: number;
  /** Median draw time of a frame while panning and zooming, ms (median over runs). */
  panFrameMs: number;
  /** Frames measured in all. */
  frames: number;
  /** Runs. */
  runs: number;
}

/** The map. */
export interface MapMeasure {
  /** From navigation start to ready, ms (median). */
  readyMs: number;
  /** From the page's load event to ready, ms (median; 0 when ready before it). */
  readyAfterLoadMs: number;
  /** Runs. */
  runs: number;
}

/** Starts the benchmark's Chromium. */
export function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumExecutable();
  return chromium.launch({ args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) });
}

/**
 * The kind of file a request fetched, to say where a search's bytes go: Pagefind's script, its
 * WebAssembly, its metadata, index chunks, filter index and result fragments, casefile's name index,
 * the site's scripts, and the rest.
 */
export function kindOfRequest(url: string): string {
  const file = new URL(url).pathname;
  if (/\/pagefind\/pagefind(-worker)?\.js$/.test(file)) return 'Pagefind script';
  if (/\/pagefind\/pagefind-(ui|component-ui|modular-ui)\.(js|css)$/.test(file)) return 'Pagefind UI';
  if (/\/wasm\.[a-z-]+\.pagefind$/.test(file)) return 'Pagefind wasm';
  if (/\.pf_meta$/.test(file) || file.endsWith('pagefind-entry.json')) return 'Pagefind meta';
  if (/\.pf_index$/.test(file)) return 'index chunks';
  if (/\.pf_filter$/.test(file)) return 'filter index';
  if (/\.pf_fragment$/.test(file)) return 'fragments';
  if (/\/search\/names\/[^/]+\.json$/.test(file)) return 'name index';
  if (/\.m?js$/.test(file)) return 'site scripts';
  return 'other';
}

/** Sums the bytes of the requests that finish while `phase()` is running, in all and by kind. */
function byteCounter(page: Page): {
  phase: <T>(run: () => Promise<T>) => Promise<{ result: T; bytes: number; breakdown: ByteBreakdown }>;
} {
  let pending: Promise<[string, number]>[] | undefined;
  page.on('requestfinished', (request: Request) => {
    if (!pending) return;
    pending.push(
      request
        .sizes()
        .then((sizes): [string, number] => [
          kindOfRequest(request.url()),
          sizes.responseBodySize + sizes.responseHeadersSize,
        ])
        .catch((): [string, number] => ['other', 0]),
    );
  });
  return {
    phase: async (run) => {
      pending = [];
      const result = await run();
      // Let the requests the step started finish (fragments load just after the first results).
      await page.waitForLoadState('networkidle');
      const sizes = await Promise.all(pending);
      pending = undefined;
      const breakdown: ByteBreakdown = {};
      for (const [kind, size] of sizes) breakdown[kind] = (breakdown[kind] ?? 0) + size;
      return { result, bytes: sizes.reduce((sum, [, size]) => sum + size, 0), breakdown };
    },
  };
}

/**
 * Types a query into a search box and resolves with ms from typing to the first result shown, and
 * to the first full-text result.
 */
async function timeQuery(
  page: Page,
  ui: SearchUi,
  query: string,
): Promise<{ ms: number; fullTextMs: number; results: number }> {
  const fullText = ui.fullText ?? ui.result;
  await page.locator(ui.box).fill('');
  await page.waitForFunction((result) => !document.querySelector(result), ui.result);
  // The observer sees each result the moment it is inserted, whatever Playwright's polling does.
  await page.evaluate(
    ([result, text]) => {
      const seen = (selector: string) =>
        new Promise<number>((resolve) => {
          const observer = new MutationObserver(() => {
            if (document.querySelector(selector)) {
              observer.disconnect();
              resolve(performance.now());
            }
          });
          observer.observe(document.body, { childList: true, subtree: true, attributes: true });
        });
      Reflect.set(window, '__casefileResultsAt', seen(result));
      Reflect.set(window, '__casefileFullTextAt', seen(text));
      Reflect.set(window, '__casefileTypedAt', performance.now());
    },
    [ui.result, fullText] as const,
  );
  await page.locator(ui.box).fill(query);
  await page.locator(ui.result).first().waitFor({ timeout: 30_000 });
  await page.locator(fullText).first().waitFor({ timeout: 30_000 });
  return page.evaluate(async (result) => {
    const at = (await Reflect.get(window, '__casefileResultsAt')) as number;
    const fullAt = (await Reflect.get(window, '__casefileFullTextAt')) as number;
    const typed = Reflect.get(window, '__casefileTypedAt') as number;
    return { ms: at - typed, fullTextMs: fullAt - typed, results: document.querySelectorAll(result).length };
  }, ui.result);
}

/** The selectors of a site's search dialog. */
export interface SearchUi {
  /** The search box inside the dialog. */
  box: string;
  /** A result shown with its data (not a loading placeholder). */
  result: string;
  /** A full-text result, when the dialog lists other results (names) first. */
  fullText?: string;
}

/** casefile's quick-jump dialog (src/components/SearchDialog.astro): dossiers by name, then full text (done when it says how many). */
export const CASEFILE_SEARCH: SearchUi = {
  box: '#search-dialog input',
  result:
    '#search-dialog [data-names]:not([hidden]) [role="option"], #search-dialog [data-text]:not([hidden]) [role="option"]',
  fullText: '#search-dialog quick-jump[data-result-count]',
};

/** Starlight's dialog with Pagefind's default UI. */
export const STARLIGHT_SEARCH: SearchUi = {
  box: 'dialog input.pagefind-ui__search-input',
  result: 'dialog .pagefind-ui__result-inner > .pagefind-ui__result-title a',
};

/**
 * Opens a page, opens its search dialog with Ctrl+K and runs two queries, `runs` times with an empty
 * cache each time.
 */
export async function measureSearch(
  browser: Browser,
  url: string,
  ui: SearchUi,
  queries: { first: string; later: string },
  runs: number,
): Promise<Measured<SearchMeasure>> {
  const open: { ms: number; bytes: number; breakdown: ByteBreakdown }[] = [];
  type Run = { ms: number; fullTextMs: number; bytes: number; breakdown: ByteBreakdown; results: number };
  const first: Run[] = [];
  const later: Run[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const response = await page.goto(url, { waitUntil: 'networkidle' });
      if (!response?.ok()) return { ok: false, reason: `${new URL(url).pathname} answered ${response?.status()}` };
      const counter = byteCounter(page);
      const opened = await counter.phase(async () => {
        const started = Date.now();
        await page.keyboard.press('Control+k');
        await page.locator(ui.box).waitFor({ state: 'visible' });
        await page.waitForFunction((box) => document.activeElement === document.querySelector(box), ui.box);
        return Date.now() - started;
      });
      open.push({ ms: opened.result, bytes: opened.bytes, breakdown: opened.breakdown });
      for (const [query, into] of [
        [queries.first, first],
        [queries.later, later],
      ] as const) {
        const timed = await counter.phase(() => timeQuery(page, ui, query));
        into.push({
          ms: timed.result.ms,
          fullTextMs: timed.result.fullTextMs,
          bytes: timed.bytes,
          breakdown: timed.breakdown,
          results: timed.result.results,
        });
      }
      await context.close();
    }
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? (error.message.split('\n')[0] ?? 'failed') : String(error) };
  }
  const cost = (query: string, list: typeof first): QueryCost => ({
    query,
    resultsMs: median(list.map((item) => item.ms)),
    fullTextMs: median(list.map((item) => item.fullTextMs)),
    bytes: median(list.map((item) => item.bytes)),
    breakdown: list[0]?.breakdown ?? {},
    results: list[0]?.results ?? 0,
  });
  return {
    ok: true,
    value: {
      page: new URL(url).pathname,
      open: {
        ms: median(open.map((item) => item.ms)),
        bytes: median(open.map((item) => item.bytes)),
        breakdown: open[0]?.breakdown ?? {},
      },
      first: cost(queries.first, first),
      later: cost(queries.later, later),
      runs,
    },
  };
}

/** Opens a page and reports `not built` when the site has none. */
async function openPage(browser: Browser, url: string): Promise<{ page: Page; close: () => Promise<void> } | string> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const response = await page.goto(url, { waitUntil: 'load' });
  if (response?.status() === 404) {
    await context.close();
    return `not built: ${new URL(url).pathname} missing`;
  }
  if (!response?.ok()) {
    await context.close();
    return `${new URL(url).pathname} answered ${response?.status()}`;
  }
  return { page, close: () => context.close() };
}

/**
 * Waits for a performance mark (and the load event) and returns its time from navigation start and
 * from the load event, ms; the issues' targets count from the load event.
 */
async function markTime(page: Page, name: string): Promise<{ fromStart: number; afterLoad: number }> {
  await page.waitForFunction(
    (mark) =>
      performance.getEntriesByName(mark, 'mark').length > 0 &&
      ((performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.loadEventEnd ?? 0) >
        0,
    name,
    { timeout: 120_000, polling: 50 },
  );
  return page.evaluate((mark) => {
    const at = performance.getEntriesByName(mark, 'mark')[0]?.startTime ?? NaN;
    const loaded = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd;
    return { fromStart: at, afterLoad: Math.max(0, at - loaded) };
  }, name);
}

/** The graph explorer at /graph/: first full draw, then frames while zooming and panning. */
export async function measureGraph(browser: Browser, origin: string, runs: number): Promise<Measured<GraphMeasure>> {
  const draws: number[] = [];
  const drawsAfterLoad: number[] = [];
  const frameMedians: number[] = [];
  let frames = 0;
  try {
    for (let run = 0; run < runs; run++) {
      const opened = await openPage(browser, `${origin}/graph/`);
      if (typeof opened === 'string') return { ok: false, reason: opened };
      const { page } = opened;
      const drawn = await markTime(page, 'casefile:graph:first-draw');
      draws.push(drawn.fromStart);
      drawsAfterLoad.push(drawn.afterLoad);
      const canvas = page.locator('[data-state="ready"] canvas').first();
      const box = await canvas.boundingBox();
      if (!box) return { ok: false, reason: 'the graph explorer shows no canvas' };
      const before = await page.evaluate(() => performance.getEntriesByName('casefile:graph:frame').length);
      const x = box.x + box.width / 2;
      const y = box.y + box.height / 2;
      await page.mouse.move(x, y);
      for (let i = 0; i < 4; i++) {
        await page.mouse.wheel(0, -120);
        await page.waitForTimeout(50);
      }
      await page.mouse.down();
      for (let i = 1; i <= 30; i++) {
        await page.mouse.move(x - i * 10, y - i * 5);
        await page.waitForTimeout(16);
      }
      await page.mouse.up();
      await page.waitForTimeout(200);
      const durations = await page.evaluate(
        (skip) =>
          performance
            .getEntriesByName('casefile:graph:frame')
            .slice(skip)
            .map((entry) => entry.duration),
        before,
      );
      if (durations.length === 0) return { ok: false, reason: 'panning drew no casefile:graph:frame measure' };
      frames += durations.length;
      frameMedians.push(median(durations));
      await opened.close();
    }
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? (error.message.split('\n')[0] ?? 'failed') : String(error) };
  }
  return {
    ok: true,
    value: {
      firstDrawMs: median(draws),
      firstDrawAfterLoadMs: median(drawsAfterLoad),
      panFrameMs: median(frameMedians),
      frames,
      runs,
    },
  };
}

/** The map at /map/: time until it is ready with every marker. */
export async function measureMap(browser: Browser, origin: string, runs: number): Promise<Measured<MapMeasure>> {
  const ready: number[] = [];
  const readyAfterLoad: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const opened = await openPage(browser, `${origin}/map/`);
      if (typeof opened === 'string') return { ok: false, reason: opened };
      const time = await markTime(opened.page, 'casefile:map:ready');
      ready.push(time.fromStart);
      readyAfterLoad.push(time.afterLoad);
      await opened.close();
    }
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? (error.message.split('\n')[0] ?? 'failed') : String(error) };
  }
  return { ok: true, value: { readyMs: median(ready), readyAfterLoadMs: median(readyAfterLoad), runs } };
}
