import { expect, test } from '@playwright/test';
import { crawl } from './crawl.ts';

/**
 * Site-wide checks shared by every built case: no broken internal link, anchor or asset; external
 * links that do not leak the reader; and no console error on any page.
 */
export function siteWideChecks(): void {
  test('no broken internal link, anchor or asset, and safe external links', async ({ request, baseURL }) => {
    test.setTimeout(240_000);
    const result = await crawl(request, baseURL ?? '');
    expect(result.pages.size).toBeGreaterThan(10);
    expect(result.broken, 'broken links').toEqual([]);
    expect(result.missingAnchors, 'links to missing anchors').toEqual([]);
    expect(result.unsafeExternal, 'external links without rel="noopener noreferrer"').toEqual([]);
  });

  test('every page loads without a console error', async ({ page, request, baseURL }) => {
    test.setTimeout(600_000);
    const { pages } = await crawl(request, baseURL ?? '');
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
    for (const path of pages.keys()) {
      await page.goto(path, { waitUntil: 'load' });
    }
    expect(errors).toEqual([]);
  });
}
