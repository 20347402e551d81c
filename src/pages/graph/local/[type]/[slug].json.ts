import type { APIRoute, GetStaticPaths } from 'astro';
import { getCase } from '../../../../site/checked-case.ts';
import { getSiteGraph } from '../../../../site/site-graph.ts';
import { egoGraph } from '../../../../lib/local-graph.ts';

/**
 * Each dossier's neighbourhood, two steps deep and laid out, at /graph/local/<type>/<slug>.json.
 * A file per dossier keeps the pages light: the local graph fetches its own few kilobytes when the
 * reader scrolls to it, instead of every dossier shipping the whole case's graph.json.
 */
export const getStaticPaths = (async () => {
  const model = await getCase();
  return model.entities.map((entity) => ({ params: { type: entity.type, slug: entity.slug } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { graph, adjacency } = await getSiteGraph();
  const data = egoGraph(graph, adjacency, `${params.type}/${params.slug}`);
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
