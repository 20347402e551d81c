import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { BASEMAP_DIR, publishedOutline } from '../../site/map.ts';

/**
 * The one outline the case's maps draw, copied from basemap/ to /basemap/<file>: the others stay
 * out of the site (a case in Lisbon publishes the countries, not Tianjin's districts).
 */
export const getStaticPaths = (async () => {
  const file = await publishedOutline();
  return file ? [{ params: { file } }] : [];
}) satisfies GetStaticPaths;

/** The outline's bytes as they are in basemap/; any other name (`npm run dev` asks for any) is not found. */
export const GET: APIRoute = async ({ params }) => {
  const file = await publishedOutline();
  if (file === null || params.file !== file) return new Response(null, { status: 404 });
  return new Response(readFileSync(path.join(BASEMAP_DIR, file)), {
    headers: { 'Content-Type': 'application/geo+json' },
  });
};
