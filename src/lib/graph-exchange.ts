import Graph from 'graphology';
import { write as writeGexf } from 'graphology-gexf';
import type { CaseGraph, GraphEdge, GraphNode } from './graph.ts';
import type { LayoutPoint } from './layout.ts';
import { ENTITY_TYPE_INFO } from './schema/entity-types.ts';
import { RELATIONS } from './schema/relations.ts';
import { entryPath } from './paths.ts';

/**
 * The whole case graph in the two formats graph tools read: GEXF (Gephi) and GraphML (yEd, Cytoscape,
 * networkx), published at `/exports/graph.gexf` and `/exports/graph.graphml`. Both carry every node
 * (with its type, names, summary, dossier path and the build's layout) and every edge (typed
 * relationships with their relation, label, grade, number of sources and dates, then mentions), so
 * an analyst can continue where the explorer stops. GEXF is written by graphology-gexf (its attribute
 * ids then shortened); GraphML by hand below, since graphology-graphml only reads.
 */

/** Attributes of a node in both exports. */
function nodeAttributes(node: GraphNode): Record<string, string | number> {
  return {
    type: node.type,
    ...(node.native ? { native: node.native } : {}),
    summary: node.summary,
    dossier: entryPath(node.id),
    degree: node.degree,
  };
}

/** Attributes of an edge in both exports; only what the edge has. */
function edgeAttributes(edge: GraphEdge): Record<string, string | number> {
  return {
    kind: edge.kind,
    ...(edge.rel ? { relation: edge.rel } : {}),
    ...(edge.confidence ? { confidence: edge.confidence } : {}),
    sources: edge.sourceCount,
    ...(edge.since ? { since: edge.since } : {}),
    ...(edge.until ? { until: edge.until } : {}),
    ...(edge.known ? { first_published: edge.known } : {}),
  };
}

/** How an edge reads, "operates" or "mentions". */
function edgeLabel(edge: GraphEdge): string {
  return edge.rel ? RELATIONS[edge.rel].forward : 'mentions';
}

/**
 * A `#rrggbb` colour as `rgb(r,g,b)`, which graphology-gexf writes as GEXF's `r`, `g` and `b`: its
 * `hex` form (new in GEXF 1.3) stops networkx's reader (3.6), which reads only the three channels.
 */
function rgbOf(hex: string): string {
  const channels = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!channels) throw new Error(`entity type colour ${hex} is not written #rrggbb`);
  return `rgb(${channels
    .slice(1)
    .map((channel) => Number.parseInt(channel, 16))
    .join(',')})`;
}

/** The case graph as GEXF 1.3, with the build-time layout as node positions and type colours. */
export function toGexf(graph: CaseGraph, positions: readonly LayoutPoint[]): string {
  const g = new Graph({ multi: true, type: 'directed', allowSelfLoops: false });
  const nodes = new Map<string, { node: GraphNode; x: number; y: number }>();
  graph.nodes.forEach((node, i) => {
    // GEXF's y axis points up, the canvas's down.
    nodes.set(node.id, { node, x: positions[i]?.[0] ?? 0, y: -(positions[i]?.[1] ?? 0) + 0 });
    g.addNode(node.id);
  });
  const edges = new Map<string, GraphEdge>();
  graph.edges.forEach((edge, i) => {
    edges.set(`e${i}`, edge);
    g.addEdgeWithKey(`e${i}`, edge.source, edge.target);
  });
  const gexf = writeGexf(g, {
    version: '1.3',
    // One element after another, no indentation: the indentation was a fifth of the file.
    pretty: false,
    formatNode: (key) => {
      const found = nodes.get(key);
      if (!found) return {};
      const { node, x, y } = found;
      return {
        label: node.name,
        // A size to two decimals: Gephi draws no finer, and the file no longer spells out 15 digits per node.
        viz: {
          x,
          y,
          size: Math.round((4 + Math.sqrt(node.degree) * 2) * 100) / 100,
          color: rgbOf(ENTITY_TYPE_INFO[node.type].colour),
        },
        attributes: nodeAttributes(node),
      };
    },
    formatEdge: (key) => {
      const edge = edges.get(key);
      return edge ? { label: edgeLabel(edge), attributes: edgeAttributes(edge) } : {};
    },
  });
  return shortAttributeIds(gexf);
}

/**
 * GEXF with attribute ids `0`, `1`, … (as networkx writes them) in place of graphology-gexf's, which
 * repeat each attribute's title as its id in every `<attvalue for>`: readers name a column by its
 * `title`. Node and edge attributes share no name, so one numbering serves both classes. Attribute
 * values are escaped (`"` as `&quot;`), so `for="` is only ever the start of an attvalue's reference.
 */
function shortAttributeIds(gexf: string): string {
  const ids = new Map<string, string>();
  const declared = gexf.replace(/<attribute id="([^"]+)" title="\1"/g, (_, name: string) => {
    const id = String(ids.size);
    ids.set(name, id);
    return `<attribute id="${id}" title="${name}"`;
  });
  return declared.replace(/<attvalue for="([^"]+)"/g, (whole, name: string) => {
    const id = ids.get(name);
    return id === undefined ? whole : `<attvalue for="${id}"`;
  });
}

/** Escapes text for XML content and attribute values. */
function xml(text: string | number): string {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const NODE_KEYS = [
  ['label', 'string'],
  ['type', 'string'],
  ['native', 'string'],
  ['summary', 'string'],
  ['dossier', 'string'],
  ['degree', 'int'],
  ['x', 'double'],
  ['y', 'double'],
] as const;
const EDGE_KEYS = [
  ['label', 'string'],
  ['kind', 'string'],
  ['relation', 'string'],
  ['confidence', 'string'],
  ['sources', 'int'],
  ['since', 'string'],
  ['until', 'string'],
  ['first_published', 'string'],
] as const;

/**
 * Each attribute's key id, `d0` to `d15`, as networkx writes them: readers name a column by the key's
 * `attr.name`, and the id, written in every `<data>`, was a sixth of the file spelt out.
 */
const KEY_IDS = new Map<string, string>(
  [...NODE_KEYS.map(([key]) => `n_${key}`), ...EDGE_KEYS.map(([key]) => `e_${key}`)].map((key, i) => [key, `d${i}`]),
);

/** `<data>` elements for the keys an element has. */
function dataOf(prefix: 'n' | 'e', values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([key, value]) => `<data key="${KEY_IDS.get(`${prefix}_${key}`) ?? ''}">${xml(value)}</data>`)
    .join('');
}

/**
 * The case graph as GraphML, one `<data>` key per attribute, with the build-time layout as x and y;
 * one element after another, without indentation.
 */
export function toGraphml(graph: CaseGraph, positions: readonly LayoutPoint[]): string {
  const key = (prefix: 'n' | 'e', name: string, type: string) =>
    `<key id="${KEY_IDS.get(`${prefix}_${name}`) ?? ''}" for="${prefix === 'n' ? 'node' : 'edge'}" attr.name="${name}" attr.type="${type}"/>`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...NODE_KEYS.map(([name, type]) => key('n', name, type)),
    ...EDGE_KEYS.map(([name, type]) => key('e', name, type)),
    '<graph id="case" edgedefault="directed">',
  ];
  graph.nodes.forEach((node, i) => {
    const values = {
      label: node.name,
      ...nodeAttributes(node),
      x: positions[i]?.[0] ?? 0,
      y: positions[i]?.[1] ?? 0,
    };
    lines.push(`<node id="${xml(node.id)}">${dataOf('n', values)}</node>`);
  });
  graph.edges.forEach((edge, i) => {
    const values = { label: edgeLabel(edge), ...edgeAttributes(edge) };
    lines.push(
      `<edge id="e${i}" source="${xml(edge.source)}" target="${xml(edge.target)}">${dataOf('e', values)}</edge>`,
    );
  });
  lines.push('</graph>', '</graphml>', '');
  return lines.join('\n');
}
