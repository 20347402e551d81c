import type { APIRoute, GetStaticPaths } from 'astro';
import { getCase } from '../../site/checked-case.ts';
import { ogImage } from '../../site/og-image.ts';
import { frontPageOf } from '../../lib/front-page.ts';
import { entityOgCard, reportOgCard, siteOgCard, type OgCard } from '../../lib/og-card.ts';
import { hasOwnImage, shareImagesFor } from '../../lib/page-meta.ts';
import { SITE } from '../../config.ts';

/** A sharing image per dossier and per report at /og/<type>/<slug>.png, and the site's at /og/site.png. */
export const getStaticPaths = (async () => {
  const model = await getCase();
  const setting = shareImagesFor(SITE.shareImages, model.entities.length);
  return [
    { params: { id: 'site' } },
    ...[...model.entities, ...model.reports]
      .filter((entry) => hasOwnImage(entry.id, setting))
      .map((entry) => ({ params: { id: entry.id } })),
  ];
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const model = await getCase();
  const id = params.id ?? '';
  const entry = model.get(id);
  let card: OgCard | undefined;
  if (id === 'site') {
    const front = frontPageOf(model);
    card = siteOgCard(
      SITE.title,
      front?.declaration.headline ?? SITE.title,
      front?.declaration.standfirst ?? SITE.description,
    );
  } else if (entry?.kind === 'entity') card = entityOgCard(model, entry, SITE.title);
  else if (entry?.kind === 'report') card = reportOgCard(entry, SITE.title);
  if (!card) return new Response(null, { status: 404 });
  return new Response(new Uint8Array(await ogImage(card)), { headers: { 'Content-Type': 'image/png' } });
};
