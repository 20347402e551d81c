import { expect, type Locator, type Page } from '@playwright/test';
import type { CaseMapElement, DrawnCircle } from '../../src/scripts/case-map.ts';

/**
 * Helpers shared by the map specs of the sample and fixture cases: wait for a map, read what it
 * drew, and the radius a precision circle must have on screen.
 */

/** Scrolls a map into view and waits until it reports itself interactive. */
export async function readyMap(map: Locator): Promise<void> {
  await map.scrollIntoViewIfNeeded();
  await expect(map).toHaveAttribute('data-state', 'ready');
}

/** The precision circles a map has drawn, through the element's typed accessor. */
export function drawnCircles(map: Locator): Promise<DrawnCircle[]> {
  return map.evaluate((element) => (element as CaseMapElement).precisionCircles());
}

/** The map's zoom level. */
export async function mapZoom(map: Locator): Promise<number> {
  const zoom = await map.evaluate((element) => (element as CaseMapElement).zoom());
  if (zoom === undefined) throw new Error('the map is not ready');
  return zoom;
}

/**
 * The horizontal radius in CSS pixels that a circle of `metres` around latitude `lat` has in Web
 * Mercator at `zoom` (256-pixel tiles, Earth radius 6,371 km as Leaflet's L.Circle uses). Computed
 * independently of Leaflet, so a circle drawn in the wrong unit or at the wrong size fails.
 */
export function expectedRadiusPixels(metres: number, lat: number, zoom: number): number {
  return (metres * 256 * 2 ** zoom) / (2 * Math.PI * 6_371_000 * Math.cos((lat * Math.PI) / 180));
}

/** The marker images of a map: images that act as buttons, named by their place. */
export function markerImages(map: Locator): Locator {
  return map.locator('img[role="button"]');
}

/** Collects console errors and uncaught exceptions of a page. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  return errors;
}

/** True when every image has loaded with a real size. */
export async function imagesLoaded(images: Locator): Promise<boolean[]> {
  return images.evaluateAll((nodes) =>
    nodes.map((node) => node instanceof HTMLImageElement && node.complete && node.naturalWidth > 0),
  );
}
