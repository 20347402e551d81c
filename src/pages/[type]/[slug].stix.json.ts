import type { APIRoute, GetStaticPaths } from 'astro';
import { getCase } from '../../site/checked-case.ts';
import { entityBundle } from '../../lib/stix.ts';
import { hasEntityBundles, stixOptions } from '../../site/exports.ts';
import { entriesToRender } from '../../integrations/rebuild-plan.ts';

/**
 * Every published entity with its neighbours as a STIX 2.1 bundle at /<type>/<slug>.stix.json, unless
 * the case is too large for a file per dossier more (see src/lib/entity-bundles.ts).
 */
export const getStaticPaths = (async () => {
  const model = await getCase();
  if (!hasEntityBundles(model)) return [];
  // A rebuild keeps the files whose inputs did not change (src/integrations/incremental-build.ts).
  return entriesToRender('bundle', model.entities).map((entity) => ({
    params: { type: entity.type, slug: entity.slug },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async (context) => {
  const model = await getCase();
  const id = `${context.params.type}/${context.params.slug}`;
  if (!model.entity(id)) return new Response(null, { status: 404 });
  return Response.json(await entityBundle(model, id, stixOptions(context.site)));
};
