import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { CaseModel, type CaseParts } from '../lib/case.ts';
import { dataFiles } from '../site/data-files.ts';
import type { PublishedAt } from '../site/exports.ts';
import { runInBackground, threadCpuMs } from './thread-priority.ts';
import { layoutCpuMs, useLayoutAhead, type DigestedLayout } from '../site/graph-layout.ts';
import { withoutBodies } from './case-data-digest.ts';

/**
 * Makes every data file of the site on its own thread while the build bundles and renders the pages
 * (src/integrations/data-files.ts starts it): it builds the model again from the parts of the one the
 * build checked, sent without their bodies, starts the graph's layout on a thread of its own
 * (src/site/graph-layout.ts), and writes each file into the output folder as soon as it is made, so
 * only one file's text is alive at a time (all of them were held for the build's end: 78 MB of bytes
 * at 5,000 entities, alive with the pages' peak). The model's bodies cannot be read here: an
 * incremental build keeps the case-wide files while the case without its bodies is unchanged
 * (src/integrations/case-data-digest.ts). It answers with the number of files written and the CPU
 * time it and the layout's thread used.
 */

/** What the thread answers. */
export interface DataFilesAnswer {
  /** Files written. */
  written: number;
  /** CPU time of this thread, ms (0 where Node does not tell). */
  cpuMs: number;
  /** CPU time of the layout's thread, ms (0 when the layout was cached). */
  layoutCpuMs: number;
}

/** The layout the build started ahead (src/integrations/data-files.ts), or why it failed. */
export type LayoutMessage = DigestedLayout | { error: string };

// The pages the main thread renders go first; this thread takes what the cores leave over, and the
// build's end waits for it (5,000 entities: a cold build 25.0 -> 24.2 s, a rebuild 11.1 -> 10.3 s).
runInBackground();
const { parts, site, out, kept, layoutAhead } = workerData as {
  parts: CaseParts;
  site: PublishedAt;
  out: string;
  kept: string[];
  layoutAhead: boolean;
};
if (layoutAhead) {
  useLayoutAhead(
    new Promise<DigestedLayout>((resolve, reject) =>
      parentPort?.once('message', (message: LayoutMessage) =>
        'error' in message ? reject(new Error(message.error)) : resolve(message),
      ),
    ),
  );
}
// What an incremental build carried over from the last output is already in place.
const skipped = new Set(kept);
const folders = new Set<string>();
let written = 0;
const model = withoutBodies(CaseModel.fromParts(parts));
// The files made from the whole case, the laid-out ones among them, are kept or made again together
// (src/integrations/case-data-digest.ts); this thread runs only when they are made again.
for (const file of dataFiles(model, site, { layOutAhead: true })) {
  if (skipped.has(file.path)) continue;
  const target = path.join(out, file.path);
  const folder = path.dirname(target);
  if (!folders.has(folder)) {
    mkdirSync(folder, { recursive: true });
    folders.add(folder);
  }
  writeFileSync(target, await file.body());
  written += 1;
}
parentPort?.postMessage({ written, cpuMs: threadCpuMs(), layoutCpuMs: layoutCpuMs() } satisfies DataFilesAnswer);
