import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { fromGraphData, type LaidOutGraph } from '../../../src/lib/graph-data.ts';
import { RELATIONS } from '../../../src/lib/schema/relations.ts';

/** The parts of `<case-graph>` tests reach: node positions on screen and what the last frame drew. */
interface Explorer extends HTMLElement {
  screenPointOf(id: string): { x: number; y: number } | undefined;
  readonly drawn: { nodes: number; edges: number; labels: number };
}

const ENTITY_PAGE = /^\/(actors|people|companies|locations|identities|tools)\/[^/]+\/$/;

async function graphData(page: Page): Promise<LaidOutGraph> {
  const response = await page.request.get('/graph.json');
  expect(response.ok()).toBe(true);
  return fromGraphData(await response.json());
}

/** Opens the explorer (optionally with a query) and waits for its first full draw. */
async function openExplorer(page: Page, search = ''): Promise<Locator> {
  await page.goto(`/graph/${search}`);
  const explorer = page.locator('case-graph');
  await expect(explorer).toHaveAttribute('data-state', 'ready');
  return explorer;
}

const drawn = (explorer: Locator) => explorer.evaluate((element) => (element as Explorer).drawn);
const pointOf = async (explorer: Locator, id: string) => {
  const point = await explorer.evaluate((element, node) => (element as Explorer).screenPointOf(node), id);
  if (!point) throw new Error(`no screen point for ${id}`);
  return point;
};

/** The canvas pixel (RGBA) at a point given in page coordinates. */
async function pixelAt(page: Page, point: { x: number; y: number }): Promise<number[]> {
  return page.getByTestId('graph-canvas').evaluate((canvas, at) => {
    const c = canvas as HTMLCanvasElement;
    const box = c.getBoundingClientRect();
    const scale = c.width / box.width;
    const data = c
      .getContext('2d')
      ?.getImageData(Math.round((at.x - box.left) * scale), Math.round((at.y - box.top) * scale), 1, 1).data;
    return data ? [...data] : [];
  }, point);
}

test('the explorer draws one node per published entity', async ({ page, request }) => {
  const data = await graphData(page);
  const sitemap = await (await request.get('/sitemap-0.xml')).text();
  const dossiers = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)]
    .map((m) => new URL(m[1] ?? '').pathname)
    .filter((p) => ENTITY_PAGE.test(p));
  expect(data.nodes.length).toBe(dossiers.length);
  expect(new Set(data.nodes.map((node) => `/${node.id}/`))).toEqual(new Set(dossiers));

  const explorer = await openExplorer(page);
  expect((await drawn(explorer)).nodes).toBe(data.nodes.length);
  expect((await drawn(explorer)).edges).toBe(data.edges.length);
  // Each node's centre is painted on the canvas, inside its box.
  const box = await page.getByTestId('graph-canvas').boundingBox();
  for (const node of data.nodes) {
    const point = await pointOf(explorer, node.id);
    expect(point.x).toBeGreaterThan(box?.x ?? 0);
    expect(point.x).toBeLessThan((box?.x ?? 0) + (box?.width ?? 0));
    const [, , , alpha] = await pixelAt(page, point);
    expect(alpha, `${node.id} is painted`).toBeGreaterThan(0);
  }
  await expect(page.getByRole('status').filter({ hasText: 'Showing' })).toContainText(
    `Showing ${data.nodes.length} of ${data.nodes.length} entities`,
  );
});

test('a type filter hides those entities and their links at once, and the address records it', async ({ page }) => {
  const data = await graphData(page);
  const people = data.nodes.filter((node) => node.type === 'people').length;
  const touching = data.edges.filter(
    (edge) => edge.source.startsWith('people/') || edge.target.startsWith('people/'),
  ).length;
  const explorer = await openExplorer(page);
  const filters = page.getByRole('complementary', { name: 'Filters and legend' });
  await filters.getByRole('checkbox', { name: /^People/ }).uncheck();
  await expect.poll(async () => (await drawn(explorer)).nodes).toBe(data.nodes.length - people);
  expect((await drawn(explorer)).edges).toBe(data.edges.length - touching);
  await expect(page).toHaveURL(/types=actors,companies,locations,identities,tools/);
  // A hidden entity no longer answers the pointer: no card appears over it.
  const point = await pointOf(explorer, 'people/gao-qiang');
  await page.mouse.move(point.x, point.y);
  await expect(page.locator('[data-card]')).toBeHidden();
  // Raising the minimum grade leaves only confirmed relationships.
  await filters.getByLabel('Show relationships graded').selectOption('confirmed');
  await filters.getByRole('checkbox', { name: /mentions in text/ }).uncheck();
  const confirmed = data.edges.filter(
    (edge) =>
      edge.confidence === 'confirmed' && !edge.source.startsWith('people/') && !edge.target.startsWith('people/'),
  ).length;
  await expect.poll(async () => (await drawn(explorer)).edges).toBe(confirmed);
});

test('pointing at a node shows its card, and clicking it opens the dossier', async ({ page }) => {
  const explorer = await openExplorer(page);
  const point = await pointOf(explorer, 'people/gao-qiang');
  await page.mouse.move(point.x, point.y);
  const card = page.locator('[data-card]');
  await expect(card).toBeVisible();
  await expect(card).toContainText('GAO Qiang');
  await expect(card.locator('[lang="zh"]')).toHaveText('高强');
  await expect(card).toContainText('Person');
  await page.mouse.click(point.x, point.y);
  await expect(page).toHaveURL(/\/people\/gao-qiang\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('GAO Qiang');
});

test('the path finder traces fisherxp to the Tianjin bureau, on the canvas and in words', async ({ page }) => {
  const explorer = await openExplorer(page);
  await page.getByRole('combobox', { name: 'From', exact: true }).fill('fisherxp');
  await page.getByRole('combobox', { name: 'To', exact: true }).fill('Tianjin State Security Bureau');
  await page.getByRole('button', { name: 'Trace' }).click();
  const result = page.getByRole('heading', { name: 'How fisherxp connects to Tianjin State Security Bureau' });
  await expect(result).toBeVisible();
  const chain = page.locator('[data-path-result] li').first();
  await expect(chain).toHaveText(
    /^fisherxp → attributed to \(moderate confidence\) → STONE PANDA → attributed to \(high confidence\) → Tianjin State Security Bureau/,
  );
  await expect(chain.getByRole('link', { name: 'STONE PANDA' })).toHaveAttribute('href', '/actors/stone-panda/');
  await expect(page).toHaveURL(/from=identities\/fisherxp&to=companies\/tianjin-state-security-bureau/);
  // The hop is drawn in the accent colour along the line between the two nodes.
  const a = await pointOf(explorer, 'identities/fisherxp');
  const b = await pointOf(explorer, 'actors/stone-panda');
  let accent = 0;
  for (let t = 0.2; t <= 0.8; t += 0.02) {
    const [r = 0, g = 0, bl = 0, alpha = 0] = await pixelAt(page, {
      x: a.x + (b.x - a.x) * t,
      y: a.y + (b.y - a.y) * t,
    });
    if (alpha > 200 && r > 150 && r > g + 60 && r > bl + 100) accent++;
  }
  expect(accent).toBeGreaterThan(3);
});

test('the address restores a shared view: filters, focus and path', async ({ page }) => {
  const data = await graphData(page);
  const kept = new Set(['people', 'identities', 'companies', 'actors']);
  const explorer = await openExplorer(
    page,
    '?focus=people/gao-qiang&types=actors,people,companies,identities&min=moderate&from=identities/fisherxp&to=companies/tianjin-state-security-bureau',
  );
  const filters = page.getByRole('complementary', { name: 'Filters and legend' });
  await expect(filters.getByRole('checkbox', { name: /^People/ })).toBeChecked();
  await expect(filters.getByRole('checkbox', { name: /^Locations/ })).not.toBeChecked();
  await expect(filters.getByLabel('Show relationships graded')).toHaveValue('moderate');
  await expect(page.getByRole('region', { name: 'Entity in focus' })).toContainText('GAO Qiang');
  await expect(page.getByRole('combobox', { name: 'From', exact: true })).toHaveValue('fisherxp');
  await expect(page.locator('[data-path-result] li').first()).toContainText('STONE PANDA');
  await expect(page.getByRole('status').filter({ hasText: 'Showing' })).toContainText(
    `Showing ${data.nodes.filter((node) => kept.has(node.type)).length} of ${data.nodes.length} entities`,
  );
  // The address keeps its state as the reader goes on.
  await filters.getByRole('checkbox', { name: /^Tools/ }).check();
  await expect(page).toHaveURL(/focus=people\/gao-qiang/);
  await expect(page).toHaveURL(/types=actors,people,companies,identities,tools/);
  await page.reload();
  await expect(explorer).toHaveAttribute('data-state', 'ready');
  await expect(filters.getByRole('checkbox', { name: /^Tools/ })).toBeChecked();
});

test('the find box focuses an entity by alias or native name', async ({ page }) => {
  await openExplorer(page);
  const find = page.getByRole('combobox', { name: 'Find an entity' });
  await find.fill('高强');
  await find.press('Enter');
  await expect(page.getByRole('region', { name: 'Entity in focus' })).toContainText('GAO Qiang');
  await expect(page).toHaveURL(/focus=people\/gao-qiang/);
  // From the focus, a keyboard user walks the graph along the links listed beside it.
  const panel = page.getByRole('region', { name: 'Entity in focus' });
  await panel.getByText(/links shown/).click();
  await panel.getByRole('button', { name: 'fisherxp', exact: true }).click();
  await expect(panel).toContainText('Online identity · in focus');
  await expect(panel.getByRole('link', { name: 'fisherxp' })).toHaveAttribute('href', '/identities/fisherxp/');
  await expect(page).toHaveURL(/focus=identities\/fisherxp/);
  await find.fill('Red Apollo');
  await find.press('Enter');
  await expect(page.getByRole('region', { name: 'Entity in focus' })).toContainText('STONE PANDA');
});

test('the table beside the diagram lists the same links as graph.json', async ({ page }) => {
  const data = await graphData(page);
  const expected = data.edges
    .map((edge) => `/${edge.source}/ | ${edge.rel ? RELATIONS[edge.rel].forward : 'mentions'} | /${edge.target}/`)
    .sort();
  // The diagram's page links the table, which has pages of its own (the diagram's page stays light).
  await page.goto('/graph/');
  await page.getByRole('link', { name: 'Open the link table' }).click();
  await expect(page).toHaveURL(/\/graph\/table\/1\/$/);
  const pages = [
    '/graph/table/1/',
    ...(await page
      .getByRole('navigation', { name: 'Pages of the link table' })
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname))),
  ];
  const rows: string[] = [];
  for (const path of [...new Set(pages)]) {
    await page.goto(path);
    const table = page.getByRole('table', { name: /Links/ });
    await expect(table).toBeVisible();
    rows.push(
      ...(await table.locator('tbody tr').evaluateAll((trs) =>
        trs.map((tr) => {
          const cells = [...tr.querySelectorAll('td')];
          const from = cells[0]?.querySelector('a')?.pathname ?? '';
          const to = cells[2]?.querySelector('a')?.pathname ?? '';
          return `${from} | ${cells[1]?.textContent?.trim() ?? ''} | ${to}`;
        }),
      )),
    );
  }
  expect(rows.sort()).toEqual(expected);
});

test('the explorer raises no console error and no CSP violation while used', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`CSP: ${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  const explorer = await openExplorer(page);
  const point = await pointOf(explorer, 'actors/stone-panda');
  await page.mouse.move(point.x, point.y);
  await page.mouse.wheel(0, -300);
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Whole case' }).click();
  await page
    .getByRole('complementary', { name: 'Filters and legend' })
    .getByRole('checkbox', { name: /^Locations/ })
    .uncheck();
  await page.getByRole('combobox', { name: 'From', exact: true }).fill('baobeilong');
  await page.getByRole('combobox', { name: 'To', exact: true }).fill('ZHANG Shilong');
  await page.getByRole('button', { name: 'Trace' }).click();
  await expect(page.locator('[data-path-result] li').first()).toBeVisible();
  expect(problems).toEqual([]);
});

test('every dossier’s local graph links to each of its neighbours', async ({ page, request }) => {
  test.setTimeout(300_000);
  const data = fromGraphData(await (await request.get('/graph.json')).json());
  const neighbours = new Map<string, Set<string>>(data.nodes.map((node) => [node.id, new Set()]));
  for (const edge of data.edges) {
    neighbours.get(edge.source)?.add(`/${edge.target}/`);
    neighbours.get(edge.target)?.add(`/${edge.source}/`);
  }
  for (const node of data.nodes) {
    await page.goto(`/${node.id}/`);
    const expected = neighbours.get(node.id) ?? new Set();
    const section = page.getByRole('region', { name: 'Connections' });
    if (expected.size === 0) {
      await expect(section).toContainText('Nothing else in the case is linked');
      continue;
    }
    const graph = section.locator('case-local-graph');
    await graph.scrollIntoViewIfNeeded();
    await expect(graph, `${node.id}: drawn when scrolled to`).toHaveAttribute('data-state', 'ready');
    const hrefs = await graph
      .getByTestId('local-graph')
      .locator('a')
      .evaluateAll((links) => links.map((a) => new URL((a as SVGAElement).href.baseVal, location.href).pathname));
    expect(new Set(hrefs), node.id).toEqual(new Set([`/${node.id}/`, ...expected]));
    // The list beside it (the picture's twin) carries the same links, without JavaScript.
    const listed = await section
      .locator('details li a')
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
    expect(new Set(listed), node.id).toEqual(expected);
  }
});

test('a dossier’s local graph widens to two steps and its nodes navigate', async ({ page }) => {
  await page.goto('/identities/fisherxp/');
  const graph = page.locator('case-local-graph');
  await graph.scrollIntoViewIfNeeded();
  await expect(graph).toHaveAttribute('data-state', 'ready');
  const before = await graph.locator('svg a').count();
  await graph.getByRole('button', { name: 'Two steps' }).click();
  await expect(graph.getByRole('button', { name: 'Two steps' })).toHaveAttribute('aria-pressed', 'true');
  expect(await graph.locator('svg a').count()).toBeGreaterThan(before);
  await expect(graph).toContainText('within two steps');
  await graph.locator('svg a[href="/people/gao-qiang/"]').click();
  await expect(page).toHaveURL(/\/people\/gao-qiang\/$/);
});

test('a report draws the part of the network it discusses, with the table beside it', async ({ page }) => {
  // The entities the report's author chose, read from its source.
  const source = readFileSync(
    path.resolve(import.meta.dirname, '../../../content/reports/the-tianjin-bureau.mdx'),
    'utf8',
  );
  const chosen = JSON.parse(/<GraphFocus entities=\{(\[[^\]]*\])\}/.exec(source)?.[1] ?? '[]') as string[];
  expect(chosen.length).toBeGreaterThan(3);
  await page.goto('/reports/the-tianjin-bureau/');
  const figure = page.locator('figure.graph-focus');
  await figure.scrollIntoViewIfNeeded();
  await expect(figure.locator('case-local-graph')).toHaveAttribute('data-state', 'ready');
  const hrefs = await figure
    .getByTestId('local-graph')
    .locator('a')
    .evaluateAll((links) => links.map((a) => (a as SVGAElement).href.baseVal));
  expect(new Set(hrefs)).toEqual(new Set(chosen.map((id) => `/${id}/`)));
  await figure.getByText('The same links as a table').click();
  await expect(figure.getByRole('table')).toContainText('is part of');
});
