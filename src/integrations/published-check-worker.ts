import { parentPort, workerData } from 'node:worker_threads';
import { checkShare, type CheckWork } from './published-check-share.ts';

/**
 * One worker of the check of the built pages: reads and checks its share of the files. Parsing
 * the HTML is most of the check's time, and pages are independent, so the files are shared out
 * over the machine's cores.
 */

parentPort?.postMessage(checkShare(workerData as CheckWork));
