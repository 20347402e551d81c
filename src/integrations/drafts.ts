import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';

/**
 * Drafts leave no trace in a production build: their files never enter Astro's pipeline. Leaving
 * a draft's page unrendered is not enough, because Astro's content layer reads every entry of a
 * collection, and an entry's images (front-matter `images`, `![](./photo.png)` in its body) are
 * imported, processed and copied to `_astro/` whether or not a page shows them. So the collections
 * are given glob patterns that exclude each draft file; under `astro dev` drafts stay in.
 */

const FRONTMATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Whether an entry file says `draft: true`, read with the YAML parser the content check uses. */
export function isDraftFile(text: string): boolean {
  const block = FRONTMATTER.exec(text)?.[1];
  if (block === undefined) return false;
  try {
    const data: unknown = loadYaml(block, { schema: CORE_SCHEMA });
    return typeof data === 'object' && data !== null && (data as { draft?: unknown }).draft === true;
  } catch {
    // A file that does not parse is refused by the content check before anything is built.
    return false;
  }
}

/**
 * The glob patterns of one collection folder: every Markdown and MDX entry, and (unless drafts are
 * wanted) a negated pattern for each draft, e.g. ['*.{md,mdx}', '!hidden-person.md'].
 */
export function entryPatterns(folder: string, includeDrafts: boolean): string[] {
  const patterns = ['*.{md,mdx}'];
  if (includeDrafts || !existsSync(folder)) return patterns;
  for (const name of readdirSync(folder).sort()) {
    if (!/\.mdx?$/.test(name)) continue;
    if (isDraftFile(readFileSync(path.join(folder, name), 'utf8'))) patterns.push(`!${name}`);
  }
  return patterns;
}
