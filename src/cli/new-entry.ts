import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { load as loadYaml, CORE_SCHEMA } from 'js-yaml';
import { entryTemplate } from '../lib/entry-template.ts';
import { slugOf } from '../lib/slug.ts';
import { COLLECTIONS, isCollectionKey, type CollectionKey } from '../lib/schema/entity-types.ts';
import { SLUG_PATTERN } from '../lib/schema/fields.ts';
import { parsePartialDate } from '../lib/dates.ts';
import { splitFrontmatter } from '../reader/frontmatter.ts';
import { CONTENT_ROOT } from '../content-root.ts';
import { schemaDocs } from './schema-docs.ts';

/**
 * `npm run new -- <type> "Name" [--slug SLUG]`: writes content/<type>/<slug>.md with the fields the
 * type takes (see src/lib/entry-template.ts), refusing a slug that an entry has or that an entry's
 * `redirect_from` already claims, because either would break a published address.
 */

const usage = `usage: npm run new -- <type> "Name" [--slug SLUG]\n  types: ${COLLECTIONS.join(', ')}`;
const args = process.argv.slice(2);
const slugAt = args.indexOf('--slug');
const positional = args.filter((arg, index) => !arg.startsWith('--') && (slugAt < 0 || index !== slugAt + 1));
const [type, name] = positional;
if (!type || !name || !isCollectionKey(type)) {
  console.error(type && !isCollectionKey(type) ? `"${type}" is not a type of entry\n${usage}` : usage);
  process.exit(2);
}
const slug = slugAt >= 0 ? (args[slugAt + 1] ?? '') : slugOf(name);
if (!SLUG_PATTERN.test(slug)) {
  console.error(
    slugAt >= 0
      ? `--slug "${slug}": a slug is lowercase words joined by hyphens, e.g. gao-qiang`
      : `"${name}" gives no slug (it has no Latin letters or digits)\n  fix: add --slug, e.g. --slug gao-qiang`,
  );
  process.exit(1);
}

const root = path.resolve(CONTENT_ROOT);
const shown = (file: string) => path.relative(process.cwd(), file);
const refusal = claimOf(root, type, slug);
if (refusal) {
  console.error(`${type}/${slug}: ${refusal}\n  fix: choose another name, or give the slug yourself with --slug`);
  process.exit(1);
}

const file = path.join(root, type, `${slug}.md`);
const today = parsePartialDate(new Date().toISOString().slice(0, 10));
if (!today) throw new Error('the clock gives no date');
mkdirSync(path.dirname(file), { recursive: true });
writeFileSync(file, entryTemplate({ collection: type, name, today, docs: schemaDocs(type) }));
console.log(
  `wrote ${shown(file)}: fill in its TODOs, then link it from another entry (it is a draft until you delete draft: true)`,
);

/** Why the slug cannot be used in the collection: an entry has it, or an entry's redirect_from claims it. */
function claimOf(contentRoot: string, collection: CollectionKey, wanted: string): string | undefined {
  for (const extension of ['md', 'mdx']) {
    const existing = path.join(contentRoot, collection, `${wanted}.${extension}`);
    if (existsSync(existing)) return `${shown(existing)} exists`;
  }
  const id = `${collection}/${wanted}`;
  for (const folder of COLLECTIONS) {
    const dir = path.join(contentRoot, folder);
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir)) {
      if (!/\.mdx?$/.test(entry)) continue;
      const split = splitFrontmatter(readFileSync(path.join(dir, entry), 'utf8'));
      if (!split) continue;
      let data: unknown;
      try {
        data = loadYaml(split.frontmatter, { schema: CORE_SCHEMA });
      } catch {
        continue; // a file the check will refuse on its own
      }
      const redirects = (data as { redirect_from?: unknown } | null)?.redirect_from;
      if (!Array.isArray(redirects)) continue;
      for (const old of redirects) {
        if (typeof old !== 'string') continue;
        if ((old.includes('/') ? old : `${folder}/${old}`) === id)
          return `the redirect_from of ${shown(path.join(dir, entry))} claims it (the entry's old address)`;
      }
    }
  }
  return undefined;
}
