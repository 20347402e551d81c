import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkCaseFolder } from '../../src/reader/read-case.ts';
import { adjacencyOf, buildCaseGraph, focusSubgraph, neighbourhood } from '../../src/lib/graph.ts';

const { model } = checkCaseFolder(path.resolve(import.meta.dirname, '../fixtures/basic'), { includeDrafts: false });
const graph = buildCaseGraph(model);
const adjacency = adjacencyOf(graph);

describe('buildCaseGraph', () => {
  test('has one node per published entity, sorted by id', () => {
    expect(graph.nodes).toHaveLength(model.entities.length);
    const ids = graph.nodes.map((n) => n.id);
    expect(ids).toEqual([...ids].sort());
  });

  test('has one edge per relationship, with its grade and source count', () => {
    const relations = graph.edges.filter((e) => e.kind === 'relation');
    expect(relations).toHaveLength(model.relations.length);
    expect(relations.find((e) => e.rel === 'uses')).toMatchObject({
      source: 'actors/red-heron',
      target: 'tools/heron-rat',
      confidence: 'confirmed',
      sourceCount: 2,
    });
  });

  test('adds mention edges only where no relationship joins the pair', () => {
    const mentions = graph.edges.filter((e) => e.kind === 'mention');
    // red-heron's body mentions li-wei too, but a member-of relationship already joins them
    expect(mentions.map((e) => `${e.source}>${e.target}`)).toEqual(['tools/heron-rat>identities/heron-domain']);
  });

  test('counts degree over both kinds of edge', () => {
    expect(graph.nodes.find((n) => n.id === 'people/li-wei')?.degree).toBe(3);
    expect(graph.nodes.find((n) => n.id === 'identities/heron-domain')?.degree).toBe(2);
  });

  test('is built once per model', () => {
    expect(buildCaseGraph(model)).toBe(graph);
  });
});

describe('neighbourhood', () => {
  test('collects nodes within the depth and the edges among them', () => {
    const one = neighbourhood(graph, adjacency, 'identities/heron-qq', 1);
    expect([...one.distance.keys()].sort()).toEqual([
      'identities/heron-domain',
      'identities/heron-qq',
      'people/li-wei',
    ]);
    const two = neighbourhood(graph, adjacency, 'identities/heron-qq', 2);
    expect(two.distance.get('companies/example-tech')).toBe(2);
    expect(
      two.edges.every((i) => {
        const e = graph.edges[i];
        return e !== undefined && two.distance.has(e.source) && two.distance.has(e.target);
      }),
    ).toBe(true);
  });
});

describe('focusSubgraph', () => {
  test('keeps the chosen entities and the edges among them', () => {
    const sub = focusSubgraph(model, ['people/li-wei', 'companies/example-tech', 'tools/heron-rat']);
    expect(sub.nodes.map((n) => n.id)).toEqual(['companies/example-tech', 'people/li-wei', 'tools/heron-rat']);
    expect(sub.edges.map((e) => e.rel)).toEqual(['works-for']);
  });
});
