import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkCaseFolder } from '../../src/integrations/case-files.ts';
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
  });

  test('write edges as node indexes with relation, grade and source count, null for mentions', () => {
    const at = (id: string) => graph.nodes.findIndex((node) => node.id === id);
    expect(data.edges).toContainEqual([at('actors/red-heron'), at('tools/heron-rat'), 'uses', 'confirmed', 2]);
    expect(data.edges).toContainEqual([at('tools/heron-rat'), at('identities/heron-domain'), null, null, 0]);
  });

  test('leave out empty native names and aliases, and keep the language of a native name', () => {
    const liWei = data.nodes.find((node) => node.id === 'people/li-wei');
    expect(liWei).toMatchObject({ native: '李伟', lang: 'zh', aliases: ['heron_li'] });
    const rat = JSON.stringify(data.nodes.find((node) => node.id === 'tools/heron-rat'));
    expect(rat).not.toContain('"aliases"');
    expect(rat).not.toContain('"native"');
  });

  test('is the same bytes for the same case', () => {
    expect(JSON.stringify(toGraphData(buildCaseGraph(model), layoutGraph(graph)))).toBe(text);
  });

  test('refuses an edge to a node that is not there, saying which', () => {
    const broken = { ...data, edges: [[0, 99, 'uses', 'confirmed', 1]] };
    expect(() => fromGraphData(broken)).toThrow(/edge 0 points at node 99/);
  });

  test('refuses an unknown relation or a wrong version through the schema', () => {
    expect(graphDataSchema.safeParse({ ...data, edges: [[0, 1, 'befriends', 'high', 1]] }).success).toBe(false);
    expect(graphDataSchema.safeParse({ ...data, version: 2 }).success).toBe(false);
    expect(graphDataSchema.safeParse({ ...data, nodes: [{ ...data.nodes[0], x: 1.5 }] }).success).toBe(false);
  });
});
