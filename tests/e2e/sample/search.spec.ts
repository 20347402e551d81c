import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { ROOT } from '../built-site.ts';

/** The /search/ page's panel, once its search has answered. */
async function searchPage(page: Page, query: string): Promise<Locator> {
  await page.goto(`/search/?q=${encodeURIComponent(query)}`);
  const panel = page.locator('case-search');
  await expect(panel).toHaveAttribute('data-result-count', /\d+/);
  return panel;
}

/** What a search on /search/ lists, in order: dossiers by name, then pages by text. */
async function resultPaths(page: Page, query: string): Promise<string[]> {
  const panel = await searchPage(page, query);
  return panel
    .locator('[data-name-list] a, .hit > a')
    .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
}

// What an analyst arrives with, and the dossier that must come first. Written against entities
// whose names are settled; the forms a reader types wrong are the point of half of them.
const QUERIES: [string, string, string][] = [
  ['name', 'GAO Qiang', '/people/gao-qiang/'],
  ['name, lower case', 'gao qiang', '/people/gao-qiang/'],
  ['name, words swapped', 'Qiang Gao', '/people/gao-qiang/'],
  ['pinyin without spaces', 'gaoqiang', '/people/gao-qiang/'],
  ['pinyin with tones', 'Gāo Qiáng', '/people/gao-qiang/'],
  ['hanzi', '高强', '/people/gao-qiang/'],
  ['name', 'ZHANG Shilong', '/people/zhang-shilong/'],
  ['pinyin split differently', 'Zhang Shi Long', '/people/zhang-shilong/'],
  ['pinyin without spaces', 'zhangshilong', '/people/zhang-shilong/'],
  ['pinyin with tones', 'Zhāng Shìlóng', '/people/zhang-shilong/'],
  ['typo', 'Zhang Shilnog', '/people/zhang-shilong/'],
  ['hanzi, the DOJ form', '张士龙', '/people/zhang-shilong/'],
  ['hanzi alias, the CrowdStrike form', '张世龙', '/people/zhang-shilong/'],
  ['hanzi, mid-word', '士龙', '/people/zhang-shilong/'],
  ['handle', 'fisherxp', '/identities/fisherxp/'],
  ['handle, spaced', 'fisher xp', '/identities/fisherxp/'],
  ['handle, typo', 'fishrexp', '/identities/fisherxp/'],
  ['handle', 'baobeilong', '/identities/baobeilong/'],
  ['handle in hanzi', '宝贝龙', '/identities/baobeilong/'],
  ['hanzi nickname', '肥猪', '/identities/feizhu/'],
  ['QQ number', '420192', '/identities/qq-420192/'],
  ['QQ number with its platform', 'QQ 420192', '/identities/qq-420192/'],
  ['domain, plain', 'xiaohong.org', '/identities/xiaohong-org/'],
  ['domain, defanged', 'xiaohong[.]org', '/identities/xiaohong-org/'],
  ['company, short name', 'Huaying Haitai', '/companies/huaying-haitai/'],
  ['company, words from its full name', 'Huaying Haitai Technology', '/companies/huaying-haitai/'],
  ['company, pinyin without spaces', 'huayinghaitai', '/companies/huaying-haitai/'],
  ['company in hanzi, mid-word', '华盈海泰', '/companies/huaying-haitai/'],
  ['company', 'Laoying Baichen', '/companies/laoying-baichen/'],
  ['company, pinyin without spaces', 'laoyingbaichen', '/companies/laoying-baichen/'],
  ['company, typo', 'Laoying Baichin', '/companies/laoying-baichen/'],
  ['organisation', 'Tianjin State Security Bureau', '/companies/tianjin-state-security-bureau/'],
  ['organisation in hanzi', '天津市国家安全局', '/companies/tianjin-state-security-bureau/'],
  ['organisation in hanzi, mid-word', '国家安全局', '/companies/tianjin-state-security-bureau/'],
  ['organisation, alias', 'Tianjin SSB', '/companies/tianjin-state-security-bureau/'],
  ['address in English', '85 Zhujiang Road', '/locations/zhujiang-road-compound/'],
  ['address in Chinese, mid-word', '珠江道85号', '/locations/zhujiang-road-compound/'],
  ['address in English', 'Xinkai Road', '/locations/guanfu-mansion/'],
  ['address in Chinese, mid-word', '新开路', '/locations/guanfu-mansion/'],
  ['address in English', 'Jiefang South Road', '/locations/fuyu-mansion/'],
  ['address in Chinese, mid-word', '解放南路', '/locations/fuyu-mansion/'],
  ['APT10 alias', 'Red Apollo', '/actors/stone-panda/'],
  ['APT10 alias', 'menuPass', '/actors/stone-panda/'],
  ['tool', 'zxarps', '/tools/zxarps/'],
  ['tool', 'RedLeaves', '/tools/redleaves/'],
];

/**
 * One page per worker for the queries, reused from query to query: each search is a fresh load of
 * /search/?q=…, and the browser's cache keeps Pagefind's code and index between them, as it does
 * for a reader who searches twice. A fresh browser context per query cost more than the search.
 */
const queryTest = test.extend<object, { searchTab: Page }>({
  searchTab: [
    async ({ browser }, use, workerInfo) => {
      const context = await browser.newContext({
        baseURL: String(workerInfo.project.use.baseURL),
        viewport: workerInfo.project.use.viewport ?? null,
      });
      await use(await context.newPage());
      await context.close();
    },
    { scope: 'worker' },
  ],
});

test.describe('search finds the right dossier first', () => {
  for (const [kind, query, expected] of QUERIES) {
    queryTest(`${kind}: ${query}`, async ({ searchTab }) => {
      const paths = await resultPaths(searchTab, query);
      expect(paths[0], `results: ${paths.join(', ')}`).toBe(expected);
    });
  }
});

/**
 * What a page of the case says in its own words, read from its Markdown as a reader sees it: its
 * fields, body and relationship notes (those of links declared in other files too), wikilinks
 * written as the page shows them, and nothing of other pages (link targets, source ids).
 */
function ownTexts(): Map<string, string> {
  const contentRoot = path.join(ROOT, 'content');
  const files = new Map<string, string>();
  for (const folder of readdirSync(contentRoot)) {
    for (const file of readdirSync(path.join(contentRoot, folder))) {
      if (/\.mdx?$/.test(file))
        files.set(
          `${folder}/${file.replace(/\.mdx?$/, '')}`,
          readFileSync(path.join(contentRoot, folder, file), 'utf8'),
        );
    }
  }
  const nameOf = (id: string) => /^(?:name|title): "?(.+?)"?$/m.exec(files.get(id) ?? '')?.[1] ?? id;
  const readable = (text: string) =>
    text
      .replace(/\[\[([^\]|]+)\\?\|([^\]]+)\]\]/g, '$2')
      .replace(/\[\[([^\]]+)\]\]/g, (_, id: string) => nameOf(id.trim()))
      .replace(
        /^\s*(?:-\s*)?(?:to|sources|rel|confidence|redirect_from|url|archived_url|kind|lang|date|since|until|updated|accessed|lat|lon|precision_m):.*$/gm,
        '',
      )
      .replace(/<[A-Z][^>]*>/g, '')
      .replace(/^import .*$/gm, '');
  const texts = new Map([...files].map(([id, text]) => [id, readable(text)]));
  // A relationship's note shows on both its ends.
  for (const text of files.values()) {
    for (const link of text.matchAll(/^\s*- rel: .*\n\s*to: (\S+)\n(?:\s+(?!- )\S.*\n)*?\s+note: (.*)$/gm)) {
      const [, to = '', note = ''] = link;
      texts.set(to, `${texts.get(to) ?? ''}\n${readable(note)}`);
    }
  }
  return texts;
}

test('"gao" finds GAO Qiang first and no page whose own text lacks the word', async ({ page }) => {
  const panel = await searchPage(page, 'gao');
  await expect(panel.locator('[data-name-list] a').first()).toHaveAttribute('href', /^\/people\/gao-qiang\//);
  await expect(panel.locator('.hit > a').first()).toHaveAttribute('href', /^\/people\/gao-qiang\//);
  const total = Number(await panel.getAttribute('data-result-count'));
  const more = panel.getByRole('button', { name: /^Show \d+ more/ });
  while ((await panel.locator('.hit').count()) < total) {
    const before = await panel.locator('.hit').count();
    await more.click();
    await expect(panel.locator('.hit')).not.toHaveCount(before);
  }
  const paths = await panel
    .locator('[data-name-list] a, .hit > a')
    .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname.replace(/^\/|\/$/g, '')));
  const texts = ownTexts();
  const without = paths.filter((id) => !/(^|[^\p{L}])gao/iu.test(texts.get(id) ?? ''));
  expect(without, 'pages found for "gao" whose own text lacks it').toEqual([]);
  // Pages that only list GAO Qiang (in "Mentioned in" or a relationship row) are not found: the
  // sample case has far more of them than pages that speak of him.
  expect(total).toBeLessThan(30);
});

test('a result shows the passage of the page’s own text that matched, marked, and no machine phrases', async ({
  page,
}) => {
  const panel = await searchPage(page, 'fisherxp');
  const excerpts = await panel.locator('.hit-excerpt, .hit-summary').allTextContents();
  expect(excerpts.length).toBeGreaterThan(3);
  await expect(panel.locator('.hit-excerpt mark').first()).toHaveText(/fisherxp/i);
  for (const excerpt of excerpts) {
    expect(excerpt).not.toMatch(
      /Online identity\.|Mentioned in|Relationships|the entry as a whole|high confidence|moderate confidence|\.\d+\./,
    );
  }
  // Where only the name matched, the summary stands in for a passage.
  const sources = await searchPage(page, 'CrowdStrike');
  await expect(sources.locator('.hit').first().locator('.hit-type')).toHaveText(/Organisation/);
});

const SOURCE_QUERIES: [string, string][] = [
  ['Two Birds, One STONE PANDA', '/sources/crowdstrike-2018-two-birds/'],
  ['Implementing Regulation (EU) 2020/1125', '/sources/eu-2020-1125/'],
  ['Federal Bureau of Investigation', '/sources/fbi-boyusec-wanted/'],
  ['FCW', '/sources/fcw-2018-supply-chain/'],
];

test.describe('sources are found by their title and their publisher', () => {
  for (const [query, expected] of SOURCE_QUERIES) {
    test(query, async ({ page }) => {
      const paths = await resultPaths(page, query);
      expect(paths[0], `results: ${paths.join(', ')}`).toBe(expected);
    });
  }
});

test('type filters show only the types found and narrow the results without retyping', async ({ page }) => {
  const panel = await searchPage(page, 'fisherxp');
  const chips = panel.getByRole('group', { name: 'Show only these types' }).getByRole('button');
  await expect(chips.first()).toBeVisible();
  for (const label of await chips.allTextContents()) expect(label).not.toMatch(/\(0\)/);
  const before = Number(await panel.getAttribute('data-result-count'));
  await panel.getByRole('button', { name: /^People \(\d+\)$/ }).click();
  await expect(panel.getByRole('button', { name: /^People/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/type=People/);
  await expect.poll(async () => Number(await panel.getAttribute('data-result-count'))).toBeLessThan(before);
  const types = await panel.locator('.hit-type').allTextContents();
  expect(types.length).toBeGreaterThan(0);
  expect(new Set(types.map((type) => type.trim()))).toEqual(new Set(['Person']));
});

test('the filters do not move the results when their counts arrive', async ({ page }) => {
  await page.goto('/search/');
  const input = page.getByRole('searchbox');
  await input.fill('Tianjin');
  const first = page.locator('.hit').first();
  await expect(first).toBeVisible();
  const top = (await first.boundingBox())?.y;
  await expect(page.getByRole('group', { name: 'Show only these types' }).getByRole('button').first()).toBeVisible();
  expect((await first.boundingBox())?.y).toBe(top);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the type filters are one menu', async ({ page }) => {
    const panel = await searchPage(page, 'fisherxp');
    await expect(panel.getByRole('group', { name: 'Show only these types' })).toBeHidden();
    const menu = panel.getByRole('combobox', { name: 'Show only this type' });
    await expect(menu).toBeEnabled();
    const options = await menu.locator('option').allTextContents();
    expect(options[0]).toMatch(/^All types \(\d+\)$/);
    for (const option of options) expect(option).not.toMatch(/\(0\)/);
    await menu.selectOption({ label: options.find((option) => option.startsWith('People')) ?? '' });
    await expect(page).toHaveURL(/type=People/);
    await expect(panel.locator('.hit-type').first()).toHaveText(/Person/);
  });

  test('the quick-jump dialog fits the screen and works by keyboard', async ({ page }) => {
    await page.goto('/people/gao-qiang/');
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog', { name: 'Search the case' });
    await page.keyboard.type('fisher xp');
    const options = dialog.getByRole('option');
    await expect(dialog.locator('quick-jump')).toHaveAttribute('data-result-count', /[1-9]/);
    const box = await dialog.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390 && box.y + box.height <= 844, JSON.stringify(box)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expect(options.first()).toHaveAttribute('aria-selected', 'true');
    await expect(options.first()).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/identities\/fisherxp\/\?highlight=/);
  });
});

test('the quick-jump dialog works by keyboard alone', async ({ page }) => {
  await page.goto('/reports/');
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Search the case' });
  await expect(dialog).toBeVisible();
  const box = dialog.getByRole('combobox');
  await expect(box).toBeFocused();
  await page.keyboard.type('高强');
  const names = dialog.getByRole('group', { name: 'Dossiers by name' }).getByRole('option');
  await expect(names.first()).toHaveAttribute('href', /\/people\/gao-qiang\//);
  await expect(names.first()).toContainText('GAO Qiang');
  await expect(names.first()).toContainText('Person');
  await expect(names.first()).toContainText(/\d+ relationships?: /);
  await expect(dialog.getByRole('group', { name: 'Pages by their text' }).getByRole('option').first()).toBeVisible();
  // The first line is chosen; the arrows move through the lines, and the box keeps focus.
  await expect(box).toHaveAttribute('aria-activedescendant', (await names.first().getAttribute('id')) ?? '');
  await page.keyboard.press('ArrowDown');
  const second = dialog.getByRole('option').nth(1);
  await expect(second).toHaveAttribute('aria-selected', 'true');
  await expect(box).toHaveAttribute('aria-activedescendant', (await second.getAttribute('id')) ?? '');
  await expect(box).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // "/" opens it again, with the last query selected; Enter opens the chosen line.
  await page.keyboard.press('/');
  await expect(box).toBeFocused();
  await expect(box).toHaveValue('高强');
  expect(await box.evaluate((input) => (input as HTMLInputElement).selectionEnd)).toBe(2);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/people\/gao-qiang\/\?highlight=/);
});

test('the quick-jump dialog offers the full results, and axe finds nothing in it', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Search the case' });
  await page.keyboard.type('Tianjin');
  const all = dialog.getByRole('option', { name: /^All \d+ results for “Tianjin”$/ });
  await expect(all).toBeVisible();
  const violations = (await new AxeBuilder({ page }).include('#search-dialog').analyze()).violations;
  expect(
    violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(' ')}`),
  ).toEqual([]);
  await page.keyboard.press('End');
  await expect(all).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=Tianjin$/);
  await expect(page.locator('case-search .hit').first()).toBeVisible();
});

test('/search/?q= restores a search and keeps typing in the URL', async ({ page }) => {
  await page.goto('/search/?q=Boyusec');
  const input = page.getByRole('searchbox');
  await expect(input).toHaveValue('Boyusec');
  await expect(page.locator('.hit > a').first()).toHaveAttribute('href', /\/companies\/boyusec\//);
  await input.fill('Nankai');
  await expect(page).toHaveURL(/\?q=Nankai$/);
});

test('arriving from a result highlights the matched terms', async ({ page }) => {
  await page.goto('/locations/guanfu-mansion/?highlight=%E6%96%B0%E5%BC%80%E8%B7%AF');
  const hits = page.locator('mark.search-hit');
  await expect(hits.first()).toHaveText('新开路');
  await expect(hits.first()).toBeInViewport();
});

test('results show the type, the native name and a marked passage', async ({ page }) => {
  const panel = await searchPage(page, 'GAO Qiang');
  const first = panel.locator('.hit').first();
  await expect(first.locator('.hit-type')).toHaveText('Person');
  await expect(first.locator('.hit-native')).toHaveText('高强');
  await expect(first.locator('.hit-excerpt mark').first()).toBeVisible();
});

test('a long answer shows ten results and loads the next ten when asked, by keyboard too', async ({ page }) => {
  const panel = await searchPage(page, 'Tianjin');
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
