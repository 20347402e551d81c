import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { builtBytes, builtFiles } from '../built-site.ts';
import { INTERNAL_PHRASES } from '../../internal-phrases.ts';

/**
 * The sample case's built site speaks to readers, never to the project: no page, feed or export says
 * "sample case", names the internal notes or points into the repository. And the grading rule every
 * confidence tag refers to is published, one anchor per grade, with its ICD 203 and STIX mappings.
 */

// What a reader or a downstream tool receives as text: pages, feeds, sitemaps, exports and the map
// outlines' note. Left out: the bundled scripts and styles (_astro/) and Pagefind's index (built from
// the pages already read). tests/e2e/content/public-voice.spec.ts checks the same of any case.
const PUBLIC_TEXT = /\.(html|xml|json|csv|txt)$/;
const NOT_PUBLIC_TEXT = /^(_astro|pagefind)\//;

test('no built page, feed or export uses a phrase meant for the project', () => {
  const files = builtFiles('dist').filter((file) => PUBLIC_TEXT.test(file) && !NOT_PUBLIC_TEXT.test(file));
  expect(files.length).toBeGreaterThan(150);
  const found: string[] = [];
  for (const file of files) {
    const text = builtBytes('dist', file).toString('utf8').toLowerCase();
    for (const phrase of INTERNAL_PHRASES) if (text.includes(phrase)) found.push(`${file}: “${phrase}”`);
  }
  expect(found).toEqual([]);
});

test('publishes no page for the internal research notes', async ({ request }) => {
  expect(builtFiles('dist').filter((file) => file.includes('research-notes'))).toEqual([]);
  const sources = await (await request.get('/sources/')).text();
  expect(sources).toContain('/sources/crowdstrike-2018-two-birds/');
  expect(sources).not.toContain('/sources/casefile-research-notes/');
});

test('reports carry a byline of the publisher’s desk and their dates', async ({ page }) => {
  await page.goto('/reports/the-tianjin-bureau/');
  await expect(page.getByText('By casefile investigations desk')).toBeVisible();
  await expect(page.locator('time[datetime="2026-11-22"]').first()).toBeVisible();
  await expect(page.locator('time[datetime="2026-12-01"]').first()).toBeVisible();
});

// The five grades as the page must state them, written out by hand: label, ICD 203 level, STIX value.
const GRADES = [
  ['confirmed', 'confirmed', 'high confidence', '95'],
  ['high', 'high confidence', 'high confidence', '80'],
  ['moderate', 'moderate confidence', 'moderate confidence', '50'],
  ['low', 'low confidence', 'low confidence', '25'],
  ['unverified', 'unverified', 'low confidence', '10'],
] as const;

test('the grading page has one anchor per grade and maps each to ICD 203 and STIX 2.1', async ({ page }) => {
  await page.goto('/how-we-grade/');
  await expect(page.getByRole('heading', { level: 1, name: 'How we grade' })).toBeVisible();
  for (const [anchor, label, icd, stix] of GRADES) {
    await expect(page.locator(`[id="${anchor}"]`), `#${anchor}`).toContainText(label);
    const row = page.getByRole('row', { name: new RegExp(`^${label} `) });
    await expect(row.getByRole('cell').nth(0)).toHaveText(icd);
    await expect(row.getByRole('cell').nth(1)).toHaveText(stix);
  }
  await expect(page.locator('[id="inferences"]')).toContainText('Our own inferences');
  await expect(page.locator('#inferences + p')).toContainText('“Our inference:”');
  await expect(page.getByText('ICD 203', { exact: false }).first()).toBeVisible();
});

test('the grading page names a relationship of ours graded by the inference rule, and links to it', async ({
  page,
}) => {
  await page.goto('/how-we-grade/');
  const link = page.getByRole('link', { name: 'cpyy member of PUTTER PANDA' });
  await expect(link).toHaveAttribute('href', '/people/cpyy/');
});

test('the grading page passes axe (WCAG 2.2 AA), light and dark', async ({ page }) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto('/how-we-grade/');
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    expect(results.violations.map((v) => `${colorScheme} ${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual(
      [],
    );
  }
});
