/**
 * Build stage timings for the benchmark (`npm run bench`). With CASEFILE_TIMINGS=1 each timed stage
 * prints one line, `casefile:timing <stage> <ms> ms cpu <ms> ms` (wall time, then the CPU time of
 * this process, which a busy machine does not inflate), that tests/bench/ reads from the build's log;
 * without it nothing is printed and nothing is measured.
 */

/** The prefix of every timing line. */
export const TIMING_PREFIX = 'casefile:timing';

const enabled = /^(1|true|yes)$/i.test(process.env.CASEFILE_TIMINGS ?? '');

/** Starts a stage's clocks; the returned function prints the stage's line. */
function startStage(stage: string): () => void {
  const started = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    const cpuMs = ((used.user + used.system) / 1000).toFixed(1);
    console.log(`${TIMING_PREFIX} ${stage} ${(performance.now() - started).toFixed(1)} ms cpu ${cpuMs} ms`);
  };
}

/** Runs one stage of the build, printing how long it took when timings are on. */
export async function timedStage<T>(stage: string, run: () => T | Promise<T>): Promise<T> {
  if (!enabled) return run();
  const done = startStage(stage);
  try {
    return await run();
  } finally {
    done();
  }
}

/** The synchronous form of `timedStage`, for hooks that must not wait. */
export function timedStageSync<T>(stage: string, run: () => T): T {
  if (!enabled) return run();
  const done = startStage(stage);
  try {
    return run();
  } finally {
    done();
  }
}
