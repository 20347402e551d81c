import { describe, expect, test } from 'vitest';
import { bestChains, compareChains } from '../../src/lib/graph-chains.ts';
import type { CaseGraph, GraphEdge } from '../../src/lib/graph.ts';
import type { Confidence } from '../../src/lib/schema/confidence.ts';
import type { RelationKey } from '../../src/lib/schema/relations.ts';

/** A hand-made graph: nodes by id, edges as "a-b:grade[:rel]" ("a-b:mention" for a mention). */
function graphOf(...edges: string[]): CaseGraph {
  const ids = new Set<string>();
  const list: GraphEdge[] = edges.map((spec, i) => {
    const [ends = '', grade = '', rel = 'associated-with'] = spec.split(':');
    const [source = '', target = ''] = ends.split('-');
    ids.add(source);
    ids.add(target);
    return grade === 'mention'
      ? { key: String(i), source, target, kind: 'mention', sourceCount: 0 }
      : {
          key: String(i),
          source,
          target,
          kind: 'relation',
          rel: rel as RelationKey,
          confidence: grade as Confidence,
          sourceCount: 1,
        };
  });
  return {
    nodes: [...ids].sort().map((id) => ({ id, type: 'people', name: id, aliases: [], summary: '', degree: 0 })),
    edges: list,
  };
}

const routes = (graph: CaseGraph, from: string, to: string, options = {}) =>
  bestChains(graph, from, to, options).map((chain) => chain.nodes.join(''));

describe('bestChains', () => {
  test('a longer chain of strong links beats a short one through a weak link', () => {
    const graph = graphOf('a-z:unverified', 'a-b:confirmed', 'b-c:confirmed', 'c-z:high');
    expect(routes(graph, 'a', 'z')).toEqual(['abcz', 'az']);
  });

  test('among chains whose weakest links are alike, the shorter comes first', () => {
    const graph = graphOf('a-b:moderate', 'b-z:moderate', 'a-c:moderate', 'c-d:high', 'd-z:high');
    expect(routes(graph, 'a', 'z')).toEqual(['abz', 'acdz']);
  });

  test('equal weakest link and length: the chain with the stronger other links first', () => {
    const graph = graphOf('a-b:low', 'b-z:low', 'a-c:low', 'c-z:confirmed');
    expect(routes(graph, 'a', 'z')).toEqual(['acz', 'abz']);
  });

  test('finds the k best simple chains, at most k, each once', () => {
    const graph = graphOf(
      'a-b:confirmed',
      'b-z:confirmed',
      'a-c:high',
      'c-z:high',
      'a-d:moderate',
      'd-z:moderate',
      'a-e:low',
      'e-z:low',
    );
    expect(routes(graph, 'a', 'z', { k: 3 })).toEqual(['abz', 'acz', 'adz']);
    expect(routes(graph, 'a', 'z', { k: 10 })).toEqual(['abz', 'acz', 'adz', 'aez']);
  });

  test('never visits an entity twice', () => {
    const graph = graphOf('a-b:confirmed', 'b-c:confirmed', 'c-b:confirmed', 'c-z:confirmed', 'a-z:unverified');
    for (const chain of bestChains(graph, 'a', 'z', { k: 5 })) {
      expect(new Set(chain.nodes).size).toBe(chain.nodes.length);
    }
  });

  test('avoiding an entity removes every chain through it', () => {
    const graph = graphOf('a-b:confirmed', 'b-z:confirmed', 'a-c:moderate', 'c-z:moderate');
    expect(routes(graph, 'a', 'z', { avoid: new Set(['b']) })).toEqual(['acz']);
    expect(routes(graph, 'a', 'z', { avoid: new Set(['b', 'c']) })).toEqual([]);
  });

  test('avoiding a relation type removes the chains that use it', () => {
    const graph = graphOf(
      'a-b:high:attributed-to',
      'b-z:high:attributed-to',
      'a-c:unverified:operates',
      'c-z:high:visited',
    );
    expect(routes(graph, 'a', 'z')).toEqual(['abz', 'acz']);
    expect(routes(graph, 'a', 'z', { avoidRelations: new Set(['attributed-to']) })).toEqual(['acz']);
  });

  test('mentions are used only when allowed, and rank below every grade', () => {
    const graph = graphOf('a-z:mention', 'a-b:unverified', 'b-z:unverified');
    expect(routes(graph, 'a', 'z')).toEqual(['abz']);
    expect(routes(graph, 'a', 'z', { mentions: true })).toEqual(['abz', 'az']);
  });

  test('an edge filter narrows the chains further', () => {
    const graph = graphOf('a-b:confirmed', 'b-z:confirmed', 'a-z:low');
    expect(routes(graph, 'a', 'z', { allow: (edge: GraphEdge) => edge.confidence !== 'confirmed' })).toEqual(['az']);
  });

  test('reports the weakest link of each chain', () => {
    const graph = graphOf('a-b:confirmed', 'b-z:moderate');
    const [chain] = bestChains(graph, 'a', 'z');
    expect(chain?.weakest).toBe(2);
    expect(chain?.edges).toEqual([0, 1]);
  });

  test('nothing when no chain joins them, or an end is unknown', () => {
    const graph = graphOf('a-b:confirmed', 'c-z:confirmed');
    expect(bestChains(graph, 'a', 'z')).toEqual([]);
    expect(bestChains(graph, 'a', 'nobody')).toEqual([]);
  });
});

describe('compareChains', () => {
  test('orders by weakest link, then hops, then total, then names', () => {
    const chain = (nodes: string, weakest: number, total: number) => ({
      nodes: Array.from(nodes),
      edges: Array.from(nodes)
        .slice(1)
        .map((_, i) => i),
      weakest,
      total,
    });
    const sorted = [chain('axyz', 1, 3), chain('az', 4, 4), chain('abz', 1, 2), chain('acz', 1, 2)].sort(compareChains);
    expect(sorted.map((c) => c.nodes.join(''))).toEqual(['abz', 'acz', 'axyz', 'az']);
  });
});
