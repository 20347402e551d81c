import type { APIRoute, GetStaticPaths } from 'astro';
import { caseFont } from '../../site/fonts.ts';

/** The site's own CJK subset, named by its content so caches never serve a stale one. */
export const getStaticPaths = (async () => {
  const font = await caseFont();
  return font ? [{ params: { name: font.file.replace(/\.woff2$/, '') } }] : [];
}) satisfies GetStaticPaths;

export const GET: APIRoute = async () => {
  const font = await caseFont();
  if (!font) return new Response(null, { status: 404 });
  return new Response(new Uint8Array(font.woff2), { headers: { 'Content-Type': 'font/woff2' } });
};
