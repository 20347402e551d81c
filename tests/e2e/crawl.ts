import type { APIRequestContext } from '@playwright/test';

/**
 * Crawls a built site from its home page and sitemap, following every same-origin link, stylesheet,
 * script and image, and remembers each page's ids so anchors can be checked.
 */

/** What the crawl found. */
export interface CrawlResult {
  /** Every HTML page reached, by path. */
  pages: Map<string, string>;
  /** Links that did not answer 200: "from → to (status)". */
  broken: string[];
  /** Links whose #fragment names no element on the target page. */
  missingAnchors: string[];
  /** External links without rel="noopener noreferrer". */
  unsafeExternal: string[];
  /** Every external URL linked. */
  external: Set<string>;
}

const ATTRIBUTE = /<(a|link|script|img|source)\b[^>]*?\s(href|src|srcset)="([^"]*)"[^>]*>/gi;
const ID = /\sid="([^"]+)"/g;

/** Reads the URLs listed in the sitemap index and its sitemaps. */
async function sitemapPaths(request: APIRequestContext, origin: string, base: string): Promise<string[]> {
  const index = await request.get(`${origin}${base}sitemap-index.xml`);
  if (!index.ok()) return [];
  const sitemaps = [...(await index.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? '').pathname);
  const paths: string[] = [];
  for (const sitemap of sitemaps) {
    const body = await (await request.get(`${origin}${sitemap}`)).text();
    for (const match of body.matchAll(/<loc>([^<]+)<\/loc>/g)) paths.push(new URL(match[1] ?? '').pathname);
  }
  return paths;
}

/**
 * Crawls the site at `origin`, published under `base` (a path with slashes at both ends): a link
 * on the origin but outside the base path counts as broken, as it would be on a host that serves
 * only that path.
 */
export async function crawl(request: APIRequestContext, origin: string, base = '/'): Promise<CrawlResult> {
  const pages = new Map<string, string>();
  const status = new Map<string, number>();
  const anchorsWanted: { from: string; path: string; id: string }[] = [];
  const broken: string[] = [];
  const unsafeExternal: string[] = [];
  const external = new Set<string>();
  const queue: { path: string; from: string }[] = [{ path: base, from: '(start)' }];
  for (const path of await sitemapPaths(request, origin, base)) queue.push({ path, from: 'sitemap' });
  const seen = new Set<string>();

  while (queue.length > 0) {
    const next = queue.shift();
    if (!next || seen.has(next.path)) continue;
    seen.add(next.path);
    if (!next.path.startsWith(base)) {
      broken.push(`${next.from} → ${next.path} (outside ${base})`);
      continue;
    }
    const response = await request.get(`${origin}${next.path}`, { maxRedirects: 0 });
    status.set(next.path, response.status());
    if (response.status() !== 200) {
      broken.push(`${next.from} → ${next.path} (${response.status()})`);
      continue;
    }
    const type = response.headers()['content-type'] ?? '';
    if (!type.includes('text/html')) continue;
    const html = await response.text();
    pages.set(next.path, html);
    for (const match of html.matchAll(ATTRIBUTE)) {
      const tag = match[0];
      const attribute = match[2] ?? '';
      const values =
        attribute === 'srcset'
          ? (match[3] ?? '').split(',').map((part) => part.trim().split(/\s+/)[0] ?? '')
          : [match[3] ?? ''];
      for (const raw of values) {
        const value = raw.replace(/&amp;/g, '&');
        if (!value || value.startsWith('data:') || value.startsWith('mailto:')) continue;
        const url = new URL(value, `${origin}${next.path}`);
        if (url.origin !== origin) {
          if (/^https?:$/.test(url.protocol)) {
            external.add(url.href);
            const rel = /\srel="([^"]*)"/.exec(tag)?.[1] ?? '';
            if (match[1] === 'a' && !(rel.includes('noopener') && rel.includes('noreferrer'))) {
              unsafeExternal.push(`${next.path} → ${url.href}`);
            }
          }
          continue;
        }
        const path = decodeURI(url.pathname);
        if (url.hash.length > 1)
          anchorsWanted.push({ from: next.path, path, id: decodeURIComponent(url.hash.slice(1)) });
        if (!seen.has(path)) queue.push({ path, from: next.path });
      }
    }
  }

  const missingAnchors: string[] = [];
  for (const anchor of anchorsWanted) {
    const html = pages.get(anchor.path);
    if (html === undefined) continue;
    const ids = new Set([...html.matchAll(ID)].map((m) => m[1]));
    if (!ids.has(anchor.id)) missingAnchors.push(`${anchor.from} → ${anchor.path}#${anchor.id}`);
  }
  return { pages, broken, missingAnchors, unsafeExternal, external };
}
