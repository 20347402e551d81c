import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkCaseFolder } from '../../src/reader/read-case.ts';
import { buildCaseGraph } from '../../src/lib/graph.ts';
import { layoutGraph } from '../../src/lib/layout.ts';
import { fromGraphData, graphDataSchema, toGraphData } from '../../src/lib/graph-data.ts';

const { model } = checkCaseFolder(path.resolve(import.meta.dirname, '../fixtures/basic'), { includeDrafts: false });
const graph = buildCaseGraph(model);
const positions = layoutGraph(graph);

describe('toGraphData and fromGraphData', () => {
  const data = toGraphData(graph, positions);
  const text = JSON.stringify(data);

  test('survive a trip through JSON unchanged (edge keys become file positions)', () => {
    const back = fromGraphData(JSON.parse(text));
    expect(back.nodes).toEqual(graph.nodes);
    expect(back.edges).toEqual(graph.edges.map((edge, i) => ({ ...edge, key: String(i) })));
    expect(back.positions).toEqual(positions);
    const at = (id: string) => graph.nodes.findIndex((node) => node.id === id);
    expect([...back.ends]).toEqual(graph.edges.flatMap((edge) => [at(edge.source), at(edge.target)]));
  });

  test('write five numbers per edge: ends, relation and grade indexes (−1 for mentions), source count', () => {
    const at = (id: string) => graph.nodes.findIndex((node) => node.id === id);
    const edges = Array.from({ length: data.edges.length / 5 }, (_, i) => data.edges.slice(i * 5, i * 5 + 5));
    const uses = data.relations.indexOf('uses');
    const confirmed = data.grades.indexOf('confirmed');
    expect(edges).toContainEqual([at('actors/red-heron'), at('tools/heron-rat'), uses, confirmed, 2]);
    expect(edges).toContainEqual([at('tools/heron-rat'), at('identities/heron-domain'), -1, -1, 0]);
  });

  test('write one column per field, null where there is no native name', () => {
    const liWei = data.nodes.id.indexOf('people/li-wei');
    const rat = data.nodes.id.indexOf('tools/heron-rat');
    expect([data.nodes.native[liWei], data.nodes.lang[liWei], data.nodes.aliases[liWei]]).toEqual([
      '李伟',
      'zh',
      ['heron_li'],
    ]);
    expect([data.nodes.native[rat], data.nodes.lang[rat], data.nodes.aliases[rat]]).toEqual([null, null, []]);
    expect(Object.values(data.nodes).every((column) => column.length === graph.nodes.length)).toBe(true);
  });

  test('is the same bytes for the same case', () => {
    expect(JSON.stringify(toGraphData(buildCaseGraph(model), layoutGraph(graph)))).toBe(text);
  });

  test('refuses an edge to a node that is not there, saying which', () => {
    expect(() => fromGraphData({ ...data, edges: [0, 99, 0, 0, 1] })).toThrow(/edge 0 points at node 99/);
  });

  test('refuses columns of different lengths, a broken edge list, or a half-graded edge', () => {
    expect(() => fromGraphData({ ...data, nodes: { ...data.nodes, name: data.nodes.name.slice(1) } })).toThrow(
      /nodes\.name has/,
    );
    expect(() => fromGraphData({ ...data, edges: [0, 1, 0] })).toThrow(/not a multiple of 5/);
    expect(() => fromGraphData({ ...data, edges: [0, 1, 0, -1, 1] })).toThrow(/edge 0 has relation 0 and grade -1/);
    expect(() => fromGraphData({ ...data, dates: { ...data.dates, since: [] } })).toThrow(/dates\.since has 0 entries/);
  });

  test('carries each relationship’s dates through the file', () => {
    const read = fromGraphData(data);
    const registered = read.edges.find((edge) => edge.rel === 'registered-at');
    expect(registered?.known).toBe('2019');
    expect(read.edges.filter((edge) => edge.kind === 'mention').every((edge) => edge.known === undefined)).toBe(true);
  });

  test('refuses an unknown relation or a wrong version through the schema', () => {
    expect(graphDataSchema.safeParse({ ...data, relations: ['befriends'] }).success).toBe(false);
    expect(graphDataSchema.safeParse({ ...data, version: 1 }).success).toBe(false);
    expect(graphDataSchema.safeParse({ ...data, nodes: { ...data.nodes, x: ['1'] } }).success).toBe(false);
  });
});
