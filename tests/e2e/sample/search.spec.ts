import { expect, test, type Page } from '@playwright/test';

/** Runs a query on /search/ and returns the paths of the results, in order. */
async function resultPaths(page: Page, query: string): Promise<string[]> {
  await page.goto(`/search/?q=${encodeURIComponent(query)}`);
  const panel = page.locator('case-search[data-mode="page"]');
  await expect(panel).toHaveAttribute('data-result-count', /\d+/);
  const hrefs = await panel
    .locator('.hit > a')
    .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
  return hrefs;
}

// What an analyst arrives with, and the dossier that must come first.
const QUERIES: [string, string, string][] = [
  ['English name', 'GAO Qiang', '/people/gao-qiang/'],
  ['English name', 'ZHANG Shilong', '/people/zhang-shilong/'],
  ['APT10 alias', 'Red Apollo', '/actors/stone-panda/'],
  ['APT10 alias', 'menuPass', '/actors/stone-panda/'],
  ['hanzi, full name', '高强', '/people/gao-qiang/'],
  ['hanzi, the CrowdStrike form', '张世龙', '/people/zhang-shilong/'],
  ['hanzi, the DOJ form', '张士龙', '/people/zhang-shilong/'],
  ['hanzi, mid-word', '华盈海泰', '/companies/huaying-haitai/'],
  ['hanzi nickname', '肥猪', '/identities/feizhu/'],
  ['handle', 'fisherxp', '/identities/fisherxp/'],
  ['handle', 'baobeilong', '/identities/baobeilong/'],
  ['QQ number', '420192', '/identities/qq-420192/'],
  ['plain domain', 'xiaohong.org', '/identities/xiaohong-org/'],
  ['defanged domain', 'xiaohong[.]org', '/identities/xiaohong-org/'],
  ['English address fragment', 'Zhujiang Road', '/locations/zhujiang-road-compound/'],
  ['Chinese address fragment, mid-word', '新开路', '/locations/guanfu-mansion/'],
  ['Chinese address fragment', '解放南路', '/locations/fuyu-mansion/'],
  ['tool', 'zxarps', '/tools/zxarps/'],
  ['tool', 'RedLeaves', '/tools/redleaves/'],
  ['organisation in hanzi', '天津市国家安全局', '/companies/tianjin-state-security-bureau/'],
];

test.describe('search finds the right dossier first', () => {
  for (const [kind, query, expected] of QUERIES) {
    test(`${kind}: ${query}`, async ({ page }) => {
      const paths = await resultPaths(page, query);
      expect(paths[0], `results: ${paths.join(', ')}`).toBe(expected);
    });
  }
});

test('type filters narrow the results without retyping', async ({ page }) => {
  await page.goto('/search/?q=fisherxp');
  const panel = page.locator('case-search[data-mode="page"]');
  await expect(panel).toHaveAttribute('data-result-count', /\d+/);
  const before = Number(await panel.getAttribute('data-result-count'));
  await panel.getByRole('button', { name: /^People \(\d+\)$/ }).click();
  await expect(panel.getByRole('button', { name: /^People/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/type=People/);
  await expect.poll(async () => Number(await panel.getAttribute('data-result-count'))).toBeLessThan(before);
  const types = await panel.locator('.hit-type').allTextContents();
  expect(types.length).toBeGreaterThan(0);
  expect(new Set(types)).toEqual(new Set(['Person']));
});

test('/search/?q= restores a search and keeps typing in the URL', async ({ page }) => {
  await page.goto('/search/?q=Boyusec');
  const input = page.getByRole('searchbox');
  await expect(input).toHaveValue('Boyusec');
  await expect(page.locator('.hit > a').first()).toHaveAttribute('href', /\/companies\/boyusec\//);
  await input.fill('Nankai');
  await expect(page).toHaveURL(/\?q=Nankai$/);
});

test('the header dialog works by keyboard alone', async ({ page }) => {
  await page.goto('/reports/');
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Search the case' });
  await expect(dialog).toBeVisible();
  const input = dialog.getByRole('searchbox');
  await expect(input).toBeFocused();
  await page.keyboard.type('高强');
  await expect(dialog.locator('.hit > a').first()).toHaveAttribute('href', /\/people\/gao-qiang\//);
  await page.keyboard.press('ArrowDown');
  await expect(dialog.locator('.hit > a').first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.keyboard.press('Control+k');
  await expect(dialog.getByRole('searchbox')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/people\/gao-qiang\/\?highlight=/);
});

test('arriving from a result highlights the matched terms', async ({ page }) => {
  await page.goto('/locations/guanfu-mansion/?highlight=%E6%96%B0%E5%BC%80%E8%B7%AF');
  const hits = page.locator('mark.search-hit');
  await expect(hits.first()).toHaveText('新开路');
  await expect(hits.first()).toBeInViewport();
});

test('results show the type, the native name and the summary', async ({ page }) => {
  await page.goto('/search/?q=GAO%20Qiang');
  const first = page.locator('.hit').first();
  await expect(first.locator('.hit-type')).toHaveText('Person');
  await expect(first.locator('.hit-native')).toHaveText('高强');
  await expect(first.locator('.hit-summary')).not.toBeEmpty();
  await expect(first.locator('.hit-excerpt mark').first()).toBeVisible();
});

test('a long answer shows ten results and loads the next ten when asked, by keyboard too', async ({ page }) => {
  await page.goto('/search/?q=Tianjin');
  const panel = page.locator('case-search[data-mode="page"]');
  await expect(panel).toHaveAttribute('data-result-count', /\d+/);
  const total = Number(await panel.getAttribute('data-result-count'));
  expect(total, 'the sample case has more than ten pages about Tianjin').toBeGreaterThan(10);
  const hits = panel.locator('.hit > a');
  await expect(hits).toHaveCount(10);
  await expect(panel.getByRole('status')).toHaveText(`${total} results for “Tianjin”, showing the first 10.`);
  const more = panel.getByRole('button', { name: `Show ${Math.min(10, total - 10)} more results` });
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(hits).toHaveCount(Math.min(20, total));
  await expect(hits.nth(10)).toBeFocused();
  const paths = await hits.evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
  expect(new Set(paths).size, 'no result is shown twice').toBe(paths.length);
  if (total <= 20) await expect(more).toBeHidden();
});
