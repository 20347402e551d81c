import { parentPort, workerData } from 'node:worker_threads';
import { layoutGraph, type LayoutInput } from '../lib/layout.ts';

/**
 * The whole case graph's layout on its own thread (src/site/graph-layout.ts starts it when the build
 * starts): it takes seconds at 5,000 entities, and nothing the pages render waits for it.
 */

parentPort?.postMessage(layoutGraph(workerData as LayoutInput));
