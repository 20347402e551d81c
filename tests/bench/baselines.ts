import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkCaseFolder } from '../../src/reader/read-case.ts';
import type { CaseModel } from '../../src/lib/case.ts';
import { entryPath } from '../../src/lib/paths.ts';
import { CONFIDENCE_INFO } from '../../src/lib/schema/confidence.ts';
import { ENTITY_TYPES, ENTITY_TYPE_INFO } from '../../src/lib/schema/entity-types.ts';
import { RELATIONS } from '../../src/lib/schema/relations.ts';
import { splitWikilinks } from '../../src/lib/wikilinks.ts';
import { sourceIdsOf } from '../../src/lib/citations.ts';

/**
 * The two sites casefile is measured against, written for the same case: the same entity and report
 * pages as plain Markdown (title, summary, the body with its wikilinks as ordinary links, and the
 * relationships the file declares as a list, as an author without casefile would write them), plus
 * one index page per type and a home page. The projects are written inside the repository (under
 * tests/bench/.work/, which git ignores) so Node finds Astro and Starlight in casefile's own
 * node_modules: the benchmark needs no download beyond `npm install`.
 */

/** The kinds of baseline. */
export type BaselineKind = 'bare' | 'starlight';

/** One Markdown page of a baseline. */
interface BaselinePage {
  /** Path of the page under the content folder, without extension, e.g. `people/person-00001`. */
  slug: string;
  /** Page title. */
  title: string;
  /** One line under the title. */
  description: string;
  /** Markdown body. */
  body: string;
}

/** Quotes a string for YAML (JSON strings are valid YAML). */
const yamlString = (text: string) => JSON.stringify(text);

/** Escapes text for a Markdown link label. */
const label = (text: string) => text.replace(/([[\]\\*_`])/g, '\\$1');

/** Replaces every wikilink of a body with a Markdown link to the page's address. */
function plainLinks(model: CaseModel, body: string): string {
  return splitWikilinks(body)
    .map((piece) => {
      if (piece.kind === 'text') return piece.text;
      const target = model.get(piece.link.target);
      return `[${label(piece.link.label ?? target?.name ?? piece.link.target)}](${entryPath(piece.link.target)})`;
    })
    .join('');
}

/** The pages both baselines render for a case: entities, reports and one index per type. */
export function baselinePages(model: CaseModel): BaselinePage[] {
  const pages: BaselinePage[] = [];
  for (const entity of model.entities) {
    const declared = model.relationViews(entity.id).filter((view) => view.relation.from === entity.id);
    const lines = [plainLinks(model, entity.body).trim()];
    if (declared.length > 0) {
      lines.push('', '## Relationships', '');
      for (const { relation, other } of declared) {
        const name = model.get(other)?.name ?? other;
        const grade = CONFIDENCE_INFO[relation.confidence].label;
        lines.push(
          `- ${RELATIONS[relation.rel].forward} [${label(name)}](${entryPath(other)}) (${grade}; ${sourceIdsOf(relation.sources).join(', ')})`,
        );
      }
    }
    pages.push({ slug: entity.id, title: entity.name, description: entity.summary, body: `${lines.join('\n')}\n` });
  }
  for (const report of model.reports) {
    pages.push({
      slug: report.id,
      title: report.name,
      description: report.summary,
      body: `${plainLinks(model, report.body).trim()}\n`,
    });
  }
  for (const type of ENTITY_TYPES) {
    const entities = model.entitiesOfType(type);
    pages.push({
      slug: `${type}/index`,
      title: ENTITY_TYPE_INFO[type].plural,
      description: ENTITY_TYPE_INFO[type].blurb,
      body: `${entities.map((entity) => `- [${label(entity.name)}](${entryPath(entity.id)})`).join('\n')}\n`,
    });
  }
  return pages;
}

/** Writes a page as a Markdown file with title and description in its frontmatter. */
function writePage(folder: string, page: BaselinePage): void {
  const file = path.join(folder, `${page.slug}.md`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(
    file,
    ['---', `title: ${yamlString(page.title)}`, `description: ${yamlString(page.description)}`, '---', page.body].join(
      '\n',
    ),
  );
}

/** The bare Astro site: a content collection, one dynamic route, a minimal layout; no search. */
const BARE_FILES: Record<string, string> = {
  'astro.config.mjs': `import { defineConfig } from 'astro/config';

export default defineConfig({ site: 'https://baseline.example', trailingSlash: 'always', build: { format: 'directory' } });
`,
  'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

export const collections = {
  docs: defineCollection({
    loader: glob({ pattern: '**/*.md', base: './src/content/docs' }),
    schema: z.object({ title: z.string(), description: z.string() }),
  }),
};
`,
  'src/layouts/Page.astro': `---
const { title, description } = Astro.props;
---

<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>{title}</title>
    <meta name="description" content={description} />
  </head>
  <body>
    <header><a href="/">Home</a></header>
    <main>
      <h1>{title}</h1>
      <p>{description}</p>
      <slot />
    </main>
  </body>
</html>

<style>
  body { font-family: system-ui, sans-serif; max-width: 48rem; margin: 0 auto; padding: 1rem; }
</style>
`,
  'src/pages/[...slug].astro': `---
import { getCollection, render } from 'astro:content';
import Page from '../layouts/Page.astro';

export async function getStaticPaths() {
  const pages = await getCollection('docs');
  // index.md is the home page, people/index.md the people index.
  const route = (id: string) => (id === 'index' ? undefined : id.endsWith('/index') ? id.slice(0, -6) : id);
  return pages.map((page) => ({ params: { slug: route(page.id) }, props: { page } }));
}

const { page } = Astro.props;
const { Content } = await render(page);
---

<Page title={page.data.title} description={page.data.description}>
  <Content />
</Page>
`,
};

/** The Starlight site: Starlight's defaults (Pagefind search included), a sidebar of the type indexes. */
function starlightFiles(): Record<string, string> {
  const sidebar = ENTITY_TYPES.map((type) => ({ label: ENTITY_TYPE_INFO[type].plural, link: `/${type}/` }));
  return {
    'astro.config.mjs': `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

// The sidebar links the type indexes only: Starlight's default lists every page on every page,
// which no author of thousands of pages would keep.
export default defineConfig({
  site: 'https://baseline.example',
  integrations: [starlight({ title: 'Starlight baseline', sidebar: ${JSON.stringify(sidebar)} })],
});
`,
    'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
  };
}

/** What each baseline depends on: the versions casefile itself installs. */
const BASELINE_DEPENDENCIES: Record<BaselineKind, Record<string, string>> = {
  bare: { astro: '*' },
  starlight: { astro: '*', '@astrojs/starlight': '*' },
};

/** Writes a baseline project for a case into `folder` (emptied first); returns the number of pages. */
export function writeBaseline(kind: BaselineKind, model: CaseModel, folder: string): number {
  rmSync(folder, { recursive: true, force: true });
  const files = kind === 'bare' ? BARE_FILES : starlightFiles();
  const home: BaselinePage = {
    slug: 'index',
    title: 'Baseline',
    description: `The same ${model.entities.length} dossiers as plain Markdown pages.`,
    body: `${ENTITY_TYPES.map((type) => `- [${ENTITY_TYPE_INFO[type].plural}](/${type}/)`).join('\n')}\n`,
  };
  const pages = [home, ...baselinePages(model)];
  const written = {
    // Astro finds the integrations it must bundle (Starlight's astro: imports) through the dependencies
    // listed here; Node resolves them from casefile's node_modules.
    'package.json': `${JSON.stringify({ name: `casefile-bench-${kind}`, private: true, type: 'module', dependencies: BASELINE_DEPENDENCIES[kind] }, null, 2)}\n`,
    ...files,
  };
  for (const [name, text] of Object.entries(written)) {
    mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    writeFileSync(path.join(folder, name), text);
  }
  const content = path.join(folder, 'src/content/docs');
  for (const page of pages) writePage(content, page);
  return pages.length;
}

/** Reads a case folder the way the build does; throws when it has problems. */
export function loadCaseFolder(contentDir: string): CaseModel {
  const { model, problems } = checkCaseFolder(contentDir, { includeDrafts: false });
  if (problems.length > 0) throw new Error(`${contentDir}: the case has ${problems.length} problems`);
  return model;
}
