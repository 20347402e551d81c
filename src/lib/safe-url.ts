import { SAFE_URL_SCHEMES } from './html-allowlist.ts';

/**
 * URLs read the way a browser reads them: with the WHATWG URL parser (Node's and the browsers' own
 * `URL`), which drops tabs and newlines inside a scheme, lower-cases it, decodes percent-escapes in
 * a host and maps full-width and ideographic dots to dots. Checking the raw string instead lets
 * `java&#9;script:`, `JaVaScRiPt:` or `http://xiaohong%2Eorg/` through.
 */

const SCHEMES = new Set(SAFE_URL_SCHEMES.map((scheme) => `${scheme}:`));

/** A URL resolved against the page it sits on, or undefined when no browser would follow it. */
export function resolveUrl(value: string, base: URL | string): URL | undefined {
  try {
    return new URL(value, base);
  } catch {
    return undefined;
  }
}

/** Whether a link or image address is safe to publish: http(s), mailto, or a path on the site. */
export function isSafeUrl(value: string, base: URL | string): boolean {
  // An address that does not parse is not followed by a browser either: it stays inert.
  return unsafeScheme(value, base) === undefined;
}

/** The scheme a browser would follow for this address when it is not allowed ("javascript"), else undefined. */
export function unsafeScheme(value: string, base: URL | string): string | undefined {
  const url = resolveUrl(value, base);
  return url === undefined || SCHEMES.has(url.protocol) ? undefined : url.protocol.slice(0, -1);
}

/** Whether a link leaves the site: a web address on another origin. */
export function isExternalUrl(value: string, base: URL): boolean {
  const url = resolveUrl(value, base);
  return url !== undefined && (url.protocol === 'http:' || url.protocol === 'https:') && url.origin !== base.origin;
}
