import { parentPort, workerData } from 'node:worker_threads';
import { checkedCase } from '../reader/session.ts';
import { dataFiles, type MadeFile } from '../site/data-files.ts';
import type { PublishedAt } from '../site/exports.ts';

/**
 * Makes every data file of the site on its own thread while the build bundles and renders the pages
 * (src/integrations/data-files.ts starts it): it reads and checks the case again (the same files give
 * the same model), lays the graph out and makes each file, then hands the bytes back to be written.
 */

const { root, site, kept } = workerData as { root: string; site: PublishedAt; kept: string[] };
// What an incremental build carried over from the last output is already in place.
const skipped = new Set(kept);
const made: MadeFile[] = [];
for (const file of dataFiles(checkedCase(root, false).model, site)) {
  if (skipped.has(file.path)) continue;
  made.push({ path: file.path, bytes: new TextEncoder().encode(await file.body()) });
}
parentPort?.postMessage(
  made,
  made.map((file) => file.bytes.buffer as ArrayBuffer),
);
