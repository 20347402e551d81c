import type { AstroIntegration, AstroUserConfig } from 'astro';

/**
 * Stage timings for the benchmark, taken from outside the site's code: the bench builds with
 * tests/bench/astro.bench.config.mjs, which puts these markers around the site's own integrations.
 * Astro runs each hook of every integration in order, so a marker before and one after an
 * integration bracket its work in that hook. Each stage prints
 * `casefile:timing <stage> <ms> ms cpu <ms> ms` (wall time, then this process's CPU time), which
 * tests/bench/build-runner.ts reads from the build's log.
 */

/** The prefix of every timing line. */
export const TIMING_PREFIX = 'casefile:timing';

type Hook = 'astro:config:setup' | 'astro:build:done';

const started = new Map<string, { wall: number; cpu: NodeJS.CpuUsage }>();

/** A marker that starts (`start`) or ends (`end`) a stage at one hook. */
export function stageMarker(stage: string, hook: Hook, edge: 'start' | 'end'): AstroIntegration {
  const mark = () => {
    if (edge === 'start') {
      started.set(stage, { wall: performance.now(), cpu: process.cpuUsage() });
      return;
    }
    const start = started.get(stage);
    if (!start) return;
    const used = process.cpuUsage(start.cpu);
    const cpuMs = ((used.user + used.system) / 1000).toFixed(1);
    console.log(`${TIMING_PREFIX} ${stage} ${(performance.now() - start.wall).toFixed(1)} ms cpu ${cpuMs} ms`);
  };
  return { name: `casefile-bench:${stage}:${edge}`, hooks: { [hook]: mark } };
}

/** The site's integrations with markers around the ones whose stages the bench reports. */
export function withStageMarkers(integrations: AstroUserConfig['integrations']): AstroIntegration[] {
  const stages: Record<string, { stage: string; hook: Hook }> = {
    'casefile:case-check': { stage: 'case-check', hook: 'astro:config:setup' },
    'casefile:pagefind': { stage: 'pagefind', hook: 'astro:build:done' },
    'casefile:published-check': { stage: 'published-check', hook: 'astro:build:done' },
  };
  const listed = (integrations ?? []).flat().filter((item): item is AstroIntegration => Boolean(item));
  return listed.flatMap((integration) => {
    const timed = stages[integration.name];
    if (!timed) return [integration];
    return [stageMarker(timed.stage, timed.hook, 'start'), integration, stageMarker(timed.stage, timed.hook, 'end')];
  });
}
