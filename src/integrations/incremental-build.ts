import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { checkedCase } from '../reader/session.ts';
import { COLLECTIONS } from '../lib/schema/entity-types.ts';
import { digestOf, idsInOutput, PageFingerprints, type EntrySource } from './page-fingerprints.ts';
import { withBase } from '../lib/paths.ts';
import { shareImagesFor } from '../lib/page-meta.ts';
import { entityBundlesFor } from '../lib/entity-bundles.ts';
import { SITE } from '../config.ts';
import { buildCaseGraph } from '../lib/graph.ts';
import { twinTable } from '../lib/twin-table.ts';
import { pageKey, routeFile, type EntryRoute } from './rebuild-plan.ts';
import { caseDataPaths } from '../site/data-file-paths.ts';
import { caseDataDigest } from './case-data-digest.ts';

/**
 * An author's rebuild renders only the entry pages whose inputs changed (`CASEFILE_INCREMENTAL=1`,
 * `npm run build:incremental`). Astro's static build renders every page every time; here, after each
 * incremental build, the digest (src/integrations/page-fingerprints.ts) of every dossier, source
 * page, table page and entity's JSON record is recorded under Astro's cache folder with the size and time of its file, beside a digest of the
 * code and settings. The next such build keeps the previous output of every page whose digest is
 * the same and whose file was not touched since, and renders the rest. Any change of code, settings
 * or environment, a different output or content folder, or a missing record means a full build.
 * Everything else (index pages, the graph and map pages, feeds, assets, the
 * sitemap, the search index, the published-site check) is produced in full every build, from every
 * page in the folder. The data files but the records (the exports, graph.json, map.json, the STIX
 * bundles) are kept as one while the case without its bodies is the same
 * (src/integrations/case-data-digest.ts): a body's words are never in them.
 */

/** The record of the last incremental build, under Astro's cache folder. */
const RECORD_FILE = 'casefile/rebuild-record.json';

/** Bumped when the record's meaning changes, so an old record means a full build. */
const RECORD_VERSION = 4;

/** One kept page's record. */
interface PageRecord {
  /** Its digest when it was built. */
  digest: string;
  /** The entry ids its output showed. */
  shown: string[];
  /** Its file's size and modification time, to notice a file changed by hand. */
  size: number;
  mtimeMs: number;
}

/** What an incremental build leaves for the next. */
interface RebuildRecord {
  version: number;
  /** Digest of the code, settings and environment the pages were rendered with. */
  code: string;
  /** The record of each page, by `route:id`. */
  pages: Record<string, PageRecord>;
}

/** The folders and files of the project whose change can change any page. */
const CODE_PATHS = ['src', 'public', 'basemap', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json'];

/** Every file under a path (or the path itself), relative to `root`, sorted. */
function filesOf(root: string, relative: string): string[] {
  const full = path.join(root, relative);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [relative];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** The digest of the code, settings and environment: what, changed, may change every page. */
function codeDigest(root: string, settings: readonly string[]): string {
  const parts: string[] = [process.version, ...settings, ...process.argv.slice(2)];
  // The config file Astro was told to use (the benchmark's wraps the site's).
  const configAt = process.argv.indexOf('--config');
  const config = configAt >= 0 ? process.argv[configAt + 1] : undefined;
  const files = [...CODE_PATHS.flatMap((entry) => filesOf(root, entry)), ...(config ? [config] : [])];
  for (const file of files) parts.push(file, readFileSync(path.resolve(root, file)).toString('base64'));
  for (const [name, value] of Object.entries(process.env).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (name.startsWith('CASEFILE_') && name !== 'CASEFILE_INCREMENTAL') parts.push(name, value ?? '');
  }
  return digestOf(parts);
}

/** Whether the environment asks for an incremental build. */
export function incrementalRequested(): boolean {
  const value = process.env.CASEFILE_INCREMENTAL;
  return value !== undefined && value !== '' && value !== '0';
}

/** Everything the rebuild needs from the case: the pages, their digests, the case-wide part. */
/** A page a rebuild may keep: its route, its id there, and what it shows that no entry holds. */
interface PlannedPage {
  route: EntryRoute;
  id: string;
  context: string;
}

function casePages(contentRoot: string): {
  pages: PlannedPage[];
  /** The digest of a page of `route`, whose previous output showed `shown`. */
  digest: (page: PlannedPage, shown: readonly string[]) => string;
  fingerprints: PageFingerprints;
} {
  const checked = checkedCase(contentRoot, false);
  const model = checked.model;
  const sources = new Map<string, EntrySource>();
  for (const file of checked.files) {
    const id = `${file.input.collection}/${file.input.slug}`;
    if (model.get(id) === undefined) continue;
    // A body image (![…](…)) is written out while its page renders, as a frontmatter image is.
    sources.set(id, { text: file.text, images: file.images.length > 0 || file.text.includes('![') });
  }
  // What pages read from the whole case rather than from their own neighbourhood: what its size
  // decides (whether dossiers have their own share images and STIX bundles), where its places are
  // (the basemap is chosen from them), the characters the case font holds, old addresses, and
  // every file that is not a published entry (images, drafts, settings).
  const root = path.resolve(contentRoot);
  const entryFiles = new Set(
    checked.files.filter((file) => sources.has(`${file.input.collection}/${file.input.slug}`)).map((file) => file.path),
  );
  const others = filesOf(root, '.').filter((file) => !entryFiles.has(file));
  const characters = new Set<string>();
  for (const source of sources.values())
    for (const character of source.text.match(/[^\u0000-\u007f]/gu) ?? []) characters.add(character);
  const caseWide = digestOf([
    // Not the count itself: a new entity would then render every page again.
    shareImagesFor(SITE.shareImages, model.entities.length),
    String(entityBundlesFor(SITE.entityBundles, model.entities.length)),
    ...model
      .entitiesOfType('locations')
      .map((place) => `${place.id}:${JSON.stringify([place.data.lat, place.data.lon, place.data.precision_m])}`),
    [...characters].sort().join(''),
    ...model.redirects.map((redirect) => `${redirect.from}>${redirect.to}`),
    ...others.flatMap((file) => [file, readFileSync(path.join(root, file)).toString('base64')]),
  ]);
  // A table page shows its rows' entries (found in its output, like any page's) and, beyond them,
  // where it sits among the others: its rows, the count of pages and links, every page's range.
  const graph = buildCaseGraph(model);
  const table = twinTable(graph);
  const isolated = graph.nodes.filter((node) => node.degree === 0).map((node) => node.id);
  const layout = JSON.stringify([graph.edges.length, table.ranges, isolated]);
  const pages: PlannedPage[] = [
    ...model.entities.map((entity) => ({ route: 'dossier' as const, id: entity.id, context: '' })),
    ...model.sources.map((source) => ({ route: 'source' as const, id: source.id, context: '' })),
    ...table.pages.map((rows, i) => ({
      route: 'table' as const,
      id: String(i + 1),
      context: digestOf([layout, JSON.stringify(rows)]),
    })),
    // A record holds its entity's neighbourhood one step deep, as its dossier's picture does.
    ...model.entities.map((entity) => ({ route: 'record' as const, id: entity.id, context: '' })),
    // The other data files, kept or made again together.
    ...caseDataPaths(model).map((file) => ({ route: 'data' as const, id: file.slice(1), context: '' })),
  ];
  const fingerprints = new PageFingerprints(model, sources, caseWide);
  let data: string | undefined;
  const digest = (page: PlannedPage, shown: readonly string[]) =>
    page.route === 'data'
      ? (data ??= caseDataDigest(model))
      : fingerprints.page(page.route, page.id, shown, page.context);
  return { pages, digest, fingerprints };
}

/** Reads the previous record, if it is one this code can trust. */
function readRecord(file: string, code: string): RebuildRecord | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as RebuildRecord;
    return record.version === RECORD_VERSION && record.code === code ? record : undefined;
  } catch {
    return undefined;
  }
}

/** The incremental build: its integration, and the files of the previous output it carries over. */
export interface IncrementalBuild {
  /** The plan, made when the build starts; it must come before the output folder is emptied. */
  planner: AstroIntegration;
  /** The record for the next build; it must come after every integration that writes into the output folder. */
  recorder: AstroIntegration;
  /** Files of the previous output (relative to it) that this build keeps, asked when the build starts. */
  keptFiles: () => readonly string[];
  /** The site addresses of the pages kept, for the sitemap (which lists only the pages Astro rendered). */
  keptUrls: () => string[];
  /** The site paths (`/people/x.json`) of the data files kept (records and the rest), which must not be made again. */
  keptDataFiles: () => ReadonlySet<string>;
}

/** The incremental build for a content root; does nothing unless `enabled`. */
export function incrementalBuild(options: { contentRoot: string; enabled: boolean }): IncrementalBuild {
  let outDir = '';
  let recordFile = '';
  let root = '';
  let settings: string[] = [];
  let site: URL | undefined;
  let base = '/';
  let code = '';
  let previous: RebuildRecord | undefined;
  let kept: { key: string; route: EntryRoute; id: string }[] = [];
  // The case is the same for the whole build: read its pages once, when first asked.
  let thisCase: ReturnType<typeof casePages> | undefined;
  const readCase = () => (thisCase ??= casePages(options.contentRoot));
  return {
    keptFiles: () => kept.map((page) => routeFile(page.route, page.id)),
    keptUrls: () =>
      kept
        .filter((page) => page.route !== 'record' && page.route !== 'data')
        .map(
          (page) =>
            new URL(withBase(base, `/${routeFile(page.route, page.id).replace(/index\.html$/, '')}`), site).href,
        ),
    keptDataFiles: () =>
      new Set(
        kept
          .filter((page) => page.route === 'record' || page.route === 'data')
          .map((page) => `/${routeFile(page.route, page.id)}`),
      ),
    planner: {
      name: 'casefile:incremental-build',
      hooks: {
        'astro:config:done': ({ config }) => {
          outDir = fileURLToPath(config.outDir);
          root = fileURLToPath(config.root);
          recordFile = path.join(fileURLToPath(config.cacheDir), RECORD_FILE);
          site = config.site ? new URL(config.site) : undefined;
          base = config.base;
          settings = [outDir, path.resolve(options.contentRoot), config.site ?? '', config.base];
        },
        // Before the output folder is emptied (src/integrations/output-folder.ts asks keptFiles then).
        'astro:build:start': ({ logger }) => {
          globalThis.casefileRebuildPlan = undefined;
          kept = [];
          thisCase = undefined;
          if (!options.enabled) return;
          const started = performance.now();
          code = codeDigest(root, settings);
          const coded = performance.now();
          previous = readRecord(recordFile, code);
          // A build that stops half-way leaves no record behind it to trust.
          rmSync(recordFile, { force: true });
          if (!previous) {
            logger.info('incremental build: no record of a previous build with this code and settings; building all');
            return;
          }
          const { pages, digest, fingerprints } = readCase();
          for (const planned of pages) {
            const { route, id } = planned;
            const key = pageKey(route, id);
            const page = previous.pages[key];
            const always = route !== 'table' && route !== 'data' && fingerprints.alwaysRendered(id);
            if (!page || always) continue;
            const stat = statSync(path.join(outDir, routeFile(route, id)), { throwIfNoEntry: false });
            if (!stat || stat.size !== page.size || stat.mtimeMs !== page.mtimeMs) continue;
            if (digest(planned, page.shown) === page.digest) kept.push({ key, route, id });
          }
          globalThis.casefileRebuildPlan = { kept: new Set(kept.map((page) => page.key)) };
          const count = (route: EntryRoute, of: readonly { route: EntryRoute }[]) =>
            of.filter((page) => page.route === route).length;
          const [records, keptRecords] = [count('record', pages), count('record', kept)];
          const [data, keptData] = [count('data', pages), count('data', kept)];
          const keptPages = kept.length - keptRecords - keptData;
          const entryPages = pages.length - records - data;
          logger.info(
            `incremental build: ${entryPages - keptPages} of ${entryPages} entry pages to render, ${keptPages} kept; ` +
              `${records - keptRecords} of ${records} JSON records and ${data - keptData} of ${data} other data files ` +
              `to make (${Math.round(performance.now() - started)} ms, of which code digest ${Math.round(coded - started)} ms)`,
          );
        },
      },
    },
    recorder: {
      name: 'casefile:incremental-build-record',
      hooks: {
        'astro:build:done': ({ logger }) => {
          if (!options.enabled) return;
          const started = performance.now();
          const keptKeys = new Set(kept.map((page) => page.key));
          const { pages, digest } = readCase();
          const record: RebuildRecord = {
            version: RECORD_VERSION,
            code: code || codeDigest(root, settings),
            pages: {},
          };
          const collections = [...COLLECTIONS];
          for (const planned of pages) {
            const { route, id } = planned;
            const key = pageKey(route, id);
            // A kept page's file is the one its record describes, left in place untouched.
            const earlier = keptKeys.has(key) ? previous?.pages[key] : undefined;
            if (earlier) {
              record.pages[key] = earlier;
              continue;
            }
            const file = path.join(outDir, routeFile(route, id));
            const stat = statSync(file, { throwIfNoEntry: false });
            if (!stat) continue;
            // A data file's digest is the case's, whatever it shows (and the exports are megabytes to search).
            const shown = route === 'data' ? [] : idsInOutput(readFileSync(file, 'utf8'), collections);
            record.pages[key] = {
              digest: digest(planned, shown),
              shown,
              size: stat.size,
              mtimeMs: stat.mtimeMs,
            };
          }
          mkdirSync(path.dirname(recordFile), { recursive: true });
          writeFileSync(recordFile, JSON.stringify(record));
          globalThis.casefileRebuildPlan = undefined;
          logger.info(
            `incremental build: recorded ${Object.keys(record.pages).length} pages (${Math.round(performance.now() - started)} ms)`,
          );
        },
      },
    },
  };
}
