import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import type { CaseModel } from '../lib/case.ts';
import { buildCaseGraph } from '../lib/graph.ts';
import { bodilessParts } from './case-data-digest.ts';
import type { DataFilesAnswer, LayoutMessage } from './data-files-worker.ts';
import { checkedCase, currentCase } from '../reader/session.ts';
import { caseDataPaths } from '../site/data-file-paths.ts';
import type { DataFile } from '../site/data-files.ts';
import type { PublishedAt } from '../site/exports.ts';
import { digestedLayout, layoutCpuMs, type DigestedLayout } from '../site/graph-layout.ts';

/**
 * Writes the site's data files (src/site/data-files.ts: JSON records, STIX bundles, exports,
 * graph.json, map.json, the edges' evidence) from the case model on every build, rather than as
 * endpoint routes (two of every three files the site has, each through Astro's route machinery on
 * the thread that renders the pages). They are made on a worker thread
 * (src/integrations/data-files-worker.ts) that starts with the build and writes each file into the
 * output folder as it makes it, so the graph's layout and the exports are computed while the pages
 * are bundled and rendered, and no file's bytes wait in memory for the build's end; the build's end
 * waits for the worker. When an incremental build keeps every file made from the whole case (all
 * but the JSON records, src/integrations/case-data-digest.ts), the records it makes again are made
 * on this thread at the build's end instead, from the model the pages were rendered from: reading
 * and checking the case again on a worker cost more than a few records. So it must come after the
 * integration that empties the output folder at the build's start
 * (src/integrations/output-folder.ts), and before every step that reads the output
 * (the unreferenced-asset sweep, the published-site check). Under `astro dev` each file is answered
 * from the same table, made from the case as it is now.
 */
export function dataFilesWritten(options: {
  contentRoot: string;
  /** Site paths of files an incremental build carried over (src/integrations/incremental-build.ts): not made again. */
  kept?: () => ReadonlySet<string>;
}): AstroIntegration {
  const root = path.resolve(options.contentRoot);
  let site: PublishedAt = { origin: '', base: '/' };
  let out = '';
  let written: Promise<DataFilesAnswer> | undefined;
  // The data files left to make when all of them but some records were kept, made at the build's end here.
  let onlyRecords: { model: CaseModel; kept: ReadonlySet<string> } | undefined;
  // The graph's layout, started before Astro syncs the content.
  let layoutAhead: Promise<DigestedLayout> | undefined;
  return {
    name: 'casefile:data-files',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command !== 'build') return;
        // The case was checked by now (src/integrations/case-check.ts). Its layout is the longest part
        // of the data files, and while Astro syncs the content (seconds at 5,000 entities, on the main
        // thread) a second core is mostly idle: the layout starts here, on its own thread, and the
        // data files' thread takes it when that thread starts, with the build.
        layoutAhead = digestedLayout(buildCaseGraph(checkedCase(root, false).model));
        layoutAhead.catch(() => undefined);
      },
      'astro:config:done': ({ config }) => {
        site = { origin: new URL(config.site ?? 'https://casefile.example').origin, base: config.base };
        out = fileURLToPath(config.outDir);
      },
      'astro:build:start': () => {
        const kept = options.kept?.() ?? new Set<string>();
        onlyRecords = undefined;
        written = undefined;
        // The case the build checked before anything else (src/integrations/case-check.ts).
        const { model } = checkedCase(root, false);
        if (kept.size > 0 && caseDataPaths(model).every((file) => kept.has(file))) {
          onlyRecords = { model, kept };
          return;
        }
        written = writtenOnWorker(model, site, out, [...kept], layoutAhead);
        // Until the build's end awaits it, a failure is held there rather than thrown unhandled.
        written.catch(() => undefined);
      },
      'astro:build:done': async ({ dir, logger }) => {
        // A static build's `dir` is the configured output folder, where the worker writes.
        if (onlyRecords) {
          const count = await writtenHere(onlyRecords.model, site, fileURLToPath(dir), onlyRecords.kept);
          logger.info(`${count} data files written (JSON records only: every other one was kept)`);
          return;
        }
        const answer = await (written ??
          writtenOnWorker(checkedCase(root, false).model, site, fileURLToPath(dir), [...(options.kept?.() ?? [])]));
        const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
        // The layout's thread was started here (before the build) or by the data files' own.
        const layoutMs = answer.layoutCpuMs + layoutCpuMs();
        const layout = layoutMs > 0 ? `, the graph's layout ${seconds(layoutMs)}` : '';
        logger.info(`${answer.written} data files written; their thread used ${seconds(answer.cpuMs)} of CPU${layout}`);
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

/** Every data file but the `kept` site paths, made on this thread from `model` and written under `out`; how many. */
async function writtenHere(
  model: CaseModel,
  site: PublishedAt,
  out: string,
  kept: ReadonlySet<string>,
): Promise<number> {
  const { dataFiles } = await import('../site/data-files.ts');
  let count = 0;
  for (const file of dataFiles(model, site)) {
    if (kept.has(file.path)) continue;
    const target = path.join(out, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, await file.body());
    count += 1;
  }
  return count;
}

/**
 * Every data file but the `kept` site paths, made on a worker thread from `model` and written under
 * `out`: how many, and the CPU time its thread and the layout's used. The worker is sent the model's
 * parts without their bodies (the case-wide files must not read them,
 * src/integrations/case-data-digest.ts) and builds the same model from them: reading and checking
 * the case again there took 1.2-1.4 s of CPU at 5,000 entities, sending the parts about 0.1 s here.
 * A layout started ahead (`layoutAhead`) is sent to it once it is done.
 */
function writtenOnWorker(
  model: CaseModel,
  site: PublishedAt,
  out: string,
  kept: readonly string[],
  layoutAhead?: Promise<DigestedLayout>,
): Promise<DataFilesAnswer> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./data-files-worker.ts', import.meta.url), {
      workerData: { parts: bodilessParts(model), site, out, kept, layoutAhead: layoutAhead !== undefined },
    });
    layoutAhead?.then(
      (layout) => worker.postMessage(layout satisfies LayoutMessage),
      (error: unknown) => worker.postMessage({ error: String(error) } satisfies LayoutMessage),
    );
    worker.once('message', (answer: DataFilesAnswer) => resolve(answer));
    worker.once('error', (error) => reject(new Error('the data files could not be made', { cause: error })));
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the data files could not be made (worker exit ${code})`));
    });
  });
}
