import type { CaseGraph, GraphEdge } from './graph.ts';

/** Rows per page of the table that mirrors the whole graph: long enough to browse, short enough to load. */
export const TWIN_PAGE_SIZE = 250;

const collator = new Intl.Collator('en', { sensitivity: 'base' });

/** The table that mirrors the graph, in pages. */
export interface TwinTable {
  /** Edges of each page. */
  pages: GraphEdge[][];
  /** Name of the first and last entity the links of each page start from. */
  ranges: [string, string][];
}

/**
 * The graph's edges as the table lists them (by the declaring end's name, then relation, then the
 * other end), in pages. Pure, so that the incremental build can tell which pages changed.
 */
export function twinTable(graph: CaseGraph): TwinTable {
  const nameOf = new Map(graph.nodes.map((node) => [node.id, node.name]));
  const sorted = [...graph.edges].sort(
    (a, b) =>
      collator.compare(nameOf.get(a.source) ?? '', nameOf.get(b.source) ?? '') ||
      a.source.localeCompare(b.source) ||
      (a.kind === b.kind ? 0 : a.kind === 'relation' ? -1 : 1) ||
      (a.rel ?? '').localeCompare(b.rel ?? '') ||
      collator.compare(nameOf.get(a.target) ?? '', nameOf.get(b.target) ?? '') ||
      a.target.localeCompare(b.target),
  );
  const pages: GraphEdge[][] = [];
  for (let i = 0; i < sorted.length; i += TWIN_PAGE_SIZE) pages.push(sorted.slice(i, i + TWIN_PAGE_SIZE));
  if (pages.length === 0) pages.push([]);
  const ranges = pages.map((page): [string, string] => [
    nameOf.get(page[0]?.source ?? '') ?? '',
    nameOf.get(page.at(-1)?.source ?? '') ?? '',
  ]);
  return { pages, ranges };
}
