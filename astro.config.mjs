// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { CONTENT_ROOT } from './src/content-root.ts';
import { CaseLinkIndex } from './src/integrations/case-index.ts';
import { caseCheck } from './src/integrations/case-check.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { hanziPlugin, wikilinkPlugin } from './src/integrations/markdown-plugins.ts';
import { citationMarksPlugin } from './src/integrations/citation-marks.ts';
import { siteOriginCheck } from './src/integrations/site-origin.ts';
import { SITE, tileOrigin } from './src/config.ts';
import { cspDirectives, securityHeadersFile } from './src/integrations/security-headers.ts';

const site = SITE.origin;
const base = process.env.CASEFILE_BASE || '/';
const index = new CaseLinkIndex();
// The case as the content check built it, handed on to the search index.
/** @type {import('./src/lib/case.ts').CaseModel | undefined} */
let checkedCase;

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  outDir: process.env.CASEFILE_OUT || './dist',
  output: 'static',
  security: {
    // Scripts and styles: the site's own files plus hashes Astro computes for what it inlines.
    // Everything else is listed in cspDirectives, the one policy shared with the _headers file.
    csp: {
      directives: cspDirectives({ tileOrigin: tileOrigin(SITE.tiles) }),
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  // Styles and scripts ship as files, never inlined: the policy then needs no per-page hashes, so the
  // one policy of every page fits a static host's _headers line (Cloudflare allows 2,000 characters).
  // Four pages rendered at once: each page's files are written while the next renders. With one at a
  // time (Astro's default) the build waited on the disk for a third of its page rendering; a dossier
  // writes three files (page, JSON record, STIX bundle). Measured with `npm run bench`.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  vite: { build: { assetsInlineLimit: 0 } },
  markdown: {
    // Shiki colours code with inline styles, which the Content Security Policy forbids.
    syntaxHighlight: false,
    processor: satteri({
      mdastPlugins: [wikilinkPlugin(index, base), citationMarksPlugin()],
      hastPlugins: [hanziPlugin()],
    }),
  },
  integrations: [
    siteOriginCheck(),
    caseCheck({ contentRoot: CONTENT_ROOT, index, onModel: (model) => (checkedCase = model) }),
    mdx(),
    sitemap(),
    pagefindIndex({ contentRoot: CONTENT_ROOT, model: () => checkedCase }),
    securityHeadersFile(),
  ],
});
