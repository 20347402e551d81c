import type { CaseModel } from '../lib/case.ts';
import { getCase } from './checked-case.ts';
import { adjacencyOf, buildCaseGraph, type CaseGraph, type GraphEdge, type Step } from '../lib/graph.ts';

/**
 * The case graph as the pages see it: built and indexed once per case model, shared by the explorer
 * page, its table pages and every dossier's local graph. It is kept for the model it came from: under
 * `astro dev` the model is a new one after an edit. (The data files, graph.json among them, are made
 * with the layout in src/site/data-files.ts.)
 */

/** The graph with what the pages need beside it. */
export interface SiteGraph {
  /** Nodes and edges. */
  graph: CaseGraph;
  /** Adjacency lists, for neighbourhoods. */
  adjacency: Map<string, Step[]>;
}

const indexed = new WeakMap<CaseModel, SiteGraph>();

/** The case graph and its adjacency, built once per model. */
export async function getSiteGraph(): Promise<SiteGraph> {
  const model = await getCase();
  let site = indexed.get(model);
  if (!site) {
    const graph = buildCaseGraph(model);
    site = { graph, adjacency: adjacencyOf(graph) };
    indexed.set(model, site);
  }
  return site;
}

/** Site path (without the base) of a page of the table that mirrors the whole graph, from 1. */
export function twinPagePath(page: number): string {
  return `/graph/table/${page}/`;
}

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

let twinTable: Promise<TwinTable> | undefined;

/**
 * The graph's edges as the table lists them (by the declaring end's name, then relation, then the
 * other end), in pages; sorted once, since every page of the table asks for it.
 */
export function getTwinTable(): Promise<TwinTable> {
  twinTable ??= getSiteGraph().then(({ graph }) => twinTableOf(graph));
  return twinTable;
}

/** The twin table of a graph. */
function twinTableOf(graph: CaseGraph): TwinTable {
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
