// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { CONTENT_ROOT } from './src/content-root.ts';
import { caseCheck } from './src/integrations/case-check.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { hanziPlugin, wikilinkPlugin } from './src/integrations/markdown-plugins.ts';
import { sanitiserPlugin } from './src/integrations/markdown-sanitiser.ts';
import { caseNumbering, citationMarksPlugin } from './src/integrations/citation-marks.ts';
import { siteOriginCheck } from './src/integrations/site-origin.ts';
import { SITE } from './src/config.ts';
import { withBase } from './src/lib/paths.ts';
import { checkedCase } from './src/reader/session.ts';
import { publishedCheck } from './src/integrations/published-check.ts';
import { contentStoreKeyed } from './src/integrations/content-store.ts';
import { unreferencedAssetsRemoved } from './src/integrations/unreferenced-assets.ts';
import { securityHeadersFile } from './src/integrations/security-headers.ts';
import { redirectsFileWritten } from './src/integrations/redirects-file.ts';
import { outputFolderEmptied } from './src/integrations/output-folder.ts';
import { SEARCH_INDEX_FOLDER } from './src/integrations/built-files.ts';
import { dataFilesWritten } from './src/integrations/data-files.ts';
import { incrementalBuild, incrementalRequested } from './src/integrations/incremental-build.ts';

const site = SITE.origin;

/** A client script's file name: the component's name and the content hash, under Astro's asset folder. */
const scriptFileName = (/** @type {{ name: string }} */ chunk) =>
  `_astro/${chunk.name.replace(/\.astro_astro_type_script_index_(\d+)_lang$/, (_, n) => (n === '0' ? '' : `-${n}`))}.[hash].js`;
const base = process.env.CASEFILE_BASE || '/';

/** @type {Set<string> | undefined} */
let redirectPaths;
/** Whether a site path is an old slug's forwarding page, in the case the build checked (read once per process). */
const forwards = (/** @type {string} */ pathname) => {
  redirectPaths ??= new Set(
    checkedCase(CONTENT_ROOT, false).model.redirects.map((redirect) => withBase(base, `/${redirect.from}/`)),
  );
  return redirectPaths.has(pathname);
};

/**
 * An integration that adds one Vite plugin under one Astro command alone.
 * @param {'dev' | 'build'} only
 * @param {import('vite').Plugin} plugin
 * @returns {import('astro').AstroIntegration}
 */
const underCommand = (only, plugin) => ({
  name: plugin.name,
  hooks: {
    'astro:config:setup': ({ command, updateConfig }) => {
      if (command === only) updateConfig({ vite: { plugins: [plugin] } });
    },
  },
});

/**
 * Vite's dependency pre-bundling is a dev server's aid, yet `astro build` starts a dev server of
 * its own to sync the content, and there it bundled Astro's dev-toolbar dependencies each build
 * (0.3 s of CPU at 1,000 entities, measured by thread). In a build its list is emptied; `astro dev`
 * keeps it.
 */
const noDependencyPrebundleInBuild = underCommand('build', {
  name: 'casefile:no-dependency-prebundle',
  // After Astro's own plugins have listed what to pre-bundle.
  enforce: 'post',
  config(vite) {
    vite.optimizeDeps = { ...vite.optimizeDeps, noDiscovery: true, include: [] };
  },
  // Astro lists the browser's own (the toolbar's) for the client environment.
  configEnvironment(_name, environment) {
    environment.optimizeDeps = { ...environment.optimizeDeps, noDiscovery: true, include: [] };
  },
});

/**
 * On the server, Vite transforms a module when it is first imported, and learns of the module's own
 * imports only after that: the first page of `astro dev` (and the content config the content sync
 * loads) waited on a chain of about 500 transforms (140 of them the site's own modules, the rest
 * Astro's), one after another, with the main thread idle a third of the time. Transforming every
 * static import as soon as its importer is transformed (what Vite does for the browser's modules)
 * runs them side by side. At 5,000 entities, on an empty content store, 5 alternating pairs: first
 * dossier 4.2-5.2 s against 5.5-7.7 s without. Not in a build, where only the content sync runs
 * modules so: 3 alternating pairs of cold builds at 1,000 entities showed no difference.
 */
const serverImportsPretransformed = underCommand('dev', {
  name: 'casefile:server-imports-pretransformed',
  configEnvironment(name, environment) {
    if (name !== 'client') environment.dev = { ...environment.dev, preTransformRequests: true };
  },
});

// An author's rebuild (CASEFILE_INCREMENTAL=1) renders only the entry pages whose inputs changed.
const rebuild = incrementalBuild({ contentRoot: CONTENT_ROOT, enabled: incrementalRequested() });

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  outDir: process.env.CASEFILE_OUT || './dist',
  output: 'static',
  // Astro's own CSP (security.csp) is off: it hashes every page's head elements as it renders and
  // lists hashes of scripts and styles that are never inline. Styles and scripts ship as files, never
  // inlined, so the policy is one fixed string (src/lib/security-policy.ts) that src/layouts/Base.astro
  // writes into every page and the _headers file repeats.
  // Four pages rendered at once: each page's files are written while the next renders. With one at a
  // time (Astro's default) the build waited on the disk for a third of its page rendering. Measured
  // with `npm run bench`.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  // The output folder is emptied by outputFolderEmptied (below), in the background, not by Astro.
  vite: {
    // One stylesheet for the whole site: every page links the same cached file (a dossier linked five,
    // split by which components each page happened to use).
    build: { assetsInlineLimit: 0, emptyOutDir: false, cssCodeSplit: false },
    // A component's script is named after the component (FactsCard.BL--DpDp.js), not after Vite's
    // module id (FactsCard.astro_astro_type_script_index_0_lang.BL--DpDp.js): every page names four.
    // The content hash stays, so a changed file gets a new name and hosts may cache them for ever.
    environments: { client: { build: { rolldownOptions: { output: { entryFileNames: scriptFileName } } } } },
  },
  markdown: {
    // Shiki colours code with inline styles, which the Content Security Policy forbids.
    syntaxHighlight: false,
    // Raw HTML is parsed into elements, so the sanitiser (first of the hast plugins) sees each one
    // and keeps only those on the allowlist (src/lib/html-allowlist.ts).
    processor: satteri({
      mdastPlugins: [wikilinkPlugin(CONTENT_ROOT, base)],
      // The sanitiser first; the citation marks after it, so their ids and data attributes are the site's.
      hastPlugins: [sanitiserPlugin(site), citationMarksPlugin(caseNumbering(CONTENT_ROOT)), hanziPlugin()],
      features: { rawHtml: true },
    }),
  },
  integrations: [
    // The rebuild plans which pages to keep before the output folder is emptied around them.
    rebuild.planner,
    // An incremental build keeps the search index's folder too: Pagefind makes the whole index again,
    // and only its files that changed are written (src/integrations/folder-sync.ts).
    outputFolderEmptied(rebuild.keptFiles, incrementalRequested() ? [SEARCH_INDEX_FOLDER] : []),
    siteOriginCheck(),
    noDependencyPrebundleInBuild,
    serverImportsPretransformed,
    contentStoreKeyed(CONTENT_ROOT),
    caseCheck({ contentRoot: CONTENT_ROOT }),
    mdx(),
    sitemap({
      // An old slug's page only forwards to the entry's own address: the sitemap lists each page once, there.
      filter: (page) => !forwards(new URL(page).pathname),
      // The pages a rebuild kept are not among those Astro rendered, which is all the sitemap sees.
      get customPages() {
        return rebuild.keptUrls();
      },
    }),
    // The data files (JSON records, STIX bundles, exports, graph.json, map.json) after the pages,
    // before anything reads the output.
    dataFilesWritten({ contentRoot: CONTENT_ROOT, kept: rebuild.keptDataFiles }),
    // After every step that writes pages, feeds, sitemaps or data files.
    unreferencedAssetsRemoved(),
    // An incremental build's kept pages are indexed from its start, while the others render.
    pagefindIndex({ contentRoot: CONTENT_ROOT, keptFiles: rebuild.keptFiles }),
    // After every step that writes pages, feeds, sitemaps or data a browser reads (the search's name
    // index among them); it checks most files while they are written, so its end waits little.
    publishedCheck({ contentRoot: CONTENT_ROOT, site, base }),
    securityHeadersFile(),
    redirectsFileWritten({ contentRoot: CONTENT_ROOT, base }),
    // Last: what the next rebuild may keep, once every page is written.
    rebuild.recorder,
  ],
});
