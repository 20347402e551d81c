import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { crawl } from './crawl.ts';
import { builtBytes, builtFiles, builtPages, imageMetadata, IMAGE_FILE, isRedirectPage, ROOT } from './built-site.ts';
import {
  axeViolations,
  resetWatch,
  scrollThrough,
  serveWithHeadersFile,
  settle,
  watchPage,
  type PageWatch,
} from './page-watch.ts';
import { markTabbables, tabOnce, tabThrough } from './keyboard.ts';
import { readCaseFolder } from '../../src/reader/read-case.ts';
import {
  cspDirectives,
  HEADER_ONLY_DIRECTIVES,
  metaPolicy,
  parseCsp,
  parseHeadersFile,
} from '../../src/lib/security-policy.ts';
import { isIndicatorKind } from '../../src/lib/schema/identities.ts';
import { SITE, tileOrigin } from '../../src/config.ts';
import { fromGraphData } from '../../src/lib/graph-data.ts';

/**
 * The guarantees every built case must keep, checked over every page and file of the build rather
 * than a chosen few, so pages added later (the graph, the map, whatever comes next) are covered the
 * day they exist: no request to a third party, no CSP violation, no console error, WCAG 2.2 A/AA
 * in light and dark, no referrer sent, usable by keyboard, no broken link, no undefanged indicator,
 * no draft, no photo metadata, and a `_headers` file with the pages' own policy.
 */

/** Which built case to check. */
export interface BuiltCase {
  /** Its output folder, e.g. `dist`. */
  dist: string;
  /** Its content folder, e.g. `content`. */
  content: string;
}

/** Fails softly with every problem of one kind listed, so one run shows them all. */
function expectNone(found: readonly string[], what: string): void {
  expect.soft(found, `${what}:\n${found.join('\n')}`).toEqual([]);
}

/**
 * Reports everything a watched page did wrong. With the `_headers` file served, not even a worker
 * may send a Referer; with the pages' <meta> alone, no request may name the reader's page.
 */
function expectClean(seen: PageWatch, options: { headersFile: boolean } = { headersFile: false }): void {
  expectNone(seen.external, 'requests outside the site');
  expectNone(seen.csp, 'Content Security Policy violations');
  expectNone(seen.errors, 'console errors');
  expectNone(options.headersFile ? seen.anyReferer : seen.referers, 'requests that sent a Referer');
}

/**
 * One page per kind of page (the first segment of the path and the depth: `people/2` is every
 * person's dossier), the smallest of each, for the checks too slow to run on all of them.
 */
function pagePerTemplate(dist: string, pages: readonly string[]): string[] {
  const chosen = new Map<string, { page: string; size: number }>();
  for (const page of pages) {
    if (isRedirectPage(dist, page)) continue;
    const segments = page.split('/').filter(Boolean);
    const key = `${segments[0] ?? ''}/${segments.length}`;
    const size = builtBytes(dist, page.endsWith('/') ? `${page}index.html` : page.slice(1)).length;
    const current = chosen.get(key);
    if (!current || size < current.size) chosen.set(key, { page, size });
  }
  return [...chosen.values()].map((choice) => choice.page).sort();
}

/**
 * One watched page per worker, reused from page to page: a fresh browser context per page would
 * cost more than the checks themselves over a hundred pages.
 */
const everyPageTest = test.extend<object, { watched: { tab: Page; seen: PageWatch } }>({
  watched: [
    async ({ browser }, use, workerInfo) => {
      const baseURL = String(workerInfo.project.use.baseURL);
      const context = await browser.newContext({ baseURL, viewport: workerInfo.project.use.viewport ?? null });
      const tab = await context.newPage();
      const seen = await watchPage(tab, new URL(baseURL).origin);
      await use({ tab, seen });
      await context.close();
    },
    { scope: 'worker' },
  ],
});

/**
 * Every dossier's neighbours by page path, from the build's graph.json: the local graph on each
 * dossier must link to exactly these (checked as the every-page sweep passes the dossier anyway).
 */
function localGraphsOf(dist: string): Map<string, Set<string>> {
  const file = path.join(ROOT, dist, 'graph.json');
  if (!existsSync(file)) return new Map();
  const graph = fromGraphData(JSON.parse(readFileSync(file, 'utf8')));
  const neighbours = new Map<string, Set<string>>(graph.nodes.map((node) => [`/${node.id}/`, new Set()]));
  for (const edge of graph.edges) {
    neighbours.get(`/${edge.source}/`)?.add(`/${edge.target}/`);
    neighbours.get(`/${edge.target}/`)?.add(`/${edge.source}/`);
  }
  return neighbours;
}

/** A dossier's local graph, drawn, links to itself and each neighbour, and so does the list beside it. */
async function expectLocalGraph(tab: Page, page: string, expected: ReadonlySet<string>): Promise<void> {
  const section = tab.getByRole('region', { name: 'Connections' });
  if (expected.size === 0) {
    await expect.soft(section).toContainText('Nothing else in the case is linked');
    return;
  }
  const graph = section.locator('case-local-graph');
  await expect(graph, `${page}: drawn when scrolled to`).toHaveAttribute('data-state', 'ready');
  // Mentions are left out until asked for; with them, every neighbour is drawn.
  const mentions = graph.getByRole('button', { name: 'Mentions in text' });
  if (await mentions.isVisible()) {
    await mentions.click();
    await expect(mentions).toHaveAttribute('aria-pressed', 'true');
  }
  const hrefs = await graph
    .getByTestId('local-graph')
    .locator('a')
    .evaluateAll((links) => links.map((a) => new URL((a as SVGAElement).href.baseVal, location.href).pathname));
  expect.soft(new Set(hrefs), `${page}: local graph links`).toEqual(new Set([page, ...expected]));
  // The list beside it (the picture's twin) carries the same links, without JavaScript.
  const listed = await section
    .locator('details li a')
    .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
  expect.soft(new Set(listed), `${page}: the list beside it`).toEqual(expected);
}

/** Registers the site-wide checks for one built case. */
export function siteWideChecks(built: BuiltCase): void {
  const { dist } = built;
  const pages = existsSync(path.join(ROOT, dist)) ? builtPages(dist) : [];
  const caseFiles = readCaseFolder(path.join(ROOT, built.content));
  const localGraphs = localGraphsOf(dist);

  test('the build has pages to check', () => {
    expect(pages.length, `no pages under ${dist}/: run the build first`).toBeGreaterThan(5);
  });

  test('no broken internal link, anchor or asset, and safe external links', async ({ request, baseURL }) => {
    test.setTimeout(240_000);
    const result = await crawl(request, baseURL ?? '');
    expect(result.pages.size).toBeGreaterThan(10);
    expect(result.broken, 'broken links').toEqual([]);
    expect(result.missingAnchors, 'links to missing anchors').toEqual([]);
    expect(result.unsafeExternal, 'external links without rel="noopener noreferrer"').toEqual([]);
  });

  test.describe('every page', () => {
    for (const page of pages) {
      everyPageTest(
        `${page} loads only from the site, within its policy, without errors, and passes WCAG 2.2 AA${
          localGraphs.has(page) ? '; its local graph links to each neighbour' : ''
        }`,
        async ({ watched: { tab, seen } }) => {
          resetWatch(seen);
          await tab.emulateMedia({ colorScheme: 'light' });
          await tab.goto(page);
          if (isRedirectPage(dist, page)) await tab.waitForURL((url) => url.pathname !== page);
          await scrollThrough(tab, seen);
          expectClean(seen);
          const neighbours = localGraphs.get(page);
          if (neighbours) await expectLocalGraph(tab, page, neighbours);
          const referrer = tab.locator('head meta[name="referrer"]');
          await expect.soft(referrer).toHaveAttribute('content', 'no-referrer', { timeout: 1000 });
          expectNone(await axeViolations(tab), 'axe violations (light scheme)');
          await tab.emulateMedia({ colorScheme: 'dark' });
          expectNone(await axeViolations(tab, { rules: ['color-contrast'] }), 'axe violations (dark scheme)');
        },
      );
    }
  });

  for (const headersFile of [false, true]) {
    const served = headersFile ? 'served with _headers' : 'served without headers';
    test(`search (${served}), which loads lazily, fetches only from the site and is accessible with results open`, async ({
      page,
      baseURL,
    }) => {
      const origin = new URL(baseURL ?? '').origin;
      const seen = await watchPage(page, origin);
      // With the header policy, Pagefind's worker and its WebAssembly run under it too.
      if (headersFile) await serveWithHeadersFile(page, origin, dist);
      // A name that is certainly in the index: the first published entity's.
      const name = caseFiles.inputs.find((input) => !input.data.draft && 'name' in input.data)?.data;
      const query = name && 'name' in name ? name.name.split(/\s+/)[0] : 'the';
      await page.goto('/');
      await page.keyboard.press('Control+k');
      const dialog = page.getByRole('dialog', { name: 'Search the case' });
      await dialog.getByRole('combobox').fill(query ?? '');
      await expect(dialog.getByRole('option').first()).toBeVisible();
      await expect(dialog.locator('quick-jump')).toHaveAttribute('data-result-count', /\d+/);
      await settle(page, seen);
      expectNone(await axeViolations(page, { include: 'dialog' }), 'axe violations in the open search dialog');
      await page.goto(`/search/?q=${encodeURIComponent(query ?? '')}`);
      await expect(page.locator('case-search')).toHaveAttribute('data-result-count', /[1-9]/);
      await settle(page, seen);
      expectNone(await axeViolations(page), 'axe violations on the search page with results');
      expectClean(seen, { headersFile });
    });
  }

  test('the skip link and the header navigation work by keyboard, with focus always shown', async ({ page }) => {
    await page.goto('/');
    const skip = await tabOnce(page);
    expect(skip.name).toContain('Skip to content');
    expect(skip.onScreen, 'the skip link shows when focused').toBe(true);
    expect(skip.indicated, 'the skip link shows focus').toBe(true);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#main$/);
    await expect(page.locator('main')).toBeFocused();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.querySelector('main')?.contains(document.activeElement))).toBe(true);

    await page.goto('/');
    const navLinks = page.getByRole('navigation', { name: 'Sections' }).getByRole('link');
    const expected = await navLinks.allTextContents();
    expect(expected.length).toBeGreaterThan(0);
    const reached: string[] = [];
    for (let i = 0; i < expected.length + 3; i++) {
      const stop = await tabOnce(page);
      expect(stop.indicated, `${stop.name} shows focus`).toBe(true);
      if (expected.some((label) => stop.name.includes(`"${label.trim()}"`))) reached.push(stop.name);
    }
    expect(reached).toHaveLength(expected.length);
    const last = navLinks.last();
    await last.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${(await last.getAttribute('href')) ?? ''}$`));
  });

  test.describe('every kind of page', () => {
    for (const page of pagePerTemplate(dist, pages)) {
      test(`${page}, served with _headers, runs cleanly; Tab reaches every control once, each shown focused`, async ({
        page: tab,
        baseURL,
      }) => {
        const origin = new URL(baseURL ?? '').origin;
        const seen = await watchPage(tab, origin);
        await serveWithHeadersFile(tab, origin, dist);
        const response = await tab.goto(page);
        expect(response?.headers()['x-frame-options']).toBe('DENY');
        await scrollThrough(tab, seen);
        expectClean(seen, { headersFile: true });

        const tabbables = await markTabbables(tab);
        const stops = await tabThrough(tab, tabbables.length + 20);
        const reached = new Set(stops.map((stop) => stop.index));
        expectNone(
          tabbables.filter((_, i) => !reached.has(i)),
          'controls the Tab key never reaches',
        );
        expectNone(
          stops.filter((stop) => !stop.indicated).map((stop) => stop.name),
          'focused without a visible indicator',
        );
        expectNone(
          stops.filter((stop) => !stop.onScreen).map((stop) => stop.name),
          'focused while off screen',
        );
      });
    }
  });

  test('following a link to a source tells its server nothing of the page it came from', async ({
    page,
    request,
    baseURL,
  }) => {
    const origin = new URL(baseURL ?? '').origin;
    // The first external link a reader can follow, and a page that has it.
    const links = [...(await crawl(request, origin)).pages].flatMap(([from, html]) =>
      [...html.matchAll(/<a\b[^>]*\shref="(https?:[^"]+)"/g)]
        .map((match) => (match[1] ?? '').replace(/&amp;/g, '&'))
        .filter((href) => new URL(href).origin !== origin)
        .map((href) => ({ from, href })),
    );
    const target = links.sort((a, b) => a.href.localeCompare(b.href) || a.from.localeCompare(b.from))[0]?.href;
    const from = links.find((link) => link.href === target)?.from;
    expect(target, 'the case links at least one source').toBeDefined();
    const arrived: { referer: string | undefined; url: string }[] = [];
    // Nothing outside this machine is reached: the source's server is played by the test.
    await page.context().route(`${new URL(target ?? '').origin}/**`, async (route) => {
      arrived.push({ referer: route.request().headers()['referer'], url: route.request().url() });
      await route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>source</title><p>source</p>' });
    });
    await page.goto(from ?? '/');
    const link = page.locator(`a[href="${target}"]`).first();
    const [opened] = await Promise.all([
      page
        .context()
        .waitForEvent('page', { timeout: 2000 })
        .catch(() => undefined),
      link.click(),
    ]);
    const destination = opened ?? page;
    await destination.waitForURL(target ?? '');
    expect(arrived.length).toBeGreaterThan(0);
    expect(arrived.map((visit) => visit.referer ?? '')).toEqual(arrived.map(() => ''));
    expect(await destination.evaluate(() => document.referrer)).toBe('');
  });

  test('_headers carries the very policy of every page, plus what only a header can say', () => {
    const headers = parseHeadersFile(readFileSync(path.join(ROOT, dist, '_headers'), 'utf8'));
    const byName = new Map(headers.map((header) => [header.name, header.value]));
    for (const name of ['X-Content-Type-Options', 'X-Frame-Options', 'Referrer-Policy', 'Permissions-Policy']) {
      expect(byName.get(name), name).toBeTruthy();
    }
    expect(byName.get('Referrer-Policy')).toBe('no-referrer');
    const header = parseCsp(byName.get('Content-Security-Policy') ?? '');
    const configured = cspDirectives({ tileOrigin: tileOrigin(SITE.tiles) }).map((directive) => parseCsp(directive));
    // Each directive of the header allows exactly what some page's own policy allows, no more.
    const union = new Map<string, Set<string>>();
    for (const page of pages) {
      const file = page.endsWith('/') ? `${page}index.html` : page.slice(1);
      const policy = metaPolicy(readFileSync(path.join(ROOT, dist, file), 'utf8'));
      expect(policy, `${file} has a Content-Security-Policy <meta>`).toBeDefined();
      const meta = parseCsp(policy ?? '');
      for (const directive of configured) {
        for (const [name, sources] of directive) expect(meta.get(name), `${file}: ${name}`).toEqual(sources);
      }
      for (const [name, sources] of meta) union.set(name, new Set([...(union.get(name) ?? []), ...sources]));
    }
    for (const [name, sources] of union) expect(new Set(header.get(name)), `_headers ${name}`).toEqual(sources);
    expect([...header.keys()].sort()).toEqual([...union.keys(), ...HEADER_ONLY_DIRECTIVES.keys()].sort());
    for (const [name, sources] of HEADER_ONLY_DIRECTIVES) expect(header.get(name)).toEqual(sources);
  });

  test('published images carry no EXIF, GPS, camera or XMP metadata, and no original is copied', async () => {
    const images = builtFiles(dist).filter((file) => IMAGE_FILE.test(file));
    const sourceImages = caseFiles.files.flatMap((read) =>
      read.input.data.draft ? [] : read.images.map((image) => path.resolve(ROOT, built.content, image)),
    );
    if (sourceImages.length > 0) expect(images.length, 'the content has images, so the build must').toBeGreaterThan(0);
    const digest = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
    const originals = new Set(sourceImages.map((file) => digest(readFileSync(file))));
    const found: string[] = [];
    for (const file of images) {
      const bytes = readFileSync(path.join(ROOT, dist, file));
      if (originals.has(digest(bytes))) found.push(`${file}: a byte-for-byte copy of an original`);
      for (const tag of await imageMetadata(bytes)) found.push(`${file}: ${tag}`);
    }
    expectNone(found, 'image metadata published');
  });

  test('indicators appear nowhere in published text undefanged (JSON exports excepted)', () => {
    const indicators = caseFiles.inputs.flatMap((input) =>
      input.collection === 'identities' && isIndicatorKind(input.data.kind) ? [input.data.value.toLowerCase()] : [],
    );
    const found: string[] = [];
    // The JSON and STIX exports are data for analysts' tools, which need the plain value (a STIX
    // domain-name object must hold the real domain); every page, feed, sitemap and the search
    // index show it only defanged.
    for (const file of builtFiles(dist).filter((name) => !name.endsWith('.json') && !IMAGE_FILE.test(name))) {
      const text = builtBytes(dist, file).toString('utf8').toLowerCase();
      for (const value of indicators) if (text.includes(value)) found.push(`${file}: ${value}`);
    }
    expectNone(found, 'undefanged indicators');
  });

  test('no draft has a page, a link, a search entry or an export', () => {
    const drafts = caseFiles.inputs.filter((input) => input.data.draft);
    const found: string[] = [];
    for (const draft of drafts) {
      const address = `/${draft.collection}/${draft.slug}/`;
      if (existsSync(path.join(ROOT, dist, draft.collection, draft.slug))) found.push(`${address} was built`);
      for (const file of builtFiles(dist).filter((name) => !IMAGE_FILE.test(name))) {
        const text = builtBytes(dist, file).toString('utf8');
        if (text.includes(address) || text.includes(`"${draft.collection}/${draft.slug}"`))
          found.push(`${file} names ${address}`);
      }
    }
    expectNone(found, 'drafts published');
  });
}
