import { describe, expect, test } from 'vitest';
import { egoGroups, egoRows, TWO_COLUMNS } from '../../src/lib/ego-rows.ts';
import type { LocalGraph } from '../../src/lib/local-graph.ts';

// A person who operates two handles, is a member of a group, and is mentioned by a report-like page.
const graph: LocalGraph = {
  version: 1,
  mode: 'ego',
  nodes: [
    { id: 'people/p', type: 'people', name: 'P', ring: 0, x: 0, y: 0 },
    { id: 'identities/b', type: 'identities', name: 'Bravo', ring: 1, x: 0, y: 0 },
    { id: 'identities/a', type: 'identities', name: 'Alpha', ring: 1, x: 0, y: 0 },
    { id: 'actors/g', type: 'actors', name: 'Group', ring: 1, x: 0, y: 0 },
    { id: 'companies/m', type: 'companies', name: 'Mentioner', ring: 1, x: 0, y: 0 },
  ],
  edges: [
    [0, 1, 'operates', 'unverified'],
    [0, 2, 'operates', 'moderate'],
    [0, 3, 'member-of', 'high'],
    [4, 0, null, null],
    [1, 2, 'pivots-to', 'moderate'],
  ],
  omitted: 0,
};

describe('egoGroups', () => {
  test('groups neighbours under their tie read from the entity, strongest group first, names in order', () => {
    expect(egoGroups(graph, false)).toEqual([
      { label: 'member of', nodes: [3] },
      { label: 'operates', nodes: [2, 1] },
    ]);
  });

  test('mentions join, last, only when asked', () => {
    expect(egoGroups(graph, true).at(-1)).toEqual({ label: 'mentioned in text', nodes: [4] });
  });

  test('a tie read from the other end uses the reverse label', () => {
    const reverse: LocalGraph = { ...graph, edges: [[3, 0, 'member-of', 'high']] };
    expect(egoGroups(reverse, false)).toEqual([{ label: 'members', nodes: [3] }]);
  });
});

describe('egoRows', () => {
  test('narrow: one column to the right of the entity, rows never overlap, labels get the rest of the width', () => {
    const layout = egoRows(graph, 390, false);
    expect(layout.rows.every((row) => row.side === 'right' && row.x > layout.centre.x)).toBe(true);
    const ys = layout.rows.map((row) => row.y);
    for (let i = 1; i < ys.length; i++) expect((ys[i] ?? 0) - (ys[i - 1] ?? 0)).toBeGreaterThanOrEqual(22);
    expect(layout.labelRoom).toBe(390 - 96 - 18);
  });

  test('wide: groups either side of the entity, in the middle', () => {
    const many: LocalGraph = {
      ...graph,
      nodes: [
        graph.nodes[0] ?? { id: 'people/p', type: 'people', name: 'P', ring: 0, x: 0, y: 0 },
        ...Array.from({ length: 8 }, (_, i) => ({
          id: `tools/t${i}`,
          type: 'tools' as const,
          name: `T${i}`,
          ring: 1,
          x: 0,
          y: 0,
        })),
      ],
      edges: Array.from({ length: 8 }, (_, i) => [0, i + 1, i < 4 ? 'uses' : 'authored', 'high'] as const).map((e) => [
        ...e,
      ]),
    };
    const layout = egoRows(many, TWO_COLUMNS + 200, false);
    expect(layout.centre.x).toBe((TWO_COLUMNS + 200) / 2);
    expect(new Set(layout.rows.map((row) => row.side))).toEqual(new Set(['left', 'right']));
  });
});
