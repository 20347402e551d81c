import { parentPort, workerData } from 'node:worker_threads';
import { layoutGraph, type LayoutInput } from '../lib/layout.ts';
import { runInBackground, threadCpuMs } from '../integrations/thread-priority.ts';

/**
 * Lays a case graph out on a thread of its own (src/site/graph-layout.ts starts it) and answers with
 * the points and the CPU time it took. Below the build's own threads, as the data files' thread is:
 * the build waits for it only at its end.
 */
runInBackground();
const points = layoutGraph(workerData as LayoutInput);
parentPort?.postMessage({ points, cpuMs: threadCpuMs() });
