/**
 * The site's Content Security Policy, and the HTTP security headers of the built site derived from
 * the policy every page carries in its <meta>. A static host gets them as a `_headers` file, nginx as
 * a snippet of `add_header` lines; both come from the same list, so the three can never disagree.
 */

/** A parsed Content Security Policy: each directive's name with its sources, in order. */
export type CspPolicy = ReadonlyMap<string, readonly string[]>;

/** One HTTP response header. */
export interface Header {
  /** Header name, e.g. `X-Content-Type-Options`. */
  name: string;
  /** Its value. */
  value: string;
}

/**
 * Directives a <meta> policy cannot carry (browsers ignore them there), so only the header sends
 * them: no site may frame these pages.
 */
export const HEADER_ONLY_DIRECTIVES: CspPolicy = new Map([['frame-ancestors', ["'none'"]]]);

/**
 * Browser features the site never uses, turned off for its pages and anything they could embed.
 * Only names Chromium knows: an unknown one makes it log an error on every page.
 */
export const DISABLED_FEATURES = [
  'accelerometer',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'magnetometer',
  'microphone',
  'payment',
  'usb',
] as const;

/**
 * The directives of every page's policy. Scripts and styles come only from the site's own files: no
 * page inlines a script the browser runs (JSON-LD is data, which script-src does not govern) or a
 * style (stylesheets ship as files), so the policy needs no hashes and is one fixed string for every
 * page. Pagefind compiles its WebAssembly, hence 'wasm-unsafe-eval'; images may come from the tile
 * host the reader turns on.
 */
export function cspDirectives(options: { tileOrigin: string | undefined }): string[] {
  const images = ["'self'", 'data:', ...(options.tileOrigin ? [options.tileOrigin] : [])].join(' ');
  return [
    "default-src 'self'",
    `img-src ${images}`,
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
  ];
}

/** The policy of every page's <meta>, as one string. */
export function pagePolicy(options: { tileOrigin: string | undefined }): string {
  return cspDirectives(options).join('; ');
}

/** Parses a policy string such as `default-src 'self'; img-src 'self' data:`. */
export function parseCsp(text: string): Map<string, string[]> {
  const policy = new Map<string, string[]>();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    // As browsers do, the first occurrence of a directive wins.
    if (!policy.has(name.toLowerCase())) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

/** Matches the policy in a page's <meta>, and captures its content. */
const META_CSP = /<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"/i;

/** Undoes the HTML escaping of an attribute value. */
function unescapeAttribute(value: string): string {
  return value
    .replace(/&#39;|&#x27;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** The Content Security Policy in a page's <meta>, or undefined when it has none. */
export function metaPolicy(html: string): string | undefined {
  const match = META_CSP.exec(html);
  return match ? unescapeAttribute(match[1] ?? '') : undefined;
}

/** Writes a policy back as one header value. */
export function formatCsp(policy: CspPolicy): string {
  return [...policy].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/**
 * The one policy that lets every page run: each directive with the union of its sources over all
 * pages (the hashes of what each page inlines differ). Hashes are sorted so the result does not
 * depend on the order pages were read in.
 */
export function mergeCsp(policies: readonly CspPolicy[]): Map<string, string[]> {
  const merged = new Map<string, string[]>();
  for (const policy of policies) {
    for (const [name, sources] of policy) {
      const list = merged.get(name) ?? [];
      for (const source of sources) if (!list.includes(source)) list.push(source);
      merged.set(name, list);
    }
  }
  for (const [name, sources] of merged) {
    const isHash = (source: string) => /^'sha(256|384|512)-/.test(source);
    merged.set(name, [...sources.filter((s) => !isHash(s)), ...sources.filter(isHash).sort()]);
  }
  return merged;
}

/** Every security header of the site, given the merged policy of its pages. */
export function securityHeaders(pagePolicy: CspPolicy): Header[] {
  const policy = new Map(pagePolicy);
  for (const [name, sources] of HEADER_ONLY_DIRECTIVES) policy.set(name, [...sources]);
  return [
    { name: 'Content-Security-Policy', value: formatCsp(policy) },
    { name: 'X-Content-Type-Options', value: 'nosniff' },
    // Older browsers that do not know frame-ancestors.
    { name: 'X-Frame-Options', value: 'DENY' },
    // Following a link to a source must not tell its server which page the reader was on.
    { name: 'Referrer-Policy', value: 'no-referrer' },
    { name: 'Permissions-Policy', value: DISABLED_FEATURES.map((feature) => `${feature}=()`).join(', ') },
  ];
}

/** The `_headers` file of Netlify and Cloudflare Pages: the headers for every path. */
export function headersFile(headers: readonly Header[]): string {
  return ['/*', ...headers.map((header) => `  ${header.name}: ${header.value}`), ''].join('\n');
}

/** Reads the headers of the `/*` rule back from a `_headers` file. */
export function parseHeadersFile(text: string): Header[] {
  const headers: Header[] = [];
  let inAllPaths = false;
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      inAllPaths = line.trim() === '/*';
      continue;
    }
    const colon = line.indexOf(':');
    if (inAllPaths && colon > 0) {
      headers.push({ name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() });
    }
  }
  return headers;
}

/**
 * The same headers as nginx `add_header` lines, for a `server` block. `always` sends them with
 * error pages too.
 */
export function nginxSnippet(headers: readonly Header[]): string {
  const lines = headers.map(
    (header) => `add_header ${header.name} "${header.value.replace(/["\\]/g, '\\$&')}" always;`,
  );
  return [
    '# casefile security headers: generated from the build by `npm run headers:nginx`; regenerate after',
    '# every build (the policy follows the site settings, such as the tile host). nginx drops these inside',
    '# any location block that has add_header lines of its own: include the snippet there too.',
    ...lines,
    '',
  ].join('\n');
}
