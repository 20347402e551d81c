import { parentPort, workerData } from 'node:worker_threads';
import type { LayoutInput } from '../lib/layout.ts';
import { layoutOf } from '../site/graph-layout.ts';

/**
 * Lays the case graph out on its own thread while the build bundles and renders the pages
 * (src/integrations/data-files.ts starts it). It is sent the graph's ids alone, not the case, so it
 * holds no second copy of the case model; it answers with the positions (from the layout cache when
 * the same graph was laid out before).
 */

parentPort?.postMessage(layoutOf(workerData as LayoutInput));
