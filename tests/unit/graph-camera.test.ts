import { describe, expect, test } from 'vitest';
import { edgeMidpoint, fitScale, frame, hitEdge, hitNode, nodeTree } from '../../src/lib/graph-camera.ts';
import { buildScene, scopeScene } from '../../src/lib/graph-scene.ts';
import { viewFromSearch } from '../../src/lib/graph-view.ts';
import type { LaidOutGraph } from '../../src/lib/graph-data.ts';
import type { GraphEdge, GraphNode } from '../../src/lib/graph.ts';

// Three people on a line at x = −100, 0, 100, linked a–b and b–c.
const node = (id: string): GraphNode => ({ id, type: 'people', name: id, aliases: [], summary: '', degree: 1 });
const edge = (key: string, source: string, target: string): GraphEdge => ({
  key,
  source,
  target,
  kind: 'relation',
  rel: 'associated-with',
  confidence: 'high',
  sourceCount: 1,
});
const data: LaidOutGraph = {
  nodes: [node('a'), node('b'), node('c')],
  edges: [edge('0', 'a', 'b'), edge('1', 'b', 'c')],
  positions: [
    [-100, 0],
    [0, 0],
    [100, 0],
  ],
  ends: Uint32Array.from([0, 1, 1, 2]),
};
const scene = buildScene(data);
scopeScene(scene, data, viewFromSearch(''));
// Scale 1, the layout's origin at the centre of a 400 × 200 canvas.
const view = { k: 1, x: 200, y: 100, width: 400, height: 200, fitK: 1 };

describe('camera', () => {
  test('the fitted scale leaves padding around the widest extent', () => {
    expect(fitScale(scene, 400, 200)).toBeCloseTo((400 - 56) / 200);
  });

  test('framing one node centres it and zooms at most four times the fit', () => {
    const transform = frame(scene, [2], view);
    expect(transform.k).toBe(4);
    expect(transform.x + 100 * transform.k).toBeCloseTo(200);
  });

  test('an edge’s midpoint is halfway between its ends on screen', () => {
    expect(edgeMidpoint(scene, view, 0)).toEqual([150, 100]);
  });
});

describe('hit-testing', () => {
  test('finds the node under a point, and none between nodes', () => {
    const tree = nodeTree(scene);
    expect(hitNode(tree, scene, view, 301, 101)).toBe(2);
    expect(hitNode(tree, scene, view, 250, 100)).toBeUndefined();
  });

  test('finds the edge under a point within a few pixels, and none further off', () => {
    expect(hitEdge(scene, view, 150, 103)).toBe(0);
    expect(hitEdge(scene, view, 250, 97)).toBe(1);
    expect(hitEdge(scene, view, 150, 120)).toBeUndefined();
  });

  test('an edge out of scope does not answer', () => {
    const hidden = buildScene(data);
    scopeScene(hidden, data, viewFromSearch('?rels=works-for&hide=1'));
    expect(hitEdge(hidden, view, 150, 100)).toBeUndefined();
  });
});
