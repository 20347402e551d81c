import type { APIRoute } from 'astro';
import { getLayout, getSiteGraph } from '../site/site-graph.ts';
import { toGraphData } from '../lib/graph-data.ts';

/** The whole case graph with its build-time layout; its shape is documented in src/lib/graph-data.ts. */
export const GET: APIRoute = async () => {
  const { graph } = await getSiteGraph();
  const data = toGraphData(graph, await getLayout());
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
