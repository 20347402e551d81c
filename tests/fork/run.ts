import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * `npm run test:fork`: the proof that a fork which replaces content/ with a case of its own passes
 * `npm test` unchanged. It copies the project (the files git tracks or would track, as they are
 * now) into a temporary folder, replaces content/ with a second fixture case (tests/fixtures/lisbon:
 * another country, other types, no report), and runs there:
 *
 * - by default the engine's part of `npm test`: the content check, the build of that content,
 *   the standards checks of the built sites (Nu HTML Checker, feeds, sitemaps) and the browser
 *   tests of the built content (every page: links, policy, WCAG, keyboard, search) plus the fork's
 *   own map checks (tests/fork/*.spec.ts). The fixture builds and their browser tests do not depend
 *   on content/, so they are taken from this project's last `npm test` when present;
 * - with `--full`, the whole `npm test` (lint, unit tests with coverage, every build, every check).
 *
 * `--case DIR` tries another case; `--keep` leaves the copy for a look. The copy shares this
 * project's installed packages (hard links to node_modules), so nothing is downloaded.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const full = args.includes('--full');
const keep = args.includes('--keep');
const caseArg = args.indexOf('--case');
const CASE = path.resolve(ROOT, caseArg >= 0 ? (args[caseArg + 1] ?? '') : 'tests/fixtures/lisbon');
/** Built sites that do not depend on content/, reused from this project when present. */
const FIXTURE_BUILDS = ['dist-fixture', 'dist-fixture-base'] as const;

/** Runs a command in `cwd`, echoing it and its time; throws when it fails. */
function run(cwd: string, command: string, commandArgs: string[], env: NodeJS.ProcessEnv = {}): void {
  const started = performance.now();
  console.log(`\n[fork] ${command} ${commandArgs.join(' ')}`);
  const result = spawnSync(command, commandArgs, { cwd, stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  if (result.status !== 0)
    throw new Error(`FAILED after ${seconds} s: ${command} ${commandArgs.join(' ')} (in ${cwd})`);
  console.log(`[fork] ok in ${seconds} s`);
}

/** The project's files as git sees them: tracked, plus new files not ignored. */
function projectFiles(): string[] {
  const result = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`git ls-files failed: ${result.stderr}`);
  return result.stdout.split('\0').filter((file) => file && existsSync(path.join(ROOT, file)));
}

/** node_modules as hard links (same disk), else a symbolic link; Astro's caches are left behind. */
function shareModules(copy: string): void {
  const from = path.join(ROOT, 'node_modules');
  const to = path.join(copy, 'node_modules');
  const linked = spawnSync('cp', ['-al', from, to]);
  if (linked.status === 0) {
    // Astro's content store and Vite's cache belong to the project they were filled for.
    for (const cache of ['.astro', '.vite', '.vitest']) rmSync(path.join(to, cache), { recursive: true, force: true });
    return;
  }
  symlinkSync(from, to, 'dir');
}

if (!existsSync(CASE)) throw new Error(`--case ${CASE}: no such folder`);
const started = performance.now();
const work = mkdtempSync(path.join(tmpdir(), 'casefile-fork-'));
// A direct child of a folder of its own, as the project expects of itself (../shared is absent: the
// sample's source texts are not needed by a fork).
const copy = path.join(work, 'casefile');
mkdirSync(copy);
try {
  for (const file of projectFiles()) {
    if (file.startsWith('content/')) continue;
    const target = path.join(copy, file);
    mkdirSync(path.dirname(target), { recursive: true });
    // Copied, not linked: a test that rewrites a file of its copy must not rewrite this project's.
    cpSync(path.join(ROOT, file), target);
  }
  cpSync(CASE, path.join(copy, 'content'), { recursive: true });
  shareModules(copy);
  console.log(`[fork] ${copy}: the project with content/ = ${path.relative(ROOT, CASE)}`);
  const env = { CASEFILE_FORK_TEST: '1' };
  if (full) run(copy, 'npm', ['test'], env);
  else {
    run(copy, 'npm', ['run', 'check:content']);
    run(copy, 'npm', ['run', 'build']);
    for (const build of FIXTURE_BUILDS) {
      if (existsSync(path.join(ROOT, build, 'index.html')))
        cpSync(path.join(ROOT, build), path.join(copy, build), { recursive: true });
      else run(copy, 'npm', ['run', build === 'dist-fixture' ? 'build:fixture' : 'build:fixture:base']);
    }
    run(copy, 'npm', ['run', 'test:built']);
    run(copy, 'npm', ['run', 'test:e2e', '--', '--project', 'content', '--project', 'fork'], env);
  }
  console.log(
    `\n[fork] passed: a fork with content/ = ${path.relative(ROOT, CASE)} passes ${full ? 'npm test' : "the engine's tests"} (${((performance.now() - started) / 1000).toFixed(0)} s)`,
  );
} catch (error) {
  console.error(`[fork] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  if (keep) console.log(`[fork] kept ${copy}`);
  else rmSync(work, { recursive: true, force: true });
}
