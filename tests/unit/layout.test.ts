import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkCaseFolder } from '../../src/reader/read-case.ts';
import { buildCaseGraph } from '../../src/lib/graph.ts';
import { componentsOf, layoutGraph, seededRandom, ticksFor, type LayoutInput } from '../../src/lib/layout.ts';

/** A deterministic test graph: `clusters` rings of `size` nodes, each ring tied to the next by one edge, plus loners. */
function clustered(clusters: number, size: number, loners = 0): LayoutInput {
  const nodes: { id: string }[] = [];
  const edges: { source: string; target: string }[] = [];
  for (let c = 0; c < clusters; c++) {
    for (let i = 0; i < size; i++) {
      nodes.push({ id: `c${c}n${i}` });
      edges.push({ source: `c${c}n${i}`, target: `c${c}n${(i + 1) % size}` });
      edges.push({ source: `c${c}n${i}`, target: `c${c}n${(i + 3) % size}` });
    }
    if (c > 0) edges.push({ source: `c${c - 1}n0`, target: `c${c}n0` });
  }
  for (let i = 0; i < loners; i++) nodes.push({ id: `loner${i}` });
  return { nodes, edges };
}

const distance = (a: readonly number[], b: readonly number[]) =>
  Math.hypot((a[0] ?? 0) - (b[0] ?? 0), (a[1] ?? 0) - (b[1] ?? 0));

describe('layoutGraph', () => {
  test('gives the same bytes for the same input, run after run', () => {
    const input = clustered(4, 30, 3);
    const first = JSON.stringify(layoutGraph(input));
    const copy: LayoutInput = JSON.parse(JSON.stringify(input)) as LayoutInput;
    expect(JSON.stringify(layoutGraph(copy))).toBe(first);
    expect(JSON.stringify(layoutGraph(input))).toBe(first);
  });

  test('gives one whole-number position per node, centred on the origin', () => {
    const input = clustered(3, 20, 2);
    const positions = layoutGraph(input);
    expect(positions).toHaveLength(input.nodes.length);
    expect(positions.flat().every((v) => Number.isInteger(v) && !Object.is(v, -0))).toBe(true);
    const xs = positions.map((p) => p[0]);
    const ys = positions.map((p) => p[1]);
    expect(Math.abs(Math.max(...xs) + Math.min(...xs))).toBeLessThanOrEqual(1);
    expect(Math.abs(Math.max(...ys) + Math.min(...ys))).toBeLessThanOrEqual(1);
  });

  test('puts linked nodes closer together than unlinked ones', () => {
    const input = clustered(1, 60);
    const positions = layoutGraph(input);
    const at = new Map(input.nodes.map((node, i) => [node.id, positions[i] ?? [0, 0]]));
    const linked = input.edges.map((e) => distance(at.get(e.source) ?? [], at.get(e.target) ?? []));
    const all: number[] = [];
    for (let i = 0; i < positions.length; i += 3) {
      for (let j = i + 1; j < positions.length; j += 5) all.push(distance(positions[i] ?? [], positions[j] ?? []));
    }
    const mean = (list: number[]) => list.reduce((s, v) => s + v, 0) / list.length;
    expect(mean(linked)).toBeLessThan(mean(all) / 2);
  });

  test('packs separate components side by side without overlap', () => {
    const input: LayoutInput = {
      nodes: [...clustered(1, 25).nodes, ...clustered(1, 25).nodes.map((n) => ({ id: `b-${n.id}` }))],
      edges: [
        ...clustered(1, 25).edges,
        ...clustered(1, 25).edges.map((e) => ({ source: `b-${e.source}`, target: `b-${e.target}` })),
      ],
    };
    const positions = layoutGraph(input);
    const box = (from: number, to: number) => {
      const part = positions.slice(from, to);
      return {
        minX: Math.min(...part.map((p) => p[0])),
        maxX: Math.max(...part.map((p) => p[0])),
        minY: Math.min(...part.map((p) => p[1])),
        maxY: Math.max(...part.map((p) => p[1])),
      };
    };
    const a = box(0, 25);
    const b = box(25, 50);
    const apart = a.maxX < b.minX || b.maxX < a.minX || a.maxY < b.minY || b.maxY < a.minY;
    expect(apart).toBe(true);
  });

  test('lays unconnected entities out in a grid of their own', () => {
    const input = clustered(1, 10, 9);
    const positions = layoutGraph(input).slice(10);
    expect(new Set(positions.map((p) => p[1])).size).toBe(3);
    expect(new Set(positions.map((p) => p[0])).size).toBe(3);
  });

  test('lets weak edges pull less than typed relationships', () => {
    const nodes = [{ id: 'hub' }, ...Array.from({ length: 12 }, (_, i) => ({ id: `n${i}` }))];
    const strong = nodes.slice(1).map((n) => ({ source: 'hub', target: n.id }));
    const withWeak = { nodes, edges: [...strong, { source: 'n0', target: 'n6', weak: true }] };
    const withStrong = { nodes, edges: [...strong, { source: 'n0', target: 'n6' }] };
    const gap = (input: LayoutInput) => {
      const p = layoutGraph(input);
      return distance(p[1] ?? [], p[7] ?? []);
    };
    expect(gap(withWeak)).toBeGreaterThan(gap(withStrong));
  });

  test('lays out the fixture case with every node placed apart', () => {
    const { model } = checkCaseFolder(path.resolve(import.meta.dirname, '../fixtures/basic'), { includeDrafts: false });
    const graph = buildCaseGraph(model);
    const positions = layoutGraph(graph);
    expect(new Set(positions.map((p) => p.join(','))).size).toBe(graph.nodes.length);
  });
});

describe('componentsOf', () => {
  test('finds connected components, largest first', () => {
    expect(
      componentsOf(7, [
        [0, 1],
        [1, 2],
        [4, 5],
      ]),
    ).toEqual([[0, 1, 2], [4, 5], [3], [6]]);
  });
});

describe('ticksFor', () => {
  test.each([
    [50, 300],
    [500, 300],
    [1000, 245],
    [5000, 120],
    [50_000, 120],
  ])('a component of %i nodes gets %i ticks', (size, ticks) => {
    expect(ticksFor(size)).toBe(ticks);
  });
});

describe('seededRandom', () => {
  test('repeats its sequence for a seed and stays in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const first = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(first);
    expect(first.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(seededRandom(43)()).not.toBe(first[0]);
  });
});
