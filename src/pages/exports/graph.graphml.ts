import type { APIRoute } from 'astro';
import { getLayout, getSiteGraph } from '../../site/site-graph.ts';
import { toGraphml } from '../../lib/graph-exchange.ts';

/** The whole case graph as GraphML, for yEd, Cytoscape or networkx; attributes in src/lib/graph-exchange.ts. */
export const GET: APIRoute = async () => {
  const { graph } = await getSiteGraph();
  return new Response(toGraphml(graph, await getLayout()), {
    headers: { 'Content-Type': 'application/graphml+xml; charset=utf-8' },
  });
};
