import { SAFE_URL_SCHEMES } from '../html-allowlist.ts';
import { resolveUrl } from '../safe-url.ts';
import type { FileCheck } from './findings.ts';
import { attributeOf, type Element } from './html-nodes.ts';

/**
 * URL and scheme rules: every address, resolved against its page by the WHATWG URL parser, uses
 * http:, https: or mailto:, never leads to an adversary's host or address, is not fetched from
 * another site as the page loads, and leaves the site only with rel="noopener noreferrer".
 */

const SCHEMES = new Set(SAFE_URL_SCHEMES.map((scheme) => `${scheme}:`));

/** Attributes holding one address. */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'poster',
  'data',
  'cite',
  'background',
  'longdesc',
  'manifest',
  'icon',
  'codebase',
]);

/** Attributes holding several addresses. */
const URL_LIST_ATTRIBUTES = new Set(['srcset', 'imagesrcset', 'ping']);

/** Attributes whose address the browser loads as the page loads (a request the reader never chose). */
const LOADED = new Set(['src', 'srcset', 'imagesrcset', 'poster', 'data', 'background']);

/** Link relations whose address the browser loads. */
const LOADED_LINKS =
  /(^|\s)(stylesheet|icon|preload|modulepreload|prefetch|manifest|apple-touch-icon|dns-prefetch|preconnect)(\s|$)/i;

/** Percent-decoded text, or the text itself where an escape is malformed. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Whether an address, resolved against a page, keeps the page's origin whatever the page's path: a
 * path from the root (but not `//` or `/\\`, which name a host, nor `/` then a tab or newline, which
 * the URL parser drops), a query, a fragment, or a relative path starting with a dot (no scheme
 * starts with one). A page of a large site links mostly so; the URL parser is not needed for them.
 */
function keepsOrigin(value: string): boolean {
  const first = value.charCodeAt(0);
  if (first === 0x23 || first === 0x3f || first === 0x2e) return true;
  if (first !== 0x2f) return false;
  const second = value.charCodeAt(1);
  return second !== 0x2f && second !== 0x5c && second !== 0x09 && second !== 0x0a && second !== 0x0d;
}

/**
 * Checks one address found in a file; returns it resolved, or undefined when it is no address or
 * (on a page whose own origin is safe, `check.originSafe`) one that keeps the page's origin, which
 * no rule can find anything in.
 */
export function checkUrl(check: FileCheck, value: string, where: string): URL | undefined {
  if (check.originSafe && keepsOrigin(value)) return undefined;
  const url = resolveUrl(value, check.page);
  if (!url) return undefined;
  if (!SCHEMES.has(url.protocol)) {
    const scheme = url.protocol.slice(0, -1);
    check.findings.push({
      file: check.file,
      kind: 'unsafe-scheme',
      message: `${where} uses the ${scheme}: scheme ("${value.slice(0, 60)}")`,
      fix: 'link only https:, http: or mailto: addresses, or a path on the site',
      trace: scheme,
    });
    return url;
  }
  let hit = url.hostname ? check.indicators.host(url.hostname) : undefined;
  if (!hit && url.protocol === 'mailto:') hit = check.indicators.email(safeDecode(url.pathname).toLowerCase());
  if (hit) {
    const { listed, indicator } = hit;
    check.findings.push({
      file: check.file,
      kind: 'live-indicator',
      message: `${where} leads to the adversary's ${url.protocol === 'mailto:' ? 'address' : 'server'} ${url.hostname || url.pathname} (the indicator "${indicator.value}", ${indicator.id}): a reader who follows it visits them`,
      fix: `remove the link; write the indicator defanged, or link the identity with [[${indicator.id}]]`,
      indicator,
      trace: listed,
    });
  }
  return url;
}

/** True for an address of another web site than this one. */
function offSite(check: FileCheck, url: URL): boolean {
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin !== check.siteOrigin;
}

/** What a page loads by itself comes from the site: a request elsewhere would report the reader to a third party. */
function checkOrigin(check: FileCheck, url: URL, where: string): void {
  if (!offSite(check, url)) return;
  check.findings.push({
    file: check.file,
    kind: 'third-party',
    message: `${where} makes every reader's browser fetch ${url.href.slice(0, 80)} from another site`,
    fix: 'save the file next to the entry and refer to it with a relative path',
    trace: url.hostname,
  });
}

/** A link off the site must not hand the other site this page (window.opener) or its address. */
function checkRel(check: FileCheck, element: Element, url: URL): void {
  if (!offSite(check, url)) return;
  const rel = (element.attrs.find((attr) => attr.name === 'rel')?.value ?? '').toLowerCase().split(/\s+/);
  if (rel.includes('noopener') && rel.includes('noreferrer')) return;
  check.findings.push({
    file: check.file,
    kind: 'rel',
    message: `a link to ${url.origin} without rel="noopener noreferrer"`,
    fix: 'links in bodies get it from the Markdown pipeline; a component must add it itself',
    trace: url.hostname,
  });
}

/**
 * Checks the addresses of one attribute, when it holds any; returns false for an attribute that
 * holds no address (its value is then text a reader may see).
 */
export function checkUrlAttribute(
  check: FileCheck,
  element: Element,
  attr: { name: string; value: string },
  where: string,
): boolean {
  const tag = element.tagName;
  if (URL_ATTRIBUTES.has(attr.name)) {
    const url = checkUrl(check, attr.value, where);
    if (url && (tag === 'a' || tag === 'area') && attr.name === 'href') checkRel(check, element, url);
    const loaded =
      LOADED.has(attr.name) ||
      (tag === 'link' && attr.name === 'href' && LOADED_LINKS.test(attributeOf(element, 'rel') ?? ''));
    if (url && loaded) checkOrigin(check, url, where);
    return true;
  }
  if (URL_LIST_ATTRIBUTES.has(attr.name)) {
    const candidates =
      attr.name === 'ping' ? attr.value.split(/\s+/) : attr.value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '');
    for (const candidate of candidates) {
      const url = candidate ? checkUrl(check, candidate, where) : undefined;
      if (url && LOADED.has(attr.name)) checkOrigin(check, url, where);
    }
    return true;
  }
  return false;
}
