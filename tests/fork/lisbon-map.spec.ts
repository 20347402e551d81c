import { expect, test } from '@playwright/test';
import { imagesLoaded, mapZoom, markerImages, readyMap } from '../e2e/map-checks.ts';

/**
 * Run by the fork test only (tests/fork/run.ts), in its copy of the project whose content/ is
 * tests/fixtures/lisbon: a case in Portugal gets the world's countries under its pins, Portugal
 * among them, and none of Tianjin's districts.
 */

// ISO 3166-1 numeric codes, the ids of the world outline's countries: Portugal and Spain.
const PORTUGAL = 'district-620';
const SPAIN = 'district-724';

test('the map draws Portugal’s outline under the Lisbon and Porto pins, and no district of Tianjin', async ({
  page,
}) => {
  await page.goto('/map/');
  const map = page.locator('case-map');
  await readyMap(map);
  await expect(map.getByRole('button', { name: 'Alfama office', exact: true })).toBeVisible();
  await expect(map.getByRole('button', { name: 'Porto warehouse', exact: true })).toBeVisible();
  await expect.poll(() => imagesLoaded(markerImages(map))).toEqual([true, true]);
  await expect(map.getByTestId(PORTUGAL)).toBeAttached();
  await expect(map.getByTestId(SPAIN)).toBeAttached();
  await expect(map.getByTestId(/^district-1201/)).toHaveCount(0);
  await expect(map.getByRole('link', { name: 'Countries: Natural Earth (public domain)' })).toHaveAttribute(
    'href',
    '/basemap/README.txt',
  );
});

test('a place’s own map stays on its street, not widened to the whole country', async ({ page }) => {
  await page.goto('/locations/alfama-office/');
  const map = page.locator('case-map');
  await readyMap(map);
  await expect(map.getByTestId(PORTUGAL)).toBeAttached();
  // A 400 m circle framed at its own size; all of Portugal would be zoom 6 or so.
  expect(await mapZoom(map)).toBeGreaterThanOrEqual(12);
});

test('the site publishes the countries’ outline and not Tianjin’s districts', async ({ request }) => {
  expect((await request.get('/basemap/world-countries.geojson')).status()).toBe(200);
  expect((await request.get('/basemap/tianjin-districts.geojson')).status()).toBe(404);
});
