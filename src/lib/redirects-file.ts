import { entryPath, withBase } from './paths.ts';

/**
 * The `_redirects` file of Cloudflare Pages and Netlify: each old slug of a renamed entry
 * (`redirect_from`) answered with a real 301 to the entry's address. Every host also gets the old
 * address's own page, which forwards in the browser; Cloudflare applies these rules before its
 * files, Netlify serves that page (a file shadows a rule unless forced, and a forced rule is
 * written differently on Cloudflare), so the file is safe on both.
 */

/** The most static redirects Cloudflare Pages applies; later lines are left out (their pages still forward). */
export const MAX_STATIC_REDIRECTS = 2000;

/** The file's text and how many redirects did not fit in it. */
export interface RedirectsFile {
  /** `/old/ /new/ 301` lines, sorted by old address, after one comment line. */
  text: string;
  /** Redirects left out beyond MAX_STATIC_REDIRECTS. */
  leftOut: number;
}

/** Writes the redirects of a case, with the site's base path, as a `_redirects` file. */
export function redirectsFile(redirects: readonly { from: string; to: string }[], base: string): RedirectsFile {
  const lines = redirects
    .map((redirect) => `${withBase(base, entryPath(redirect.from))} ${withBase(base, entryPath(redirect.to))} 301`)
    .sort();
  const kept = lines.slice(0, MAX_STATIC_REDIRECTS);
  const text = ['# Old addresses of renamed entries, forwarded to where the entries are now.', ...kept, ''].join('\n');
  return { text, leftOut: lines.length - kept.length };
}
