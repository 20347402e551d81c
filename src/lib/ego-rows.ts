import { RELATIONS } from './schema/relations.ts';
import { confidenceRank } from './schema/confidence.ts';
import type { LocalGraph } from './local-graph.ts';

/**
 * The one-step picture of a dossier's neighbourhood, laid out to be read: the entity on one side,
 * its neighbours in rows grouped under the relationship that ties them to it ("operates",
 * "member of", …), strongest groups first, each neighbour once (under its strongest tie). One column
 * to the right of the entity on a narrow screen, two columns either side of it on a wide one, so
 * every name has the width of a column and lines fan out without crossing the middle.
 */

/** One neighbour's row. */
export interface EgoRow {
  /** Index of the node in the local graph. */
  node: number;
  /** Position of its mark. */
  x: number;
  /** Position of its mark. */
  y: number;
  /** Which way its label runs from the mark. */
  side: 'left' | 'right';
}

/** A group's heading. */
export interface EgoHeading {
  /** The relationship as read from the entity, e.g. "operates"; "mentioned in text" for mentions. */
  label: string;
  /** Where the heading's text is anchored. */
  x: number;
  /** Baseline. */
  y: number;
  /** Which way the text runs. */
  side: 'left' | 'right';
}

/** The laid-out picture. */
export interface EgoRowsLayout {
  /** The entity itself. */
  centre: { x: number; y: number };
  /** Its neighbours. */
  rows: EgoRow[];
  /** The group headings. */
  headings: EgoHeading[];
  /** Height of the picture, pixels. */
  height: number;
  /** Room for each label beside its mark, pixels. */
  labelRoom: number;
}

const ROW = 22;
const HEADING = 20;
const GAP = 8;
const PAD = 10;
/** Wider than this, the groups go in two columns either side of the entity. */
export const TWO_COLUMNS = 600;

/** Groups of neighbours (by node index), strongest ties first. */
export function egoGroups(graph: LocalGraph, mentions: boolean): { label: string; nodes: number[] }[] {
  // Each neighbour's strongest tie to the centre (node 0), read from the centre's side.
  const tie = new Map<number, { label: string; rank: number }>();
  for (const [s, t, rel, confidence] of graph.edges) {
    if (s !== 0 && t !== 0) continue;
    const other = s === 0 ? t : s;
    const info = rel ? RELATIONS[rel] : undefined;
    const label = info ? (s === 0 || 'symmetric' in info ? info.forward : info.reverse) : 'mentioned in text';
    const rank = confidence ? confidenceRank(confidence) : 9;
    if (!confidence && !mentions) continue;
    const known = tie.get(other);
    if (!known || rank < known.rank) tie.set(other, { label, rank });
  }
  const groups = new Map<string, { label: string; rank: number; nodes: number[] }>();
  for (const [node, { label, rank }] of tie) {
    const group = groups.get(label) ?? { label, rank, nodes: [] };
    group.rank = Math.min(group.rank, rank);
    group.nodes.push(node);
    groups.set(label, group);
  }
  const name = (i: number) => graph.nodes[i]?.name ?? '';
  return [...groups.values()]
    .sort((a, b) => a.rank - b.rank || a.label.localeCompare(b.label))
    .map((group) => ({ label: group.label, nodes: group.nodes.sort((a, b) => name(a).localeCompare(name(b))) }));
}

/** Lays the one-step neighbourhood out in grouped rows for a picture `width` pixels wide. */
export function egoRows(graph: LocalGraph, width: number, mentions: boolean): EgoRowsLayout {
  const groups = egoGroups(graph, mentions);
  const two = width >= TWO_COLUMNS && groups.reduce((n, g) => n + g.nodes.length, 0) > 4;
  // Two columns: fill the right one with the strongest groups first, until it holds about half the rows.
  const total = groups.reduce((n, g) => n + g.nodes.length + 1, 0);
  const columns: (typeof groups)[] = [[], []];
  let filled = 0;
  for (const group of groups) {
    const column = !two || filled < total / 2 ? 0 : 1;
    columns[column]?.push(group);
    filled += group.nodes.length + 1;
  }
  const heightOf = (list: typeof groups) =>
    list.reduce((h, g) => h + HEADING + g.nodes.length * ROW + GAP, 0) - (list.length > 0 ? GAP : 0);
  const height = Math.max(120, Math.max(...columns.map(heightOf)) + 2 * PAD);
  const centre = two ? { x: width / 2, y: height / 2 } : { x: 26, y: height / 2 };
  const rows: EgoRow[] = [];
  const headings: EgoHeading[] = [];
  const markX = (side: 'left' | 'right') => (two ? (side === 'right' ? width / 2 + 110 : width / 2 - 110) : 96);
  columns.forEach((list, c) => {
    const side: 'left' | 'right' = c === 0 ? 'right' : 'left';
    const x = markX(side);
    // Each column is centred on the entity, so the lines fan out evenly.
    let y = (height - heightOf(list)) / 2;
    for (const group of list) {
      headings.push({ label: group.label, x: side === 'right' ? x - 6 : x + 6, y: y + 14, side });
      y += HEADING;
      for (const node of group.nodes) {
        rows.push({ node, x, y: y + ROW / 2, side });
        y += ROW;
      }
      y += GAP;
    }
  });
  const labelRoom = two ? width / 2 - 110 - 18 : width - 96 - 18;
  return { centre, rows, headings, height: Math.round(height), labelRoom };
}
