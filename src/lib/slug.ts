/** Slugs made from names: the permanent URL segment of a new or imported entry. */

/** A slug from a name: lowercase ASCII words joined by hyphens, at most about 60 characters; '' for a name with no Latin letters. */
export function slugOf(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (words.length <= 60) return words;
  const cut = words.slice(0, 60);
  return cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut;
}
