import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkCaseFolder } from '../../src/reader/read-case.ts';
import { adjacencyOf, buildCaseGraph } from '../../src/lib/graph.ts';
import { EGO_LIMITS, egoGraph, localGraphSchema, twoStepGraph, type LocalGraph } from '../../src/lib/local-graph.ts';

// A dossier's JSON record ships its neighbourhood one step deep; the browser builds the second step
// from the neighbours' records when the reader asks for it.
const { model } = checkCaseFolder(path.resolve(import.meta.dirname, '../fixtures/basic'), { includeDrafts: false });
const graph = buildCaseGraph(model);
const adjacency = adjacencyOf(graph);
/** What /<type>/<slug>.json carries as `neighbourhood`. */
const record = (id: string): LocalGraph =>
  localGraphSchema.parse(JSON.parse(JSON.stringify(egoGraph(graph, adjacency, id, EGO_LIMITS, 1))));
const named = (picture: LocalGraph) =>
  picture.edges.map(([s, t, rel, grade]) => `${picture.nodes[s]?.id} ${rel} ${grade} ${picture.nodes[t]?.id}`);

describe('a record’s one-step neighbourhood', () => {
  const one = record('people/li-wei');

  test('holds the entity and its direct neighbours only, and counts the second ring', () => {
    expect(one.nodes.map((node) => `${node.id}:${node.ring}`)).toEqual([
      'people/li-wei:0',
      'actors/red-heron:1',
      'companies/example-tech:1',
      'identities/heron-qq:1',
    ]);
    expect(one.second).toBe(3);
    expect(one.omitted).toBe(0);
  });

  test('draws the spokes from the entity', () => {
    expect(named(one).sort()).toEqual([
      'people/li-wei member-of moderate actors/red-heron',
      'people/li-wei operates high identities/heron-qq',
      'people/li-wei works-for unverified companies/example-tech',
    ]);
  });
});

describe('twoStepGraph', () => {
  const one = record('people/li-wei');
  const around = one.nodes.filter((node) => node.ring === 1).map((node) => record(node.id));
  const two = twoStepGraph(one, around);

  test('adds each second-degree neighbour after the direct neighbour that reaches it', () => {
    expect(two.nodes.map((node) => `${node.id}:${node.ring}`)).toEqual([
      'people/li-wei:0',
      'actors/red-heron:1',
      'tools/heron-rat:2',
      'companies/example-tech:1',
      'locations/example-tower:2',
      'identities/heron-qq:1',
      'identities/heron-domain:2',
    ]);
    expect(two.second).toBeUndefined();
  });

  test('draws the links the neighbours’ records reveal', () => {
    expect(named(two)).toContain('actors/red-heron uses confirmed tools/heron-rat');
    expect(named(two)).toContain('companies/example-tech registered-at confirmed locations/example-tower');
    expect(named(two)).toContain('identities/heron-qq pivots-to moderate identities/heron-domain');
  });

  test('places ring 1 at half radius and ring 2 on the unit circle', () => {
    for (const node of two.nodes.filter((n) => n.ring === 1)) expect(Math.hypot(node.x, node.y)).toBeCloseTo(0.5, 2);
    for (const node of two.nodes.filter((n) => n.ring === 2)) expect(Math.hypot(node.x, node.y)).toBeCloseTo(1, 2);
  });

  test('draws what it has when a neighbour’s record did not load', () => {
    const partial = twoStepGraph(one, around.slice(1));
    expect(partial.nodes.filter((node) => node.ring === 2).map((node) => node.id)).toEqual([
      'locations/example-tower',
      'identities/heron-domain',
    ]);
  });
});
