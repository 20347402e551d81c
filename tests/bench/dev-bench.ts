import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateCase } from './generate-case.ts';

/**
 * An author's `npm run dev` on a case: the time from starting the dev server to the first dossier
 * it serves, and from saving an edit to a dossier's file to the page it serves showing the edit.
 * The page is fetched again and again (every 100 ms, then every 50 ms) until it answers, then until
 * it holds the sentence the edit added (saved 3 s after the first answer); the file is put back
 * afterwards. The server starts with the cache folders as they are: the dev server's content store
 * (.astro/data-store.json) is emptied by Astro whenever the last dev server ran on another port or
 * case, as it does in the bench, so the figure is an author's first start. It also says how much
 * CPU the server had used by each of those moments (Linux only), the figure to compare on a busy
 * machine.
 *
 *   node tests/bench/dev-bench.ts --entities 5000 --port 4860
 */

const ROOT = path.resolve(import.meta.dirname, '../..');

/** How long the server is left alone after its first answer before the edit, ms. */
const SETTLE_MS = 3000;

/** What the dev server measured. */
export interface DevMeasure {
  /** From spawning `astro dev` to the first 200 answer for the dossier, ms; NaN if none came. */
  firstDossierMs: number;
  /** From writing the edit to the first answer that shows it, ms; NaN if none did in time. */
  editShownMs: number;
  /** CPU time (user and system) the server had used when it first served the dossier, ms; NaN where unknown. */
  firstDossierCpuMs: number;
  /** CPU time the server used from writing the edit to showing it, ms; NaN where unknown. */
  editCpuMs: number;
  /** How long each wait may last, ms. */
  timeoutMs: number;
}

/** How to run it. */
export interface DevCommand {
  /** The content folder. */
  caseDir: string;
  /** The dossier's site path, e.g. /people/person-00002/. */
  sitePath: string;
  /** The dossier's Markdown file. */
  file: string;
  /** The port the server listens on. */
  port: number;
  /** How long each wait may last, ms (default 180 s). */
  timeoutMs?: number | undefined;
}

/** The page's HTML, or undefined while the server does not answer 200. */
async function page(url: string): Promise<string | undefined> {
  try {
    const response = await fetch(url, { headers: { accept: 'text/html' } });
    return response.status === 200 ? await response.text() : undefined;
  } catch {
    return undefined;
  }
}

/** CPU time (user and system) a process has used so far, ms, from /proc; NaN where there is none. */
function cpuMsOf(pid: number | undefined): number {
  try {
    const fields =
      readFileSync(`/proc/${String(pid)}/stat`, 'utf8')
        .split(') ')[1]
        ?.split(' ') ?? [];
    // utime and stime, the 14th and 15th fields, in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

/** Polls until `done` holds for the page, or the time is up; resolves with the ms it took, or NaN. */
async function until(url: string, every: number, timeoutMs: number, done: (html: string) => boolean) {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    const html = await page(url);
    if (html !== undefined && done(html)) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, every));
  }
  return NaN;
}

/** Starts `astro dev` on a case, measures the first dossier and an edit, and stops it. */
export async function measureDev(command: DevCommand): Promise<DevMeasure> {
  const timeoutMs = command.timeoutMs ?? 180_000;
  const url = `http://127.0.0.1:${command.port}${command.sitePath}`;
  const original = readFileSync(command.file, 'utf8');
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(command.port), '--host', '127.0.0.1'],
    {
      cwd: ROOT,
      env: { ...process.env, CASEFILE_CONTENT: command.caseDir, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so that stopping it stops Vite's children too.
      detached: true,
    },
  );
  let log = '';
  const keep = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const waited = await until(url, 100, timeoutMs, () => true);
    const firstDossierMs = Number.isNaN(waited) ? NaN : performance.now() - started;
    const firstDossierCpuMs = cpuMsOf(child.pid);
    if (Number.isNaN(firstDossierMs)) {
      process.stderr.write(`bench: astro dev did not serve ${command.sitePath} in ${timeoutMs} ms:\n${log}\n`);
      return { firstDossierMs, editShownMs: NaN, firstDossierCpuMs, editCpuMs: NaN, timeoutMs };
    }
    // An author edits an open page: the server is let settle first (Vite optimises the page's
    // dependencies after its first request and reloads).
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    await page(url);
    const token = `Bench edit ${Date.now().toString(36)}`;
    const cpuBefore = cpuMsOf(child.pid);
    writeFileSync(command.file, `${original.trimEnd()}\n\n${token}.\n`);
    const editShownMs = await until(url, 50, timeoutMs, (html) => html.includes(token));
    return { firstDossierMs, editShownMs, firstDossierCpuMs, editCpuMs: cpuMsOf(child.pid) - cpuBefore, timeoutMs };
  } finally {
    writeFileSync(command.file, original);
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    await exited;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      entities: { type: 'string', default: '5000' },
      seed: { type: 'string', default: '1' },
      port: { type: 'string', default: '4860' },
      case: { type: 'string' },
    },
  });
  const caseDir = values.case
    ? path.resolve(values.case)
    : path.join(ROOT, 'tests/bench/.work', values.entities, 'case');
  if (!values.case || !existsSync(caseDir))
    generateCase({ entities: Number(values.entities), seed: Number(values.seed), out: caseDir });
  const slug = 'person-00002';
  const measure = await measureDev({
    caseDir,
    sitePath: `/people/${slug}/`,
    file: path.join(caseDir, 'people', `${slug}.md`),
    port: Number(values.port),
  });
  console.log(JSON.stringify(measure));
}
