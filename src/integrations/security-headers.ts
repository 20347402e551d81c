/**
 * The security policy, in one place: Astro puts the CSP in each page's <meta> (with hashes of what
 * it inlines); the same directives, plus those a <meta> cannot carry, go to a `_headers` file for
 * static hosts and to the nginx snippet in the README.
 */

/** A CSP directive as Astro's `security.csp.directives` accepts it: a known name, then its sources. */
export type CspDirective = `${
  | 'default-src'
  | 'img-src'
  | 'connect-src'
  | 'font-src'
  | 'object-src'
  | 'base-uri'
  | 'form-action'
  | 'worker-src'
  | 'manifest-src'} ${string}`;

/** CSP directives other than script-src and style-src, which Astro writes itself. */
export function cspDirectives(options: { tileOrigin: string | undefined }): CspDirective[] {
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
  ];
}
