import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import type { CaseModel } from '../lib/case.ts';
import type { LayoutInput, LayoutPoint } from '../lib/layout.ts';
import { checkedCase, currentCase } from '../reader/session.ts';
import type { DataFile } from '../site/data-files.ts';
import type { PublishedAt } from '../site/exports.ts';

/**
 * Writes the site's data files (src/site/data-files.ts: JSON records, STIX bundles, exports,
 * graph.json, map.json, the edges' evidence) from the case model in one step after the pages, on
 * every build, rather than as endpoint routes (two of every three files the site has, each through
 * Astro's route machinery). They are made from the model the pages were rendered from, one file at a
 * time, each written as soon as it is made: no second copy of the case and no file's bytes wait in
 * memory. (A worker thread that read the case again and held every file for the build's end was the
 * build's peak memory: 360 MB at 5,000 entities.) The slow part, the graph's layout, is computed on a
 * thread of its own from the graph's ids (src/integrations/layout-worker.ts) while the pages are
 * bundled and rendered. It must run before every step that reads the output (the unreferenced-asset
 * sweep, the published-site check). Under `astro dev` each file is answered from the same table,
 * made from the case as it is now.
 */
export function dataFilesWritten(options: { contentRoot: string }): AstroIntegration {
  const root = path.resolve(options.contentRoot);
  let site: PublishedAt = { origin: '', base: '/' };
  let laidOut: Promise<void> | undefined;
  return {
    name: 'casefile:data-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = { origin: new URL(config.site ?? 'https://casefile.example').origin, base: config.base };
      },
      'astro:build:start': async () => {
        // Loaded here, not with the config: the config is loaded by `astro dev` and `astro check` too.
        const { dataFilesGraph } = await import('../site/data-files.ts');
        const { layoutInput, rememberLayout } = await import('../site/graph-layout.ts');
        const graph = dataFilesGraph(checkedCase(root, false).model);
        laidOut = laidOutOnWorker(layoutInput(graph)).then((points) => rememberLayout(graph, points));
        // Until the build's end awaits it, a failure is held there rather than thrown unhandled.
        laidOut.catch(() => undefined);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { dataFiles } = await import('../site/data-files.ts');
        await laidOut;
        const out = fileURLToPath(dir);
        const folders = new Set<string>();
        let written = 0;
        for (const file of dataFiles(checkedCase(root, false).model, site)) {
          const target = path.join(out, file.path);
          const folder = path.dirname(target);
          if (!folders.has(folder)) {
            mkdirSync(folder, { recursive: true });
            folders.add(folder);
          }
          writeFileSync(target, await file.body());
          written += 1;
        }
        logger.info(`${written} data files written`);
      },
      'astro:server:setup': async ({ server }) => {
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

/** The layout of a graph's ids, computed on a worker thread. */
function laidOutOnWorker(input: LayoutInput): Promise<LayoutPoint[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./layout-worker.ts', import.meta.url), { workerData: input });
    worker.once('message', (points: LayoutPoint[]) => resolve(points));
    worker.once('error', (error) => reject(new Error('the case graph could not be laid out', { cause: error })));
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the case graph could not be laid out (worker exit ${code})`));
    });
  });
}
