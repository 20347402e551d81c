import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkCaseFolder } from '../../src/reader/read-case.ts';
import { adjacencyOf, buildCaseGraph, shortestPaths, type CaseGraph } from '../../src/lib/graph.ts';
import {
  defaultView,
  describePath,
  edgeLabelFrom,
  findEntity,
  pathMayUse,
  searchFromView,
  viewFromSearch,
  visibleGraph,
  type GraphView,
} from '../../src/lib/graph-view.ts';

const { model } = checkCaseFolder(path.resolve(import.meta.dirname, '../fixtures/basic'), { includeDrafts: false });
const graph = buildCaseGraph(model);
const adjacency = adjacencyOf(graph);
const ids = (g: CaseGraph, edges: number[]) => edges.map((i) => `${g.edges[i]?.source}>${g.edges[i]?.target}`);

describe('viewFromSearch and searchFromView', () => {
  test('the default view is an empty query, and an empty query the default view', () => {
    expect(searchFromView(defaultView())).toBe('');
    expect(viewFromSearch('')).toEqual(defaultView());
  });

  test.each([
    ['?focus=people/gao-qiang'],
    ['?types=people,identities'],
    ['?rels=works-for,operates&mentions=0'],
    ['?min=moderate'],
    [
      '?focus=people/li-wei&types=people&min=high&from=identities/fisherxp&to=companies/tianjin-state-security-bureau&via=mentions',
    ],
  ])('%s survives a round trip', (search) => {
    expect(searchFromView(viewFromSearch(search))).toBe(search);
  });

  test('reads filters and path ends', () => {
    const view = viewFromSearch('?types=people,tools&min=high&mentions=0&from=a/b&to=c/d');
    expect([...view.types]).toEqual(['people', 'tools']);
    expect(view.minConfidence).toBe('high');
    expect(view.mentions).toBe(false);
    expect([view.from, view.to]).toEqual(['a/b', 'c/d']);
  });

  test('ignores values it does not know, so a hand-edited link still opens', () => {
    const view = viewFromSearch('?types=people,aliens&min=sure&rels=works-for,befriends');
    expect([...view.types]).toEqual(['people']);
    expect(view.minConfidence).toBe('unverified');
    expect([...view.relations]).toEqual(['works-for']);
  });
});

describe('visibleGraph', () => {
  const view = (search: string): GraphView => viewFromSearch(search);

  test('shows everything by default', () => {
    const visible = visibleGraph(graph, defaultView());
    expect(visible.nodes.every(Boolean)).toBe(true);
    expect(visible.edges).toHaveLength(graph.edges.length);
  });

  test('hiding a type hides its entities and every link touching them', () => {
    const visible = visibleGraph(graph, view('?types=actors,companies,locations,identities,tools'));
    expect(graph.nodes.filter((_, i) => !visible.nodes[i]).map((n) => n.id)).toEqual([
      'people/chen-jie',
      'people/li-wei',
    ]);
    expect(ids(graph, visible.edges).some((e) => e.includes('people/'))).toBe(false);
    // LI Wei has three links in the fixture, CHEN Jie one (the harbour visit).
    expect(visible.edges.length).toBe(graph.edges.length - 4);
  });

  test('a minimum grade keeps only relationships at least that strong', () => {
    const visible = visibleGraph(graph, view('?min=high&mentions=0'));
    expect(visible.edges.map((i) => graph.edges[i]?.confidence).sort()).toEqual(['confirmed', 'confirmed', 'high']);
  });

  test('mentions and relation types can be switched off', () => {
    expect(ids(graph, visibleGraph(graph, view('?rels=uses&mentions=0')).edges)).toEqual([
      'actors/red-heron>tools/heron-rat',
    ]);
    expect(ids(graph, visibleGraph(graph, view('?rels=&mentions=1')).edges)).toEqual([
      'tools/heron-rat>identities/heron-domain',
    ]);
  });
});

describe('describePath', () => {
  test('reads each hop in the direction the chain travels, with its grade', () => {
    const [chain] = shortestPaths(graph, adjacency, 'identities/heron-qq', 'locations/example-tower');
    const hops = describePath(graph, chain ?? { nodes: [], edges: [] });
    expect(hops.map((h) => `${h.from.name} | ${h.label} | ${h.confidence} | ${h.to.name}`)).toEqual([
      'QQ 123456789 | operated by | high | LI Wei',
      'LI Wei | works for | unverified | Example Trading Technology Co.',
      'Example Trading Technology Co. | registered at | confirmed | Example Tower',
    ]);
  });

  test('reads mentions both ways and symmetric relations the same from either end', () => {
    const mention = graph.edges.find((e) => e.kind === 'mention');
    const symmetric = graph.edges.find((e) => e.rel === 'associated-with');
    expect(mention && edgeLabelFrom(mention, mention.source)).toBe('mentions');
    expect(mention && edgeLabelFrom(mention, mention.target)).toBe('is mentioned by');
    expect(symmetric && edgeLabelFrom(symmetric, symmetric.target)).toBe('associated with');
  });
});

describe('pathMayUse', () => {
  test('keeps mentions out of chains unless the reader allows them', () => {
    const mention = graph.edges.find((e) => e.kind === 'mention');
    expect(mention && pathMayUse(defaultView(), mention)).toBe(false);
    expect(mention && pathMayUse({ ...defaultView(), pathMentions: true }, mention)).toBe(true);
  });
});

describe('findEntity', () => {
  test.each([
    ['LI Wei', 'people/li-wei'],
    ['li wei', 'people/li-wei'],
    ['李伟', 'people/li-wei'],
    ['heron_li', 'people/li-wei'],
    ['people/li-wei', 'people/li-wei'],
    ['example tow', 'locations/example-tower'],
    ['123456789', 'identities/heron-qq'],
  ])('finds %s', (query, id) => {
    expect(findEntity(graph.nodes, query)?.id).toBe(id);
  });

  test('finds nothing for an empty or unknown name', () => {
    expect(findEntity(graph.nodes, '  ')).toBeUndefined();
    expect(findEntity(graph.nodes, 'nobody at all')).toBeUndefined();
  });
});
