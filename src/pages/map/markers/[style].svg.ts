import type { APIRoute, GetStaticPaths } from 'astro';
import { getMapPlaces } from '../../../site/map.ts';
import { legendOf, markerSvg, parseMarkerKey } from '../../../lib/map-markers.ts';

/** One image per marker style the case uses, and those the legend shows; see src/lib/map-markers.ts. */
export const getStaticPaths = (async () => {
  const used = (await getMapPlaces()).map((place) => place.marker);
  const keys = new Set([...used, ...legendOf(used).map((entry) => entry.key)]);
  return [...keys].sort().map((style) => ({ params: { style } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const style = parseMarkerKey(params.style ?? '');
  if (!style) return new Response('unknown marker style', { status: 404 });
  return new Response(markerSvg(style), { headers: { 'Content-Type': 'image/svg+xml' } });
};
