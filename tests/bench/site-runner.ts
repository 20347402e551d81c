import { spawn } from 'node:child_process';
import path from 'node:path';

/**
 * What the graph and map benchmarks share: building a content folder into a folder of its own,
 * serving it with `astro preview`, medians and command-line flags.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Median of a list (NaN when empty). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Runs a command in the project, resolving with its wall time; rejects with its output on failure. */
function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
    child.stderr.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
    child.on('close', (code) =>
      code === 0
        ? resolve(performance.now() - start)
        : reject(new Error(`${command} ${args.join(' ')} failed:\n${output}`)),
    );
  });
}

/** Builds the site for a content folder into `outDir`; returns the wall time in ms. */
export function buildSite(contentDir: string, outDir: string): Promise<number> {
  return run(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    CASEFILE_CONTENT: contentDir,
    CASEFILE_OUT: outDir,
  });
}

/** Serves a built site with `astro preview` until `stop()` is called. */
export async function serveSite(outDir: string, port: number): Promise<{ url: string; stop: () => void }> {
  const child = spawn(
    process.execPath,
    ['node_modules/astro/bin/astro.mjs', 'preview', '--port', String(port), '--ignore-lock'],
    {
      cwd: ROOT,
      env: { ...process.env, CASEFILE_OUT: outDir },
      stdio: 'ignore',
    },
  );
  const url = `http://localhost:${port}`;
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${url}/`)).ok) return { url, stop: () => child.kill() };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill();
  throw new Error(`astro preview did not answer on ${url} within 30 s`);
}

/** Reads `--name value` flags. */
export function flag(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Lays out rows of cells as aligned columns, one line per row. */
export function formatRows(rows: readonly (readonly string[])[]): string {
  const columns = Math.max(...rows.map((row) => row.length));
  const widths = Array.from({ length: columns }, (_, c) => Math.max(...rows.map((row) => row[c]?.length ?? 0)));
  return rows
    .map((row) =>
      row
        .map((cell, c) => cell.padEnd(widths[c] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
