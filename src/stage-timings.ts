/**
 * Build stage timings for the benchmark (`npm run bench`). With CASEFILE_TIMINGS=1 each timed stage
 * prints one line, `casefile:timing <stage> <ms> ms`, that tests/bench/ reads from the build's log;
 * without it nothing is printed and nothing is measured.
 */

/** The prefix of every timing line. */
export const TIMING_PREFIX = 'casefile:timing';

const enabled = /^(1|true|yes)$/i.test(process.env.CASEFILE_TIMINGS ?? '');

/** Runs one stage of the build, printing how long it took when timings are on. */
export async function timedStage<T>(stage: string, run: () => T | Promise<T>): Promise<T> {
  if (!enabled) return run();
  const started = performance.now();
  try {
    return await run();
  } finally {
    console.log(`${TIMING_PREFIX} ${stage} ${(performance.now() - started).toFixed(1)} ms`);
  }
}

/** The synchronous form of `timedStage`, for hooks that must not wait. */
export function timedStageSync<T>(stage: string, run: () => T): T {
  if (!enabled) return run();
  const started = performance.now();
  try {
    return run();
  } finally {
    console.log(`${TIMING_PREFIX} ${stage} ${(performance.now() - started).toFixed(1)} ms`);
  }
}
