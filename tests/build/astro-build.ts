import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const astro = path.join(root, 'node_modules/astro/bin/astro.mjs');

/** Runs `astro build` of a content folder into `out`, from the project's root; its exit status and output. */
export function runAstroBuild(
  content: string,
  out: string,
  env: Record<string, string> = {},
): { status: number | null; stdout: string; output: string } {
  const result = spawnSync(process.execPath, [astro, 'build'], {
    cwd: root,
    env: { ...process.env, CASEFILE_CONTENT: content, CASEFILE_OUT: out, NO_COLOR: '1', ...env },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, output: `${result.stdout}\n${result.stderr}` };
}

/** Builds a content folder into `out`, failing with Astro's output if the build fails; its standard output. */
export function astroBuild(content: string, out: string, env: Record<string, string> = {}): string {
  const result = runAstroBuild(content, out, env);
  if (result.status !== 0) throw new Error(`the build of ${content} failed:\n${result.output}`);
  return result.stdout;
}

/** Every file under a folder, relative to it, sorted. */
export function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** Writes a file under a folder, with the folders it lies in. */
export function writeFileUnder(folder: string, file: string, text: string): void {
  const full = path.join(folder, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, text);
}
