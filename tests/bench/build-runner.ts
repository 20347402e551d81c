import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { setAside } from './set-aside.ts';

/**
 * Runs one Astro build as a child process and measures it: wall time, CPU time and peak memory of the
 * whole process tree (read from /proc, so Pagefind's indexer, a separate process that GNU time would
 * not see, is counted), Astro's own stage timer (ASTRO_TIMER_PATH: content sync, bundling, page
 * generation) and casefile's stage lines (printed by the markers of tests/bench/stage-timer.ts).
 * Every build is cold unless asked to be warm: the project's content cache and the previous output
 * are set aside first (outside the timing, and removed when the run is over: set-aside.ts), as on
 * a fresh clone or in CI.
 */

/** Stage times of one build, ms; absent when the build has no such stage. */
export interface BuildStages {
  /** casefile's read and check of the whole case, model included, before Astro starts. */
  caseCheck?: number | undefined;
  /** Astro's content layer sync (reading, parsing, rendering Markdown into its store). */
  contentSync?: number | undefined;
  /** Vite bundling of the prerender and client code. */
  bundling?: number | undefined;
  /** Rendering every page to a file. */
  pageRendering?: number | undefined;
  /** The Pagefind search index. */
  pagefind?: number | undefined;
  /** Everything else: config, integrations' setup, sitemap, type generation, start-up. */
  other?: number | undefined;
  /** Astro's own total. */
  total?: number | undefined;
  /** CPU time of the build process in the case check (a busy machine does not inflate it). */
  caseCheckCpu?: number | undefined;
  /** CPU time of the build process's main thread in the Pagefind stage (Pagefind's own indexer runs apart). */
  pagefindCpu?: number | undefined;
}

/** What one build measured. */
export interface BuildMeasure {
  /** Wall time from spawn to exit, ms. */
  wallMs: number;
  /** User + system CPU time of every process in the tree, ms (sampled: the last 100 ms of each may be missed). */
  cpuMs: number;
  /** Peak resident memory of the tree: the most its processes held at one time, bytes. */
  peakRssBytes: number;
  /** Peak resident memory of its largest process (VmHWM), bytes. */
  largestProcessRssBytes: number;
  /** Stage times. */
  stages: BuildStages;
  /** Pages Astro reported building. */
  pages: number;
}

/** How to run a build. */
export interface BuildCommand {
  /** The project root (cwd of the build). */
  root: string;
  /** Extra environment. */
  env: Record<string, string>;
  /** File for Astro's stage timer. */
  timerFile: string;
  /** The build's output folder, removed before the build (a fresh clone has none). */
  outDir: string;
  /** An Astro config file other than the project's, e.g. the one with the bench's stage markers. */
  config?: string | undefined;
  /** Keep the content cache and the previous output: an author's second build after an edit. */
  warm?: boolean | undefined;
}

/**
 * The environment a build script sets before its command (`NAME=value … astro build`): the
 * variables `npm run build` gives the build, which the bench gives the builds it measures.
 */
export function scriptEnv(script: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const word of script.trim().split(/\s+/)) {
    const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=(\S*)$/.exec(word);
    if (!assignment) break;
    env[assignment[1] ?? ''] = assignment[2] ?? '';
  }
  return env;
}

/** The environment of a project's `build` script (package.json), for a build measured as an author runs it. */
export function buildScriptEnv(root: string): Record<string, string> {
  const manifest: unknown = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const scripts: unknown =
    typeof manifest === 'object' && manifest !== null ? Reflect.get(manifest, 'scripts') : undefined;
  const build: unknown = typeof scripts === 'object' && scripts !== null ? Reflect.get(scripts, 'build') : undefined;
  return typeof build === 'string' ? scriptEnv(build) : {};
}

/** Reads `casefile:timing <stage> <ms> ms cpu <ms> ms` lines: wall time by stage, and `<stage>:cpu`. */
export function parseCasefileTimings(log: string): Map<string, number> {
  const stages = new Map<string, number>();
  for (const match of log.matchAll(/casefile:timing (\S+) ([\d.]+) ms(?: cpu ([\d.]+) ms)?/g)) {
    const [, stage = '', ms = '0', cpu] = match;
    stages.set(stage, (stages.get(stage) ?? 0) + Number(ms));
    if (cpu !== undefined) stages.set(`${stage}:cpu`, (stages.get(`${stage}:cpu`) ?? 0) + Number(cpu));
  }
  return stages;
}

/** Reads the Pagefind time Starlight logs ("Finished building search index in 6.07s"). */
export function parseStarlightPagefind(log: string): number | undefined {
  const match = /Finished building search index in ([\d.]+)(m?s)/.exec(log);
  if (!match) return undefined;
  const value = Number(match[1]);
  return match[2] === 's' ? value * 1000 : value;
}

/** Astro's stage timer file: `{ "Sync content layer": { "elapsedTime": ms }, … }`. */
function readAstroTimer(file: string): Map<string, number> {
  const stages = new Map<string, number>();
  if (!existsSync(file)) return stages;
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null) return stages;
  for (const [name, value] of Object.entries(parsed)) {
    const elapsed: unknown =
      typeof value === 'object' && value !== null ? Reflect.get(value, 'elapsedTime') : undefined;
    if (typeof elapsed === 'number') stages.set(name, elapsed);
  }
  return stages;
}

/** Combines Astro's timer and casefile's lines into stages. */
export function stagesOf(
  astro: ReadonlyMap<string, number>,
  casefile: ReadonlyMap<string, number>,
  log: string,
): BuildStages {
  const sum = (...values: (number | undefined)[]) =>
    values.some((value) => value !== undefined)
      ? values.reduce<number>((total, value) => total + (value ?? 0), 0)
      : undefined;
  const stages: BuildStages = {
    caseCheck: casefile.get('case-check'),
    contentSync: astro.get('Sync content layer'),
    bundling: sum(astro.get('Prerender build'), astro.get('Client build'), astro.get('SSR build')),
    pageRendering: astro.get('Static generate'),
    pagefind: casefile.get('pagefind') ?? parseStarlightPagefind(log),
    total: astro.get('Total build'),
  };
  stages.caseCheckCpu = casefile.get('case-check:cpu');
  stages.pagefindCpu = casefile.get('pagefind:cpu');
  if (stages.total !== undefined) {
    const counted =
      sum(stages.caseCheck, stages.contentSync, stages.bundling, stages.pageRendering, stages.pagefind) ?? 0;
    stages.other = Math.max(0, stages.total - counted);
  }
  return stages;
}

/** Ids of a process and all its descendants, from /proc. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(parent) ?? [];
      list.push(Number(name));
      children.set(parent, list);
    } catch {
      // The process ended between listing and reading.
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i] ?? -1) ?? []));
  return tree;
}

/** What a process tree used, sampled from /proc. */
interface TreeUsage {
  cpuMs: number;
  peakRssBytes: number;
  largestProcessRssBytes: number;
}

/**
 * Samples a process tree every 100 ms until stopped: each process's CPU time and peak RSS (VmHWM),
 * and the sum of the tree's RSS at each sample. New children are looked for every 500 ms.
 */
function sampleProcessTree(root: number): { stop: () => TreeUsage } {
  const ticksPerSecond = 100; // USER_HZ on Linux
  const hwm = new Map<number, number>();
  const cpu = new Map<number, number>();
  let pids = [root];
  let treePeak = 0;
  let ticks = 0;
  const sample = () => {
    if (ticks++ % 5 === 0) pids = processTree(root);
    let rss = 0;
    for (const pid of pids) {
      try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        hwm.set(pid, Math.max(hwm.get(pid) ?? 0, Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024));
        rss += Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
        const raw = readFileSync(`/proc/${pid}/stat`, 'utf8');
        // Fields after the command name: state is field 3, utime 14 and stime 15.
        const stat = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
        cpu.set(pid, ((Number(stat[11]) + Number(stat[12])) / ticksPerSecond) * 1000);
      } catch {
        // The process ended since the last look.
      }
    }
    treePeak = Math.max(treePeak, rss);
  };
  const timer = setInterval(sample, 100);
  sample();
  return {
    stop: () => {
      clearInterval(timer);
      return {
        cpuMs: [...cpu.values()].reduce((sum, value) => sum + value, 0),
        peakRssBytes: treePeak,
        largestProcessRssBytes: Math.max(0, ...hwm.values()),
      };
    },
  };
}

/** Runs `astro build` in a project and measures it; throws with the log's tail when the build fails. */
export async function measureBuild(command: BuildCommand): Promise<BuildMeasure> {
  // Cold build: Astro keeps rendered content in node_modules/.astro and would skip work on a rerun.
  if (!command.warm) {
    // Set aside, not removed: removing thousands of files just before slows the build (set-aside.ts).
    setAside(path.join(command.root, 'node_modules/.astro'));
    setAside(command.outDir);
  }
  rmSync(command.timerFile, { force: true });
  const astro = [
    process.execPath,
    path.resolve(import.meta.dirname, '../../node_modules/astro/bin/astro.mjs'),
    'build',
    // Astro 7 joins --config to the root, so an absolute path would be read as under it.
    ...(command.config ? ['--config', path.relative(command.root, command.config)] : []),
  ];
  const [program = '', ...args] = astro;
  const started = performance.now();
  const child = spawn(program, args, {
    cwd: command.root,
    // No telemetry: on a machine without network its DNS lookup stalls the build for seconds.
    env: {
      ...process.env,
      ...command.env,
      ASTRO_TIMER_PATH: command.timerFile,
      ASTRO_TELEMETRY_DISABLED: '1',
      FORCE_COLOR: '0',
      NO_COLOR: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`could not start astro build in ${command.root}`);
  const sampler = sampleProcessTree(child.pid);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const wallMs = performance.now() - started;
  const usage = sampler.stop();
  if (code !== 0) {
    throw new Error(`astro build in ${command.root} failed (exit ${code}):\n${(stdout + stderr).slice(-3000)}`);
  }
  const log = stdout + stderr;
  return {
    wallMs,
    ...usage,
    stages: stagesOf(readAstroTimer(command.timerFile), parseCasefileTimings(log), log),
    pages: Number(/(\d+) page\(s\) built/.exec(log)?.[1] ?? NaN),
  };
}
