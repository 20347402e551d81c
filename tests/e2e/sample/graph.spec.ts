import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { fromGraphData, type LaidOutGraph } from '../../../src/lib/graph-data.ts';
import { RELATIONS } from '../../../src/lib/schema/relations.ts';
import { CONFIDENCE_INFO, CONFIDENCE_LEVELS } from '../../../src/lib/schema/confidence.ts';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';

/** The parts of `<case-graph>` tests reach: positions on screen and what the last frame drew. */
interface Explorer extends HTMLElement {
  screenPointOf(id: string): { x: number; y: number } | undefined;
  screenPointOfEdge(index: number): { x: number; y: number } | undefined;
  readonly drawn: { nodes: number; edges: number; labels: number; faded: number };
  readonly labelledIds: string[];
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
  expect((await drawn(explorer)).edges).toBe(data.edges.filter((edge) => edge.kind === 'relation').length);
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

test('mentions are off on first load, and one toggle brings them in', async ({ page }) => {
  const data = await graphData(page);
  const typed = data.edges.filter((edge) => edge.kind === 'relation').length;
  const explorer = await openExplorer(page);
  const toggle = page
    .getByRole('complementary', { name: 'Filters and legend' })
    .getByRole('checkbox', { name: /mentions in text/ });
  await expect(toggle).not.toBeChecked();
  expect((await drawn(explorer)).edges).toBe(typed);
  await toggle.check();
  await expect.poll(async () => (await drawn(explorer)).edges).toBe(data.edges.length);
  await expect(page).toHaveURL(/mentions=1/);
});

test('a type filter fades those entities and their links at once, and the address records it', async ({ page }) => {
  const data = await graphData(page);
  const people = data.nodes.filter((node) => node.type === 'people').length;
  const typed = data.edges.filter((edge) => edge.kind === 'relation');
  const touching = typed.filter((edge) => edge.source.startsWith('people/') || edge.target.startsWith('people/'));
  const explorer = await openExplorer(page);
  const filters = page.getByRole('complementary', { name: 'Filters and legend' });
  await filters.getByRole('checkbox', { name: /^People/ }).uncheck();
  await expect.poll(async () => (await drawn(explorer)).nodes).toBe(data.nodes.length - people);
  expect((await drawn(explorer)).edges).toBe(typed.length - touching.length);
  // Faded, not gone: the people and their links stay as context…
  expect((await drawn(explorer)).faded).toBe(people + touching.length);
  await expect(page).toHaveURL(/type=actors,companies,locations,identities,tools/);
  // A hidden entity no longer answers the pointer: no card appears over it.
  const point = await pointOf(explorer, 'people/gao-qiang');
  await page.mouse.move(point.x, point.y);
  await expect(page.locator('[data-card]')).toBeHidden();
  // …unless the reader asks to hide them.
  await filters.getByRole('checkbox', { name: /hide what the filters leave out/ }).check();
  await expect.poll(async () => (await drawn(explorer)).faded).toBe(0);
  // Raising the minimum grade leaves only confirmed relationships.
  await filters.getByLabel('Show relationships graded').selectOption('confirmed');
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

/** The chains written beside the canvas: each as its entity names and its hops' grade ranks. */
async function chainsShown(page: Page): Promise<{ names: string[]; ranks: number[] }[]> {
  const labels = CONFIDENCE_LEVELS.map((level) => CONFIDENCE_INFO[level].label);
  return page.locator('[data-path-result] .chains > li').evaluateAll(
    (items, grades) =>
      items.map((item) => ({
        names: [...item.querySelectorAll('.chain-start a, .hops > li > a')].map((a) => a.textContent),
        ranks: [...item.querySelectorAll('.hops > li > .grade')].map((g) => grades.indexOf(g.textContent.trim())),
      })),
    labels,
  );
}

async function trace(page: Page, from: string, to: string): Promise<void> {
  await page.getByRole('combobox', { name: 'From', exact: true }).fill(from);
  await page.getByRole('combobox', { name: 'To', exact: true }).fill(to);
  await page.getByRole('button', { name: 'Trace' }).click();
  await expect(page.getByRole('heading', { name: `How ${from} connects to ${to}` })).toBeVisible();
}

test('the path finder offers the strongest chains from fisherxp to the Tianjin bureau, one through GAO Qiang', async ({
  page,
}) => {
  const explorer = await openExplorer(page);
  await trace(page, 'fisherxp', 'Tianjin State Security Bureau');
  const chains = await chainsShown(page);
  expect(chains.length).toBeGreaterThanOrEqual(2);
  for (const chain of chains) {
    expect(chain.names[0]).toBe('fisherxp');
    expect(chain.names.at(-1)).toBe('Tianjin State Security Bureau');
    expect(chain.ranks.every((rank) => rank >= 0)).toBe(true);
  }
  // Ranked by the weakest hop's grade first, then by the number of hops.
  const keys = chains.map((chain) => [Math.max(...chain.ranks), chain.ranks.length] as const);
  const sorted = [...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  expect(keys).toEqual(sorted);
  const throughGao = chains.find((chain) => chain.names.includes('GAO Qiang'));
  expect(throughGao?.names).toEqual([
    'fisherxp',
    'GAO Qiang',
    'Bureau compound, 85 Zhujiang Road',
    'Tianjin State Security Bureau',
  ]);
  await expect(page.locator('[data-path-result]').getByRole('link', { name: 'GAO Qiang' }).first()).toHaveAttribute(
    'href',
    '/people/gao-qiang/',
  );
  await expect(page).toHaveURL(/from=identities\/fisherxp&to=companies\/tianjin-state-security-bureau/);
  // Each hop names its sources once the evidence has arrived.
  await expect(page.locator('[data-path-result] .hop-sources').first()).toContainText('CrowdStrike');
  // The chains are drawn in the accent colour along the line from fisherxp to GAO Qiang.
  const a = await pointOf(explorer, 'identities/fisherxp');
  const b = await pointOf(explorer, 'people/gao-qiang');
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

test('avoiding an entity removes every chain through it; avoiding a relation, every chain using it', async ({
  page,
}) => {
  await openExplorer(page);
  await page.getByText('Options').click();
  await page.getByRole('combobox', { name: 'Not through this entity' }).fill('GAO Qiang');
  await trace(page, 'fisherxp', 'Tianjin State Security Bureau');
  const without = await chainsShown(page);
  expect(without.length).toBeGreaterThan(0);
  for (const chain of without) expect(chain.names).not.toContain('GAO Qiang');
  await expect(page).toHaveURL(/avoid=people\/gao-qiang/);
  // Not through attributions: the chain through GAO Qiang remains, STONE PANDA's attribution does not.
  await page.getByRole('combobox', { name: 'Not through this entity' }).fill('');
  await page.getByLabel('Not through this relation').selectOption('attributed-to');
  await page.getByRole('button', { name: 'Trace' }).click();
  await expect(page.locator('[data-path-result]')).toContainText('not through “attributed to”');
  const noAttribution = await chainsShown(page);
  expect(noAttribution.some((chain) => chain.names.includes('GAO Qiang'))).toBe(true);
  const hops = await page.locator('[data-path-result] .hops .rel').allTextContents();
  expect(hops).not.toContain('attributed to');
});

test('pointing at a line shows its relationship and grade, through the hit-testing the mouse uses', async ({
  page,
}) => {
  const data = await graphData(page);
  const index = data.edges.findIndex(
    (edge) => edge.source === 'people/gao-qiang' && edge.target === 'identities/fisherxp' && edge.rel === 'operates',
  );
  const grade = CONFIDENCE_INFO[data.edges[index]?.confidence ?? 'unverified'].label;
  const explorer = await openExplorer(page);
  const point = await explorer.evaluate((element, i) => (element as Explorer).screenPointOfEdge(i), index);
  if (!point) throw new Error('no screen point for the edge');
  await page.mouse.move(point.x, point.y);
  const card = page.locator('[data-card]');
  await expect(card).toBeVisible();
  await expect(card).toContainText('GAO Qiang operates fisherxp');
  await expect(card).toContainText(grade);
  // Its note arrives with the evidence, fetched on this first interaction.
  await expect(card).toContainText('IntrusionTruth ties him to the handle');
  // Clicking the line opens how we know it.
  await page.mouse.click(point.x, point.y);
  await expect(page.getByRole('dialog', { name: 'GAO Qiang operates fisherxp' })).toBeVisible();
});

test('Enter on an edge in the focus panel opens the evidence view, in the order the dossiers use', async ({ page }) => {
  const data = await graphData(page);
  const edge = data.edges.find((e) => e.source === 'people/gao-qiang' && e.target === 'identities/fisherxp');
  await openExplorer(page, '?focus=people/gao-qiang');
  const panel = page.getByRole('region', { name: 'Entity in focus' });
  const why = panel.getByRole('button', { name: 'How we know: GAO Qiang operates fisherxp' });
  await why.focus();
  // Reached from the keyboard, the edge shows its card as it does under the pointer.
  const card = page.locator('[data-card]');
  await expect(card).toBeVisible();
  await expect(card).toContainText('GAO Qiang operates fisherxp');
  await expect(card).toContainText(CONFIDENCE_INFO[edge?.confidence ?? 'unverified'].label);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'GAO Qiang operates fisherxp' });
  await expect(dialog).toBeVisible();
  const text = (await dialog.textContent()) ?? '';
  const label = CONFIDENCE_INFO[edge?.confidence ?? 'unverified'];
  const order = [
    'GAO Qiang operates fisherxp',
    label.meaning,
    'IntrusionTruth ties him to the handle',
    'Source',
    'Two Birds, One STONE PANDA',
  ].map((part) => text.indexOf(part));
  expect(order.every((at) => at >= 0)).toBe(true);
  expect(order).toEqual([...order].sort((a, b) => a - b));
  await expect(dialog.getByRole('link', { name: 'Two Birds, One STONE PANDA' })).toHaveAttribute(
    'href',
    /crowdstrike\.com/,
  );
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(why).toBeFocused();
});

test('every neighbour of the entity in focus is labelled', async ({ page }) => {
  const data = await graphData(page);
  const neighbours = new Set(
    data.edges
      .filter((edge) => edge.kind === 'relation')
      .flatMap((edge) =>
        edge.source === 'people/gao-qiang' ? [edge.target] : edge.target === 'people/gao-qiang' ? [edge.source] : [],
      ),
  );
  const explorer = await openExplorer(page, '?focus=people/gao-qiang');
  await expect
    .poll(async () => {
      const labelled = new Set(await explorer.evaluate((element) => (element as Explorer).labelledIds));
      return [...neighbours, 'people/gao-qiang'].filter((id) => !labelled.has(id));
    })
    .toEqual([]);
});

test('the date control replays the network: relationships that began later are left out', async ({ page }) => {
  // GAO Qiang was put under EU sanctions on 30 July 2020; his membership of the group was reported in 2018.
  const explorer = await openExplorer(page, '?focus=people/gao-qiang&at=2019');
  const panel = page.getByRole('region', { name: 'Entity in focus' });
  await expect(panel).toContainText('member of STONE PANDA');
  await expect(panel).not.toContainText('sanctioned by Council of the European Union');
  const filters = page.getByRole('complementary', { name: 'Filters and legend' });
  await expect(filters.locator('output')).toHaveText(/2019|2018/);
  const then = (await drawn(explorer)).edges;
  const slider = filters.getByRole('slider', { name: /Replay the network/ });
  await slider.focus();
  await page.keyboard.press('End');
  await expect(panel).toContainText('sanctioned by Council of the European Union');
  await expect(page).not.toHaveURL(/at=/);
  expect((await drawn(explorer)).edges).toBeGreaterThan(then);
  await page.keyboard.press('Home');
  await expect(page).toHaveURL(/at=\d{4}/);
  await expect(panel).not.toContainText('sanctioned by Council of the European Union');
});

test('the view exports as PNG and SVG with its legend, the whole graph as GEXF and GraphML', async ({
  page,
  request,
}) => {
  const data = await graphData(page);
  await openExplorer(page);
  await page.getByText('Export', { exact: true }).click();
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PNG' }).click()]);
  const pngBytes = readFileSync(await png.path());
  expect([...pngBytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(pngBytes.readUInt32BE(16)).toBeGreaterThan(100);
  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'SVG' }).click()]);
  const svgText = readFileSync(await svg.path(), 'utf8');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: doc.documentElement.nodeName,
      texts: [...doc.querySelectorAll('text')].map((t) => t.textContent),
    };
  }, svgText);
  expect(parsed.error).toBeNull();
  expect(parsed.root).toBe('svg');
  expect(parsed.texts).toContain('confirmed');
  expect(parsed.texts.some((t) => t.startsWith('Link diagram'))).toBe(true);
  for (const [file, parse] of [
    ['/exports/graph.gexf', parseGexf],
    ['/exports/graph.graphml', parseGraphml],
  ] as const) {
    const response = await request.get(file);
    expect(response.ok(), file).toBe(true);
    const graph = parse(Graph, await response.text());
    expect(graph.order, file).toBe(data.nodes.length);
    expect(graph.size, file).toBe(data.edges.length);
  }
});

test('the address restores a shared view: filters, focus and path', async ({ page }) => {
  const data = await graphData(page);
  const kept = new Set(['people', 'identities', 'companies', 'actors']);
  const explorer = await openExplorer(
    page,
    '?focus=people/gao-qiang&type=actors,people,companies,identities&min=moderate&from=identities/fisherxp&to=companies/tianjin-state-security-bureau',
  );
  const filters = page.getByRole('complementary', { name: 'Filters and legend' });
  await expect(filters.getByRole('checkbox', { name: /^People/ })).toBeChecked();
  await expect(filters.getByRole('checkbox', { name: /^Locations/ })).not.toBeChecked();
  await expect(filters.getByLabel('Show relationships graded')).toHaveValue('moderate');
  await expect(page.getByRole('region', { name: 'Entity in focus' })).toContainText('GAO Qiang');
  await expect(page.getByRole('combobox', { name: 'From', exact: true })).toHaveValue('fisherxp');
  await expect(page.locator('[data-path-result] .chains > li').first()).toContainText('Tianjin State Security Bureau');
  await expect(page.getByRole('status').filter({ hasText: 'Showing' })).toContainText(
    `Showing ${data.nodes.filter((node) => kept.has(node.type)).length} of ${data.nodes.length} entities`,
  );
  // The address keeps its state as the reader goes on.
  await filters.getByRole('checkbox', { name: /^Tools/ }).check();
  await expect(page).toHaveURL(/focus=people\/gao-qiang/);
  await expect(page).toHaveURL(/type=actors,people,companies,identities,tools/);
  await page.reload();
  await expect(explorer).toHaveAttribute('data-state', 'ready');
  await expect(filters.getByRole('checkbox', { name: /^Tools/ })).toBeChecked();
  // A link written before the address said type= (as search does) still opens.
  await openExplorer(page, '?types=people,identities');
  await expect(filters.getByRole('checkbox', { name: /^People/ })).toBeChecked();
  await expect(filters.getByRole('checkbox', { name: /^Locations/ })).not.toBeChecked();
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
          return `${from} | ${cells[1]?.textContent.trim() ?? ''} | ${to}`;
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

test('a dossier’s local graph groups its typed links, leaves mentions out until asked, and widens to two steps', async ({
  page,
  request,
}) => {
  const data = fromGraphData(await (await request.get('/graph.json')).json());
  const typed = new Set(
    data.edges
      .filter((edge) => edge.kind === 'relation')
      .flatMap((edge) =>
        edge.source === 'identities/fisherxp'
          ? [`/${edge.target}/`]
          : edge.target === 'identities/fisherxp'
            ? [`/${edge.source}/`]
            : [],
      ),
  );
  await page.goto('/identities/fisherxp/');
  const graph = page.locator('case-local-graph');
  await graph.scrollIntoViewIfNeeded();
  await expect(graph).toHaveAttribute('data-state', 'ready');
  const drawn = await graph
    .getByTestId('local-graph')
    .locator('a')
    .evaluateAll((links) => links.map((a) => (a as SVGAElement).href.baseVal));
  expect(new Set(drawn)).toEqual(new Set(['/identities/fisherxp/', ...typed]));
  await expect(graph.getByTestId('local-graph').locator('text.group', { hasText: 'operated by' })).toBeVisible();
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
