import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { describe, expect, test } from 'vitest';

/**
 * The build's background workers (the data files, the check that watches pages being written) lower
 * their own thread's priority, and only their own: the thread rendering the pages must keep its share.
 * Read back from the kernel's own record of each thread (/proc/<pid>/task/<tid>/stat), not from the
 * function's answer.
 */

/** A thread's nice value as the kernel keeps it: field 19 of its stat line. */
function niceOf(statFile: string): number {
  const fields = readFileSync(statFile, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return Number(fields[16]);
}

const MODULE = new URL('../../src/integrations/thread-priority.ts', import.meta.url).href;

// Runs in the worker: its nice before and after the call, the call's answer, and the thread's id.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { readFileSync, readlinkSync } = require('node:fs');
const nice = () => Number(readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1].split(' ')[16]);
const thread = Number(readlinkSync('/proc/thread-self').split('/').pop());
const before = nice();
import(${JSON.stringify(MODULE)}).then(({ runInBackground }) => {
  const lowered = runInBackground();
  parentPort.postMessage({ before, after: nice(), lowered, thread });
});
`;

// Runs in a worker that steps back first and then starts the worker above, as the data files' thread
// starts the graph's layout; answers with what that inner worker answered.
const NESTED_SOURCE = `
const { parentPort, Worker } = require('node:worker_threads');
import(${JSON.stringify(MODULE)}).then(({ runInBackground }) => {
  runInBackground();
  const inner = new Worker(${JSON.stringify(WORKER_SOURCE)}, { eval: true });
  inner.once('message', (answer) => parentPort.postMessage(answer));
});
`;

/** What a worker running `source` posts first. */
async function answerOf(source: string): Promise<Answer> {
  const worker = new Worker(source, { eval: true });
  try {
    return await new Promise<Answer>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  } finally {
    await worker.terminate();
  }
}

interface Answer {
  before: number;
  after: number;
  lowered: boolean;
  thread: number;
}

describe.runIf(process.platform === 'linux')('a background worker thread', () => {
  test('lowers its own priority by 10 nice steps and leaves the main thread as it was', async () => {
    const mainStat = `/proc/${process.pid}/task/${process.pid}/stat`;
    const mainBefore = niceOf(mainStat);
    const answer = await answerOf(WORKER_SOURCE);
    expect(answer.thread).not.toBe(process.pid);
    expect(answer.before).toBe(mainBefore);
    // Raising a nice value needs no privilege, up to 19.
    expect(answer.lowered).toBe(true);
    expect(answer.after).toBe(Math.min(19, mainBefore + 10));
    expect(niceOf(mainStat)).toBe(mainBefore);
  });

  test('started by a background worker, steps back from the main thread, not from the worker that started it', async () => {
    const mainBefore = niceOf(`/proc/${process.pid}/task/${process.pid}/stat`);
    const answer = await answerOf(NESTED_SOURCE);
    // It starts where its parent sat, and ends where every background worker does.
    expect(answer.before).toBe(Math.min(19, mainBefore + 10));
    expect(answer.after).toBe(Math.min(19, mainBefore + 10));
  });
});
