/**
 * Where each entry lives on the site. Paths here never include the site's base; pages add it with
 * `withBase` so a case can be published under a sub-path.
 */

export { entryId } from './ids.ts';

/** Splits an id into collection and slug; the collection part is unchecked. */
export function splitId(id: string): { collection: string; slug: string } {
  const slash = id.indexOf('/');
  return { collection: id.slice(0, slash), slug: id.slice(slash + 1) };
}

/** The site path of an entry's page, e.g. `/people/gao-qiang/`. */
export function entryPath(id: string): string {
  return `/${id}/`;
}

/** Prefixes a site path with the configured base ("/" or "/casefile/"). */
export function withBase(base: string, path: string): string {
  const trimmedBase = base.endsWith('/') ? base.slice(0, -1) : base;
  if (/^[a-z]+:/i.test(path) || path.startsWith('#')) return path;
  return `${trimmedBase}${path.startsWith('/') ? path : `/${path}`}`;
}
