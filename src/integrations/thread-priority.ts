import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/**
 * How far a background thread of the build steps back, in Linux's nice values (-20 to 19): 10 above
 * the build's own, where the scheduler gives it about a tenth of a core's time while a thread of
 * the build wants the same core.
 */
const BACKGROUND_NICE = 10;

/** The highest nice value, the lowest priority. */
const LOWEST = 19;

/**
 * Lowers the scheduling priority of the calling thread (not its process), for a worker whose work
 * the build waits for only at its end: the pages the main thread renders go first, and the worker
 * takes the cores the build leaves idle. On Linux a thread is its own task, and setpriority with
 * its id (from /proc/thread-self) sets that thread alone; elsewhere nothing is changed. Returns
 * whether the priority was lowered.
 */
export function runInBackground(): boolean {
  if (process.platform !== 'linux') return false;
  try {
    const thread = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(thread) || thread <= 0) return false;
    // Relative to the build's own, its main thread's (whose id is the process's): a build started with
    // `nice` keeps its workers below it, not above. Not relative to this thread's, which it inherits
    // from the thread that started it: the graph's layout, started by the data files' thread, sat at
    // the lowest priority there is, below every other worker, and a cold build at 1,000 entities
    // ended waiting seconds for its one second of work.
    setPriority(thread, Math.min(LOWEST, getPriority(process.pid) + BACKGROUND_NICE));
    return true;
  } catch {
    // No /proc, or a sandbox that forbids it: the thread keeps the build's priority.
    return false;
  }
}

/** The CPU time the calling thread has used, in milliseconds (0 on a Node without the figure; it is only reported). */
export function threadCpuMs(): number {
  if (typeof process.threadCpuUsage !== 'function') return 0;
  const used = process.threadCpuUsage();
  return (used.user + used.system) / 1000;
}
