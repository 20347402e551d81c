import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkCaseFolder } from '../../src/reader/read-case.ts';
import { adjacencyOf, buildCaseGraph, focusSubgraph, neighbourhood, type CaseGraph } from '../../src/lib/graph.ts';
import { egoGraph, focusGraph, localGraphSchema } from '../../src/lib/local-graph.ts';

const { model } = checkCaseFolder(path.resolve(import.meta.dirname, '../fixtures/basic'), { includeDrafts: false });
const graph = buildCaseGraph(model);
const adjacency = adjacencyOf(graph);

/** A star: a hub with `spokes` neighbours, each with `leaves` neighbours of its own. */
function star(spokes: number, leaves: number): CaseGraph {
  const node = (id: string, degree: number) => ({
    id,
    type: 'people' as const,
    name: id,
    aliases: [],
    summary: '',
    degree,
  });
  const nodes = [node('hub', spokes)];
  const edges: CaseGraph['edges'] = [];
  for (let s = 0; s < spokes; s++) {
    nodes.push(node(`s${s}`, leaves + 1));
    edges.push({
      key: `h${s}`,
      source: 'hub',
      target: `s${s}`,
      kind: 'relation',
      rel: 'works-for',
      confidence: s % 2 ? 'low' : 'confirmed',
      sourceCount: 1,
    });
    for (let l = 0; l < leaves; l++) {
      nodes.push(node(`s${s}l${l}`, 1));
      edges.push({ key: `s${s}l${l}`, source: `s${s}`, target: `s${s}l${l}`, kind: 'mention', sourceCount: 0 });
    }
  }
  return { nodes, edges };
}

describe('egoGraph', () => {
  const ego = egoGraph(graph, adjacency, 'people/li-wei');

  test('puts the entity first, its neighbours in ring 1 and theirs in ring 2', () => {
    const two = neighbourhood(graph, adjacency, 'people/li-wei', 2);
    expect(ego.nodes[0]).toMatchObject({ id: 'people/li-wei', ring: 0, x: 0, y: 0 });
    for (const node of ego.nodes) expect(node.ring).toBe(two.distance.get(node.id));
    expect(ego.nodes).toHaveLength(two.distance.size);
    expect(ego.omitted).toBe(0);
  });

  test('draws exactly the edges among the entities it shows, read as relation and grade', () => {
    const two = neighbourhood(graph, adjacency, 'people/li-wei', 2);
    expect(ego.edges).toHaveLength(two.edges.length);
    const named = ego.edges.map(([s, t, rel, grade]) => `${ego.nodes[s]?.id} ${rel} ${grade} ${ego.nodes[t]?.id}`);
    expect(named).toContain('people/li-wei works-for unverified companies/example-tech');
    expect(named).toContain('tools/heron-rat null null identities/heron-domain');
  });

  test('places ring 1 at half radius and ring 2 at radius 1, with no depth-1 position (drawn as rows)', () => {
    for (const node of ego.nodes.filter((n) => n.ring === 1)) expect(Math.hypot(node.x, node.y)).toBeCloseTo(0.5, 2);
    for (const node of ego.nodes.filter((n) => n.ring === 2)) expect(Math.hypot(node.x, node.y)).toBeCloseTo(1, 2);
    expect(ego.nodes.filter((node) => 'x1' in node || 'y1' in node)).toEqual([]);
  });

  test('parses with the schema the browser uses', () => {
    expect(localGraphSchema.parse(JSON.parse(JSON.stringify(ego)))).toEqual(ego);
  });

  test('keeps the strongest ties when a ring is full, and says how many it left out', () => {
    const big = star(10, 4);
    const trimmed = egoGraph(big, adjacencyOf(big), 'hub', { ring1: 5, ring2: 3 });
    const ring1 = trimmed.nodes.filter((n) => n.ring === 1).map((n) => n.id);
    expect(ring1).toEqual(['s0', 's2', 's4', 's6', 's8']);
    expect(trimmed.nodes.filter((n) => n.ring === 2)).toHaveLength(3);
    expect(trimmed.omitted).toBe(10 + 5 * 4 - 5 - 3);
  });

  test('refuses an entity that is not in the graph', () => {
    expect(() => egoGraph(graph, adjacency, 'people/nobody')).toThrow(/people\/nobody/);
  });
});

describe('focusGraph', () => {
  const chosen = ['people/li-wei', 'companies/example-tech', 'identities/heron-qq'];
  const sub = focusSubgraph(model, chosen);
  const focus = focusGraph(sub, new Set(chosen));

  test('marks the chosen entities and keeps their links', () => {
    expect(focus.mode).toBe('focus');
    expect(focus.nodes.map((n) => [n.id, n.ring])).toEqual(sub.nodes.map((n) => [n.id, 0]));
    expect(focus.edges).toHaveLength(sub.edges.length);
  });

  test('fits the picture in the −1…1 square, the same each time', () => {
    expect(focus.nodes.every((n) => Math.abs(n.x) <= 1 && Math.abs(n.y) <= 1)).toBe(true);
    expect(Math.max(...focus.nodes.map((n) => Math.max(Math.abs(n.x), Math.abs(n.y))))).toBe(1);
    expect(JSON.stringify(focusGraph(sub, new Set(chosen)))).toBe(JSON.stringify(focus));
  });
});
