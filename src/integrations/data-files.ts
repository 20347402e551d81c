import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import type { CaseModel } from '../lib/case.ts';
import { currentCase } from '../reader/session.ts';
import type { DataFile, MadeFile } from '../site/data-files.ts';
import type { PublishedAt } from '../site/exports.ts';

/**
 * Writes the site's data files (src/site/data-files.ts: JSON records, STIX bundles, exports,
 * graph.json, map.json, the edges' evidence) from the case model in one step after the pages, on
 * every build, rather than as endpoint routes (two of every three files the site has, each through
 * Astro's route machinery on the thread that renders the pages). They are made on a worker thread
 * (src/integrations/data-files-worker.ts) that starts with the build, so the graph's layout and the
 * exports are computed while the pages are bundled and rendered; the build's end writes them. Under
 * `astro dev` each file is answered from the same table, made from the case as it is now. It must run
 * before every step that reads the output (the unreferenced-asset sweep, the published-site check).
 */
export function dataFilesWritten(options: {
  contentRoot: string;
  /** Site paths of files an incremental build carried over (src/integrations/incremental-build.ts): not made again. */
  kept?: () => ReadonlySet<string>;
}): AstroIntegration {
  const root = path.resolve(options.contentRoot);
  let site: PublishedAt = { origin: '', base: '/' };
  let made: Promise<MadeFile[]> | undefined;
  return {
    name: 'casefile:data-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = { origin: new URL(config.site ?? 'https://casefile.example').origin, base: config.base };
      },
      'astro:build:start': () => {
        made = madeOnWorker(root, site, [...(options.kept?.() ?? [])]);
        // Until the build's end awaits it, a failure is held there rather than thrown unhandled.
        made.catch(() => undefined);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const files = await (made ?? madeOnWorker(root, site, [...(options.kept?.() ?? [])]));
        const folders = new Set<string>();
        for (const file of files) {
          const target = path.join(out, file.path);
          const folder = path.dirname(target);
          if (!folders.has(folder)) {
            mkdirSync(folder, { recursive: true });
            folders.add(folder);
          }
          writeFileSync(target, file.bytes);
        }
        logger.info(`${files.length} data files written`);
      },
      'astro:server:setup': async ({ server }) => {
        // Loaded here, not with the config: a build makes the files on its worker thread only.
        const { dataFiles } = await import('../site/data-files.ts');
        const byModel = new WeakMap<CaseModel, Map<string, DataFile>>();
        const prefix = site.base.replace(/\/?$/, '/');
        server.middlewares.use((request, response, next) => {
          const pathname = decodeURI((request.url ?? '/').split('?')[0] ?? '/');
          if ((request.method !== 'GET' && request.method !== 'HEAD') || !pathname.startsWith(prefix)) {
            next();
            return;
          }
          const { model } = currentCase(root);
          let table = byModel.get(model);
          if (!table) {
            table = new Map(dataFiles(model, site).map((file) => [file.path, file]));
            byModel.set(model, table);
          }
          const file = table.get(`/${pathname.slice(prefix.length)}`);
          if (!file) {
            next();
            return;
          }
          Promise.resolve(file.body()).then(
            (body) => {
              response.setHeader('content-type', file.type);
              response.end(request.method === 'HEAD' ? undefined : body);
            },
            (error: unknown) => next(error),
          );
        });
      },
    },
  };
}

/** Every data file but the `kept` site paths, made on a worker thread from the case under a content root. */
function madeOnWorker(root: string, site: PublishedAt, kept: readonly string[]): Promise<MadeFile[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./data-files-worker.ts', import.meta.url), {
      workerData: { root, site, kept },
    });
    worker.once('message', (files: MadeFile[]) => resolve(files));
    worker.once('error', (error) => reject(new Error('the data files could not be made', { cause: error })));
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the data files could not be made (worker exit ${code})`));
    });
  });
}
