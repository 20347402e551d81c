import type { APIRoute, GetStaticPaths } from 'astro';
import { getCase } from '../../site/checked-case.ts';
import { entityRecord } from '../../lib/export-json.ts';

/** Every published entity as JSON at /<type>/<slug>.json, beside its dossier. */
export const getStaticPaths = (async () => {
  const model = await getCase();
  return model.entities.map((entity) => ({ params: { type: entity.type, slug: entity.slug } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const model = await getCase();
  const entity = model.entity(`${params.type}/${params.slug}`);
  if (!entity) return new Response(null, { status: 404 });
  return Response.json(entityRecord(model, entity));
};
