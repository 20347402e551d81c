import { resolveUrl } from '../safe-url.ts';
import type { FileCheck } from './findings.ts';
import { attributeOf, type Element } from './html-nodes.ts';

/**
 * Script and redirect rules: a page runs only the site's own script files (JSON and JSON-LD data
 * blocks are not run, so they may stay inline), and refreshes only to a page of the site, from its
 * head (the redirect pages of renamed entries); it never sets a cookie.
 */

/** Script types a browser does not run. */
const DATA_SCRIPT_TYPES = new Set(['application/json', 'application/ld+json']);

/** Checks a <meta> element: a refresh away from the site, or any refresh inside a body, is a redirect. */
export function checkMeta(check: FileCheck, element: Element, inBody: boolean): void {
  const equiv = attributeOf(element, 'http-equiv')?.toLowerCase();
  if (equiv === 'refresh') {
    // The site's own redirect pages (renamed slugs) refresh to a page of the site, from their head.
    const target = /url\s*=\s*['"]?([^'"]*)/i.exec(attributeOf(element, 'content') ?? '')?.[1];
    const url = target === undefined ? undefined : resolveUrl(target.trim(), check.page);
    if (inBody || !url || url.origin !== check.site.origin) {
      check.findings.push({
        file: check.file,
        kind: 'redirect',
        message: `a <meta http-equiv="refresh"> to ${url?.href ?? 'another address'}: the page would redirect on load`,
        fix: 'remove it; a renamed entry keeps its old address with redirect_from',
        trace: 'refresh',
      });
    }
  } else if (equiv === 'set-cookie') {
    check.findings.push({
      file: check.file,
      kind: 'redirect',
      message: 'a <meta http-equiv="set-cookie">',
      fix: 'remove it',
      trace: 'set-cookie',
    });
  }
}

/** Checks a <script> element: one the browser runs must be a file of the site. */
export function checkScript(check: FileCheck, element: Element): void {
  const type = (attributeOf(element, 'type') ?? '').trim().toLowerCase();
  if (DATA_SCRIPT_TYPES.has(type)) return;
  const src = attributeOf(element, 'src');
  const url = src === undefined ? undefined : resolveUrl(src, check.page);
  if (url && url.origin === check.site.origin) return;
  check.findings.push({
    file: check.file,
    kind: 'script',
    message: src === undefined ? 'an inline script' : `a script from ${url?.origin ?? src}`,
    fix: "remove it: only the site's own script files run on its pages",
    trace: '<script',
  });
}
