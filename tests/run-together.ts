import { spawn } from 'node:child_process';

/**
 * `node tests/run-together.ts a b c`: runs the npm scripts a, b and c at once and fails if any
 * fails. The lint stage's two type checkers (astro check, type-aware eslint) are each one busy
 * thread: side by side on two cores they take the time of the slower one, not of both. `npm test`
 * runs its stages this way too. Each script's output is printed whole when it ends, with the time
 * it took, so the outputs do not interleave.
 */
const scripts = process.argv.slice(2);

/** Runs one npm script; resolves with its exit code once its output is printed. */
function run(script: string): Promise<number> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    const output: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('close', (code) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(0);
      const outcome = code === 0 ? 'passed' : `failed, exit ${String(code)}`;
      process.stdout.write(`\n── npm run ${script} (${outcome} in ${seconds} s)\n`);
      process.stdout.write(Buffer.concat(output));
      resolve(code ?? 1);
    });
  });
}

const codes = await Promise.all(scripts.map(run));
process.exit(codes.some((code) => code !== 0) ? 1 : 0);
