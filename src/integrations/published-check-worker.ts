import { parentPort, workerData } from 'node:worker_threads';
import { checkShare, type CheckWork } from './published-check-share.ts';
import { WatchedCheck } from './published-check-watch.ts';
import { runInBackground, threadCpuMs } from './thread-priority.ts';

/**
 * One worker of the check of the built pages. Parsing the HTML is most of the check's time, and
 * pages are independent, so the files are shared out over the machine's cores. A worker given a
 * share checks it and answers; a watching worker (`watch`) checks pages as Astro writes them, then
 * answers `stop` with the files it checked and `finish` with the final word on the files it is given.
 */

/** What a worker is given: a share to check, or (`watch`) the output folder to watch. */
export type WorkerData = ({ watch: false } & CheckWork) | ({ watch: true } & Omit<CheckWork, 'files'>);

/** A message to a watching worker. */
export type WatchMessage = { type: 'stop' } | { type: 'finish'; files: string[] };

const data = workerData as WorkerData;
if (!data.watch) {
  parentPort?.postMessage({ checked: checkShare(data), cpuMs: threadCpuMs() });
} else {
  // While Astro writes the pages the watching check steps back for the thread that renders them;
  // the shares checked at the build's end, which the build waits on, keep its priority.
  runInBackground();
  const early = new WatchedCheck(data);
  early.start();
  parentPort?.on('message', (message: WatchMessage) => {
    if (message.type === 'stop') parentPort?.postMessage({ early: early.stop() });
    else parentPort?.postMessage({ checked: early.finish(message.files), cpuMs: threadCpuMs() });
  });
}
