import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { PublishedChecker, type PublishedCheckOptions, type PublishedFinding } from '../lib/published-check.ts';

/**
 * One worker of the check of the built pages: reads and checks its share of the files. Parsing
 * the HTML is most of the check's time, and pages are independent, so the files are shared out
 * over the machine's cores.
 */

/** What a worker is given. */
export interface CheckWork {
  /** The output folder. */
  out: string;
  /** Its files, relative to the output folder. */
  files: string[];
  /** The checker's settings. */
  options: PublishedCheckOptions;
}

const work = workerData as CheckWork;
const checker = new PublishedChecker(work.options);
const findings: PublishedFinding[] = [];
for (const file of work.files) findings.push(...checker.check(file, readFileSync(path.join(work.out, file), 'utf8')));
parentPort?.postMessage(findings);
