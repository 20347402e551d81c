import type { CaseModel } from '../lib/case.ts';
import { getCase } from './checked-case.ts';
import { adjacencyOf, buildCaseGraph, type CaseGraph, type Step } from '../lib/graph.ts';
import { twinTable, type TwinTable } from '../lib/twin-table.ts';

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

const twinTables = new WeakMap<CaseGraph, TwinTable>();

/**
 * The graph's edges as the table lists them, in pages (src/lib/twin-table.ts); sorted once per
 * graph, since every page of the table asks for it.
 */
export async function getTwinTable(): Promise<TwinTable> {
  const { graph } = await getSiteGraph();
  let table = twinTables.get(graph);
  if (!table) {
    table = twinTable(graph);
    twinTables.set(graph, table);
  }
  return table;
}
