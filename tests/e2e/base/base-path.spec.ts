import { expect, test, type Page } from '@playwright/test';
import { crawl } from '../crawl.ts';
import { collectErrors, imagesLoaded, markerImages, readyMap } from '../map-checks.ts';

/**
 * The fixture case built for https://reports.example.org/case/ (npm run build:fixture:base) and
 * served under /case/, as GitHub Pages serves a project site or nginx a `location /case/`: every
 * link and asset resolves under the base path, and search, the link diagram and the map load
 * their code and data from it. Paths here are relative (`map/`), so they resolve under the base
 * URL; `/map/` would leave it.
 */

const BASE = '/case/';

/** Every request the page makes to its own origin, by path: each must lie under the base path. */
function ownRequests(page: Page): string[] {
  const paths: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.hostname === 'localhost') paths.push(url.pathname);
  });
  return paths;
}

test('every page, link and asset resolves under the base path', async ({ request, baseURL }) => {
  test.setTimeout(240_000);
  const origin = new URL(baseURL ?? '').origin;
  const result = await crawl(request, origin, BASE);
  expect(result.pages.size).toBeGreaterThan(20);
  expect(result.broken, 'broken links').toEqual([]);
  expect(result.missingAnchors, 'links to missing anchors').toEqual([]);
  expect([...result.pages.keys()].filter((page) => !page.startsWith(BASE))).toEqual([]);
});

test('nothing is served at the origin’s root: the build lives under its base path alone', async ({
  request,
  baseURL,
}) => {
  const origin = new URL(baseURL ?? '').origin;
  expect((await request.get(`${origin}/people/li-wei/`)).status()).toBe(404);
  expect((await request.get(`${origin}${BASE}people/li-wei/`)).status()).toBe(200);
});

test('search finds a dossier and opens it under the base path', async ({ page }) => {
  const requests = ownRequests(page);
  const errors = collectErrors(page);
  await page.goto('./');
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Search the case' });
  await dialog.getByRole('combobox').fill('LI Wei');
  const option = dialog.getByRole('option', { name: /LI Wei/ }).first();
  await expect(option).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/case\/people\/li-wei\/(\?|$)/);
  await page.goto('search/?q=Heron');
  await expect(page.locator('case-search')).toHaveAttribute('data-result-count', /[1-9]/);
  await expect(page.getByRole('link', { name: /HeronRAT/ }).first()).toHaveAttribute('href', /^\/case\//);
  expect(requests.filter((path) => !path.startsWith(BASE))).toEqual([]);
  expect(errors).toEqual([]);
});

test('the link diagram draws and its focus links stay under the base path', async ({ page }) => {
  const requests = ownRequests(page);
  const errors = collectErrors(page);
  await page.goto('graph/?focus=people/li-wei');
  await expect(page.locator('case-graph')).toHaveAttribute('data-state', 'ready');
  const panel = page.getByRole('region', { name: 'Entity in focus' });
  await expect(panel.getByRole('link', { name: /LI Wei/ }).first()).toHaveAttribute('href', '/case/people/li-wei/');
  expect(requests).toContain('/case/graph.json');
  expect(requests.filter((path) => !path.startsWith(BASE))).toEqual([]);
  expect(errors).toEqual([]);
});

test('the map draws its pins and outline from under the base path', async ({ page }) => {
  const requests = ownRequests(page);
  const errors = collectErrors(page);
  await page.goto('map/');
  const map = page.locator('case-map');
  await readyMap(map);
  const markers = markerImages(map);
  await expect(markers).toHaveCount(2);
  await expect.poll(() => imagesLoaded(markers)).toEqual([true, true]);
  await expect(map.getByTestId(/^district-/).first()).toBeAttached();
  await expect(map.getByRole('link', { name: /Districts|Countries/ })).toHaveAttribute(
    'href',
    '/case/basemap/README.txt',
  );
  await markers.first().click();
  await expect(page.locator('.leaflet-popup a[href^="/case/locations/"]').first()).toBeVisible();
  expect(requests.filter((path) => !path.startsWith(BASE))).toEqual([]);
  expect(errors).toEqual([]);
});
