import { expect, test, type Page } from '@playwright/test';
import { crawl } from '../crawl.ts';

/**
 * The path issue 3 promises a reader of the sample case: from the home page to GAO Qiang, from his
 * dossier to the Tianjin bureau, and from the bureau to the report that explains how the two are
 * linked, following links alone. Each step clicks a link in the page's main content, found by role
 * and name, so the walk fails as soon as a link on the way disappears or is renamed. A second test
 * checks that every wikilink in the case became a link on the built site.
 */

/** Clicks the first link in the main content whose name matches, and checks where it led. */
async function follow(page: Page, name: RegExp, expectedPath: string): Promise<void> {
  const link = page.getByRole('main').getByRole('link', { name }).first();
  await expect(link, `a link named ${String(name)} on ${page.url()}`).toBeVisible();
  await link.click();
  await expect(page).toHaveURL((url) => url.pathname === expectedPath);
}

test('a reader walks from the home page to GAO Qiang, the Tianjin bureau and the report on it', async ({ page }) => {
  const title = page.getByRole('heading', { level: 1 });

  await page.goto('/');
  await follow(page, /^People$/, '/people/');
  await follow(page, /^GAO Qiang/, '/people/gao-qiang/');
  await expect(title).toContainText('GAO Qiang');

  await follow(page, /^Tianjin State Security Bureau$/, '/companies/tianjin-state-security-bureau/');
  await expect(title).toContainText('Tianjin State Security Bureau');

  await follow(page, /^The compound on Zhujiang Road/, '/reports/the-tianjin-bureau/');
  await expect(title).toContainText('The compound on Zhujiang Road');

  // The report explains the link only if it discusses both ends and lets the reader go back to each.
  const main = page.getByRole('main');
  await expect(main.getByRole('link', { name: /^GAO Qiang$/ }).first()).toHaveAttribute(
    'href',
    /\/people\/gao-qiang\/$/,
  );
  await expect(main.getByRole('link', { name: /^Tianjin State Security Bureau$/ }).first()).toHaveAttribute(
    'href',
    /\/companies\/tianjin-state-security-bureau\/$/,
  );
});

test('no page of the sample case shows a broken or unparsed wikilink', async ({ request, baseURL }) => {
  const { pages } = await crawl(request, baseURL ?? '');
  expect(pages.size).toBeGreaterThan(45);
  const broken = [...pages]
    .filter(([, html]) => html.includes('wikilink-broken') || html.replace(/<[^>]*>/g, '').includes('[['))
    .map(([path]) => path);
  expect(broken, 'pages with a wikilink that did not become a link').toEqual([]);
});
