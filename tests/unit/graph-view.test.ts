import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkCaseFolder } from '../../src/reader/read-case.ts';
import { buildCaseGraph, type CaseGraph } from '../../src/lib/graph.ts';
import { bestChains } from '../../src/lib/graph-chains.ts';
import {
  defaultView,
  describePath,
  edgeLabelFrom,
  findEntity,
  searchFromView,
  viewFromSearch,
  visibleGraph,
  type GraphView,
} from '../../src/lib/graph-view.ts';

const { model } = checkCaseFolder(path.resolve(import.meta.dirname, '../fixtures/basic'), { includeDrafts: false });
const graph = buildCaseGraph(model);
const ids = (g: CaseGraph, edges: number[]) => edges.map((i) => `${g.edges[i]?.source}>${g.edges[i]?.target}`);

describe('viewFromSearch and searchFromView', () => {
  test('the default view is an empty query, and an empty query the default view', () => {
    expect(searchFromView(defaultView())).toBe('');
    expect(viewFromSearch('')).toEqual(defaultView());
  });

  test.each([
    ['?focus=people/gao-qiang'],
    ['?focus=people/gao-qiang&depth=2'],
    ['?type=people,identities'],
    ['?rels=works-for,operates&mentions=1'],
    ['?min=moderate&hide=1'],
    ['?at=2018-08&published=1'],
    [
      '?from=identities/fisherxp&to=companies/tianjin-state-security-bureau&avoid=actors/stone-panda&avoidrel=attributed-to',
    ],
    [
      '?focus=people/li-wei&type=people&min=high&from=identities/fisherxp&to=companies/tianjin-state-security-bureau&via=mentions',
    ],
  ])('%s survives a round trip', (search) => {
    expect(searchFromView(viewFromSearch(search))).toBe(search);
  });

  test('reads filters and path ends', () => {
    const view = viewFromSearch('?type=people,tools&min=high&mentions=1&from=a/b&to=c/d');
    expect([...view.types]).toEqual(['people', 'tools']);
    expect(view.minConfidence).toBe('high');
    expect(view.mentions).toBe(true);
    expect([view.from, view.to]).toEqual(['a/b', 'c/d']);
  });

  test('mentions are off unless the address asks for them', () => {
    expect(viewFromSearch('').mentions).toBe(false);
    expect(viewFromSearch('?mentions=0').mentions).toBe(false);
  });

  test('links written with types= (before the graph spoke as search does) still open, and are rewritten as type=', () => {
    const view = viewFromSearch('?types=people,tools');
    expect([...view.types]).toEqual(['people', 'tools']);
    expect(searchFromView(view)).toBe('?type=people,tools');
  });

  test('a depth outside 1–3 or a malformed date is ignored', () => {
    expect(viewFromSearch('?focus=a/b&depth=7').depth).toBeUndefined();
    expect(viewFromSearch('?at=August').at).toBeUndefined();
    expect(viewFromSearch('?at=2018-08-30').at).toBe('2018-08-30');
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

  test('shows every entity and every typed relationship by default, no mention', () => {
    const visible = visibleGraph(graph, defaultView());
    expect(visible.nodes.every(Boolean)).toBe(true);
    expect(visible.edges).toHaveLength(graph.edges.filter((e) => e.kind === 'relation').length);
  });

  test('hiding a type hides its entities and every link touching them', () => {
    const visible = visibleGraph(graph, view('?type=actors,companies,locations,identities,tools&mentions=1'));
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
    const [chain] = bestChains(graph, 'identities/heron-qq', 'locations/example-tower');
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
