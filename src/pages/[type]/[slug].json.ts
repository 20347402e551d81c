import type { APIRoute, GetStaticPaths } from 'astro';
import { getCase } from '../../site/checked-case.ts';
import { getSiteGraph } from '../../site/site-graph.ts';
import { entityRecord } from '../../lib/export-json.ts';
import { EGO_LIMITS, egoGraph } from '../../lib/local-graph.ts';
import { entriesToRender } from '../../integrations/rebuild-plan.ts';

/**
 * Every published entity as JSON at /<type>/<slug>.json, beside its dossier, with its neighbourhood
 * one step deep, laid out for the dossier's picture of its links. One file serves the record, the link
 * preview and the picture: a file per entity fewer keeps a large case within a static host's file
 * limit (5,000 entities under Cloudflare Pages' 20,000), and a preview read before opening the
 * dossier leaves its picture in the browser's cache. The second step is the neighbours' records,
 * fetched when the reader asks for it: shipping it in every record made records a dozen kilobytes
 * each, mostly copies of one another.
 */
export const getStaticPaths = (async () => {
  const model = await getCase();
  // A rebuild keeps the files whose inputs did not change (src/integrations/incremental-build.ts).
  return entriesToRender('record', model.entities).map((entity) => ({
    params: { type: entity.type, slug: entity.slug },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const model = await getCase();
  const entity = model.entity(`${params.type}/${params.slug}`);
  if (!entity) return new Response(null, { status: 404 });
  const { graph, adjacency } = await getSiteGraph();
  return Response.json({
    ...entityRecord(model, entity),
    neighbourhood: egoGraph(graph, adjacency, entity.id, EGO_LIMITS, 1),
  });
};
