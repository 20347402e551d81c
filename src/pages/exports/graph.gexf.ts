import type { APIRoute } from 'astro';
import { getLayout, getSiteGraph } from '../../site/site-graph.ts';
import { toGexf } from '../../lib/graph-exchange.ts';

/** The whole case graph as GEXF 1.3, for Gephi; attributes in src/lib/graph-exchange.ts. */
export const GET: APIRoute = async () => {
  const { graph } = await getSiteGraph();
  return new Response(toGexf(graph, await getLayout()), {
    headers: { 'Content-Type': 'application/gexf+xml; charset=utf-8' },
  });
};
