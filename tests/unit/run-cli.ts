import { execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const node = path.join(root, 'node_modules/.bin/node');

/** Runs a command of src/cli from the project's root, as `npm run` would; its exit code and output. */
export function runCli(
  script: string,
  args: string[],
  env: Record<string, string> = {},
): { code: number; output: string } {
  try {
    const output = execFileSync(node, [path.join(root, 'src/cli', script), ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      encoding: 'utf8',
      stdio: 'pipe',
    });
    return { code: 0, output };
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string };
    return { code: failed.status, output: `${failed.stdout}${failed.stderr}` };
  }
}
