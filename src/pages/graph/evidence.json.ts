import type { APIRoute } from 'astro';
import { getCase } from '../../site/checked-case.ts';
import { getSiteGraph } from '../../site/site-graph.ts';
import { evidenceFile, evidenceFileSchema } from '../../lib/edge-evidence.ts';

/** Each drawn relationship's "how we know" record, indexed like graph.json's edges; shape in src/lib/edge-evidence.ts. */
export const GET: APIRoute = async () => {
  const { graph } = await getSiteGraph();
  const data = evidenceFileSchema.parse(evidenceFile(await getCase(), graph));
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
