import path from 'node:path';
import { describe, expect, test } from 'vitest';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { checkCaseFolder } from '../../src/reader/read-case.ts';
import { buildCaseGraph } from '../../src/lib/graph.ts';
import { layoutGraph } from '../../src/lib/layout.ts';
import { toGexf, toGraphml } from '../../src/lib/graph-exchange.ts';

const { model } = checkCaseFolder(path.resolve(import.meta.dirname, '../fixtures/basic'), { includeDrafts: false });
const graph = buildCaseGraph(model);
const positions = layoutGraph({ nodes: graph.nodes, edges: graph.edges });

describe('toGexf', () => {
  const parsed = parseGexf(Graph, toGexf(graph, positions));

  test('parses back with every node and edge', () => {
    expect(parsed.order).toBe(graph.nodes.length);
    expect(parsed.size).toBe(graph.edges.length);
  });

  test('keeps names, types, grades and relations', () => {
    expect(parsed.getNodeAttributes('people/li-wei')).toMatchObject({ label: 'LI Wei', type: 'people' });
    const registered = parsed.findEdge((_, attributes) => attributes['relation'] === 'registered-at');
    expect(registered && parsed.getEdgeAttributes(registered)).toMatchObject({
      label: 'registered at',
      confidence: 'confirmed',
      sources: 2,
      first_published: '2019',
    });
  });

  test("writes each type's colour as r, g and b, which every GEXF reader takes", () => {
    const text = toGexf(graph, positions);
    // people are #1f5fa8 (src/lib/schema/entity-types.ts).
    expect(text).toMatch(/<node id="people\/li-wei" [^>]*>.*?<viz:color r="31" g="95" b="168"\/>/);
    expect(text).not.toContain('<viz:color hex=');
    expect(parsed.getNodeAttribute('people/li-wei', 'color')).toBe('rgb(31,95,168)');
  });

  test('is the same bytes for the same case', () => {
    expect(toGexf(graph, positions)).toBe(toGexf(graph, positions));
  });
});

describe('toGraphml', () => {
  const text = toGraphml(graph, positions);
  const parsed = parseGraphml(Graph, text);

  test('parses back with every node and edge', () => {
    expect(parsed.order).toBe(graph.nodes.length);
    expect(parsed.size).toBe(graph.edges.length);
  });

  test('keeps names, native names and grades, escaped', () => {
    expect(parsed.getNodeAttributes('companies/example-tech')).toMatchObject({
      label: 'Example Trading Technology Co.',
      native: '示例贸易科技有限公司',
    });
    const mention = parsed.findEdge((_, attributes) => attributes['kind'] === 'mention');
    expect(mention && parsed.getEdgeAttribute(mention, 'label')).toBe('mentions');
  });
});

describe('toGraphml, compact', () => {
  const text = toGraphml(graph, positions);

  test('names each key d0, d1, … as networkx does, and each key once by its attribute name', () => {
    expect(text).toContain('<key id="d0" for="node" attr.name="label" attr.type="string"/>');
    expect(text).toContain('<key id="d8" for="edge" attr.name="label" attr.type="string"/>');
    expect(text).not.toMatch(/<data key="[a-z]_/);
  });

  test('writes one element after another, without indentation', () => {
    expect(text).not.toMatch(/\n /);
  });
});

describe('toGexf, compact', () => {
  const text = toGexf(graph, positions);

  test('numbers its attributes 0, 1, … and keeps their names as titles', () => {
    expect(text).toContain('<attribute id="0" title="type" type="string"/>');
    expect(text).toContain('<attvalue for="0" value="people"/>');
    expect(text).not.toContain('<attvalue for="type"');
  });
});
