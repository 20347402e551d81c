import { describe, expect, test } from 'vitest';
import {
  buildScene,
  emphasisOf,
  FADED,
  HIDDEN,
  IN_SCOPE,
  linksInScope,
  scopeScene,
} from '../../src/lib/graph-scene.ts';
import { viewFromSearch } from '../../src/lib/graph-view.ts';
import type { LaidOutGraph } from '../../src/lib/graph-data.ts';
import type { GraphEdge, GraphNode } from '../../src/lib/graph.ts';

// A chain a–b–c–d of people, an actor e tied to a, and a mention a→d; b–c began in 2019.
const node = (id: string, type: GraphNode['type'] = 'people'): GraphNode => ({
  id,
  type,
  name: id.toUpperCase(),
  aliases: [],
  summary: '',
  degree: 1,
});
const rel = (source: string, target: string, extra: Partial<GraphEdge> = {}): GraphEdge => ({
  key: '',
  source,
  target,
  kind: 'relation',
  rel: 'associated-with',
  confidence: 'high',
  sourceCount: 1,
  ...extra,
});
const nodes = [node('a'), node('b'), node('c'), node('d'), node('e', 'actors')];
const edges: GraphEdge[] = [
  rel('a', 'b', { known: '2018-08-30' }),
  rel('b', 'c', { since: '2019', known: '2018-08-30' }),
  rel('c', 'd', { confidence: 'low' }),
  rel('e', 'a', { rel: 'attributed-to' }),
  { key: '', source: 'a', target: 'd', kind: 'mention' as const, sourceCount: 0 },
].map((edge, i) => ({ ...edge, key: String(i) }));
const index = new Map(nodes.map((n, i) => [n.id, i]));
const data: LaidOutGraph = {
  nodes,
  edges,
  positions: nodes.map((_, i) => [i * 10, 0] as const),
  ends: Uint32Array.from(edges.flatMap((e) => [index.get(e.source) ?? 0, index.get(e.target) ?? 0])),
};

const scoped = (search: string) => {
  const scene = buildScene(data);
  const counts = scopeScene(scene, data, viewFromSearch(search));
  return { scene, counts, nodes: [...scene.nodeScope], edges: [...scene.edgeScope] };
};

describe('scopeScene', () => {
  test('by default every entity and typed relationship is in scope and the mention hidden', () => {
    const { nodes: n, edges: e, counts } = scoped('');
    expect(n).toEqual([IN_SCOPE, IN_SCOPE, IN_SCOPE, IN_SCOPE, IN_SCOPE]);
    expect(e).toEqual([IN_SCOPE, IN_SCOPE, IN_SCOPE, IN_SCOPE, HIDDEN]);
    expect(counts).toEqual({ nodes: 5, edges: 4 });
  });

  test('a filter fades what it leaves out, or hides it when asked', () => {
    expect(scoped('?type=people').nodes).toEqual([IN_SCOPE, IN_SCOPE, IN_SCOPE, IN_SCOPE, FADED]);
    expect(scoped('?type=people').edges[3]).toBe(FADED);
    expect(scoped('?type=people&hide=1').nodes[4]).toBe(HIDDEN);
    expect(scoped('?min=high').edges).toEqual([IN_SCOPE, IN_SCOPE, FADED, IN_SCOPE, HIDDEN]);
  });

  test('mentions come in when switched on', () => {
    expect(scoped('?mentions=1').edges[4]).toBe(IN_SCOPE);
  });

  test('the ego view keeps what lies within the depth of the focus', () => {
    expect(scoped('?focus=a&depth=1').nodes).toEqual([IN_SCOPE, IN_SCOPE, FADED, FADED, IN_SCOPE]);
    expect(scoped('?focus=a&depth=2').nodes).toEqual([IN_SCOPE, IN_SCOPE, IN_SCOPE, FADED, IN_SCOPE]);
    expect(scoped('?focus=a&depth=2').edges).toEqual([IN_SCOPE, IN_SCOPE, FADED, IN_SCOPE, HIDDEN]);
  });

  test('a replay date leaves out relationships that began later', () => {
    expect(scoped('?at=2018-12').edges).toEqual([IN_SCOPE, FADED, IN_SCOPE, IN_SCOPE, HIDDEN]);
    expect(scoped('?at=2019-03').edges[1]).toBe(IN_SCOPE);
  });

  test('"what was public" also leaves out what no source had published yet', () => {
    expect(scoped('?at=2018-01&published=1').edges).toEqual([FADED, FADED, IN_SCOPE, IN_SCOPE, HIDDEN]);
  });
});

describe('emphasisOf and linksInScope', () => {
  test('a focused entity brings its neighbours and the links to them forward', () => {
    const { scene } = scoped('');
    const emphasis = emphasisOf(scene, data, { node: undefined, edge: undefined, focus: 0, chains: [] });
    expect([...(emphasis?.nodes ?? [])].sort()).toEqual([0, 1, 4]);
    expect([...(emphasis?.edges ?? [])].sort()).toEqual([0, 3]);
    expect([...(emphasis?.ringed ?? [])]).toEqual([0]);
  });

  test('a chosen edge brings its two ends forward', () => {
    const { scene } = scoped('');
    const emphasis = emphasisOf(scene, data, { node: undefined, edge: 2, focus: undefined, chains: [] });
    expect([...(emphasis?.nodes ?? [])]).toEqual([2, 3]);
    expect(emphasis?.edge).toBe(2);
  });

  test('lists the links of an entity read from its side', () => {
    const { scene } = scoped('');
    expect(linksInScope(scene, data, 0).map((link) => `${link.label} ${link.to.name}`)).toEqual([
      'associated with B',
      'attributions E',
    ]);
  });
});
