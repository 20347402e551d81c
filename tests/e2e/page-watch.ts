import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page, Request } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import { parseHeadersFile } from '../../src/lib/security-policy.ts';
import { ROOT } from './built-site.ts';

/**
 * What a page does while a reader has it open: every request it makes, every Content Security
 * Policy violation, every console error; and what axe-core finds wrong with it.
 */

/** What was seen on a page, each as readable lines for a failure message. */
export interface PageWatch {
  /** Requests under way now. */
  inflight: Set<Request>;
  /** Requests to anywhere but the site's own origin. */
  external: string[];
  /** Requests that told their target which page the reader is on. */
  referers: string[];
  /** Requests that sent any Referer at all (a worker's own script address, say). */
  anyReferer: string[];
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** Content Security Policy violations, from the DOM event and from the console. */
  csp: string[];
}

/** The WCAG 2.2 A and AA rules, by axe-core's tags. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Starts watching a page; call before the first navigation. */
export async function watchPage(page: Page, origin: string): Promise<PageWatch> {
  const seen: PageWatch = { inflight: new Set(), external: [], referers: [], anyReferer: [], errors: [], csp: [] };
  await page.exposeBinding('__casefileCspViolation', (_source, line: string) => {
    seen.csp.push(line);
  });
  // Runs before any script of the page, so no violation can happen unheard.
  await page.addInitScript(() => {
    const report = (window as unknown as { __casefileCspViolation: (line: string) => void }).__casefileCspViolation;
    document.addEventListener('securitypolicyviolation', (event) => {
      report(
        `${location.pathname}: ${event.effectiveDirective} blocked ${event.blockedURI || 'an inline resource'} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  page.on('requestfinished', (request) => seen.inflight.delete(request));
  page.on('requestfailed', (request) => seen.inflight.delete(request));
  page.on('request', (request) => {
    seen.inflight.add(request);
    const redirected = request.redirectedFrom();
    if (redirected) seen.inflight.delete(redirected);
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== origin) {
      seen.external.push(`${request.resourceType()} ${request.url()} (from ${page.url()})`);
    }
    const referer = request.headers()['referer'];
    if (referer) {
      seen.anyReferer.push(`${request.url()} was told ${referer}`);
      // A page's <meta> policy covers what the page requests; Pagefind's worker fetches with its
      // own policy, which only a response header sets, and names only its script, never the page.
      if (/(\/|\.html)$/.test(new URL(referer).pathname)) seen.referers.push(`${request.url()} was told ${referer}`);
    }
  });
  page.on('console', (message) => {
    if (/content security policy/i.test(message.text())) seen.csp.push(`${page.url()}: ${message.text()}`);
    else if (message.type() === 'error') seen.errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => seen.errors.push(`${page.url()}: ${error.message}`));
  return seen;
}

/** Forgets what a reused page saw before, keeping its listeners. */
export function resetWatch(seen: PageWatch): void {
  for (const list of [seen.external, seen.referers, seen.anyReferer, seen.errors, seen.csp]) list.length = 0;
}

/**
 * Waits until no request has been under way for a moment: Playwright's "networkidle" waits half a
 * second every time, which over a hundred pages is most of the run.
 */
export async function settle(page: Page, seen: PageWatch, quietMs = 120, maxMs = 5000): Promise<void> {
  const started = Date.now();
  let quietSince = Date.now();
  while (Date.now() - started < maxMs) {
    if (seen.inflight.size > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return;
    await page.waitForTimeout(20);
  }
}

/**
 * Scrolls a page from top to bottom a screen at a time, so whatever loads when it becomes visible
 * (lazy images, the graph and map islands) loads, and waits until the network is quiet.
 */
export async function scrollThrough(page: Page, seen?: PageWatch): Promise<void> {
  await page.evaluate(async () => {
    // Two frames: the scroll is laid out and visibility observers have run.
    const pause = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight) {
      window.scrollTo(0, y);
      await pause();
    }
    window.scrollTo(0, 0);
  });
  // Maps and local graphs start when scrolled into view and replace their placeholder when drawn:
  // wait for each to finish, so what is checked next is the page as the reader ends up with it.
  await page.waitForFunction(() =>
    [...document.querySelectorAll<HTMLElement>('case-map, case-local-graph')].every(
      (widget) => widget.dataset.state === 'ready' || widget.dataset.state === 'failed',
    ),
  );
  if (seen) await settle(page, seen);
  else await page.waitForLoadState('networkidle');
}

/**
 * Waits until what an action set going has run its course: the next frames have been drawn, no
 * animation or transition is running (a map's zoom, say), and the page's main thread is idle. Any
 * request the action causes has been made by then, so the test may assert that none was.
 */
export async function pageAtRest(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    await frame();
    await frame();
    // A bounded wait: an endless animation (a spinner) must not hang the test.
    for (let i = 0; i < 600 && document.getAnimations().some((a) => a.playState === 'running'); i++) await frame();
    await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 }));
  });
}

/** axe-core's WCAG 2.2 A/AA findings on the page as it is now, one line per rule. */
export async function axeViolations(
  page: Page,
  options: { include?: string; rules?: string[] } = {},
): Promise<string[]> {
  // Legacy mode runs axe in the page alone instead of opening a blank page to merge frame results;
  // the site has no frames, and this halves the time per page. Only violations are collected:
  // axe's other result types (passes, incomplete, inapplicable) are never read, and gathering and
  // sending their nodes back costs as much as the checks. Set before the rules, which it would reset.
  let builder = new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] });
  builder = options.rules ? builder.withRules(options.rules) : builder.withTags(WCAG_TAGS);
  if (options.include) builder = builder.include(options.include);
  const { violations } = await builder.analyze();
  return violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? 'unknown'}): ${violation.help} at ${violation.nodes
        .map((node) => node.target.join(' '))
        .join(' | ')}`,
  );
}

/**
 * Serves the site to this page with the headers of its `_headers` file added to every response,
 * as a static host that reads the file would, so the header policy is exercised too.
 */
export async function serveWithHeadersFile(page: Page, origin: string, dist: string): Promise<void> {
  const headers = parseHeadersFile(readFileSync(path.join(ROOT, dist, '_headers'), 'utf8'));
  await page.route(`${origin}/**`, async (route) => {
    try {
      const response = await route.fetch();
      const merged: Record<string, string> = {};
      for (const [name, value] of Object.entries(response.headers())) {
        if (name !== 'content-length' && name !== 'content-encoding') merged[name] = value;
      }
      for (const header of headers) merged[header.name.toLowerCase()] = header.value;
      await route.fulfill({ response, headers: merged });
    } catch (error) {
      // A page may still be loading something when its test ends (a preview's code or data, fetched
      // on the last focus): that request is dropped, not reported as an error of the run.
      if (/Test ended|has been disposed|has been closed/.test(String(error))) return;
      throw error;
    }
  });
}
