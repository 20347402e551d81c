import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from '../browser.ts';
import { builtPages, isRedirectPage } from '../e2e/built-site.ts';
import { axeViolations, resetWatch, scrollThrough, watchPage } from '../e2e/page-watch.ts';

/**
 * What each step of the site-wide page check costs, page by page, so its run time can be kept in
 * hand as the site grows. Serve a build first, then:
 *
 *   npx astro preview --port 4835 &
 *   node tests/bench/page-check-cost.ts --origin http://localhost:4835 --dist dist [--pages 20]
 */

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? (args[at + 1] ?? fallback) : fallback;
};
const origin = option('origin', 'http://localhost:4835');
const dist = option('dist', 'dist');
const pages = builtPages(dist)
  .filter((page) => !isRedirectPage(dist, page))
  .slice(0, Number(option('pages', '1000')));

const executablePath = chromiumExecutable();
const browser = await chromium.launch({ args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) });
const context = await browser.newContext({ baseURL: origin, viewport: { width: 1280, height: 720 } });
const tab = await context.newPage();
const seen = await watchPage(tab, origin);
const steps = ['load', 'scroll and settle', 'axe (light)', 'axe contrast (dark)'];
const totals = steps.map(() => 0);

for (const page of pages) {
  resetWatch(seen);
  await tab.emulateMedia({ colorScheme: 'light' });
  const times: number[] = [];
  let started = performance.now();
  const lap = () => {
    times.push(performance.now() - started);
    started = performance.now();
  };
  await tab.goto(page);
  lap();
  await scrollThrough(tab, seen);
  lap();
  await axeViolations(tab);
  lap();
  await tab.emulateMedia({ colorScheme: 'dark' });
  await axeViolations(tab, { rules: ['color-contrast'] });
  lap();
  times.forEach((ms, i) => (totals[i] = (totals[i] ?? 0) + ms));
  console.log(`${page}: ${times.map((ms) => Math.round(ms)).join(' / ')} ms`);
}

console.log(`\n${pages.length} pages, mean per page:`);
steps.forEach((step, i) => console.log(`  ${step}: ${Math.round((totals[i] ?? 0) / pages.length)} ms`));
await browser.close();
