import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ROOT } from '../e2e/built-site.ts';

/**
 * The W3C Nu HTML Checker (vnu.jar from the `vnu-jar` package) run over many files in one Java
 * process: the checker takes seconds to start, then milliseconds a page. It needs Java 11 or later
 * on the PATH; `.ci/run` installs Debian's headless Java where it is missing.
 */

/** The checker's jar, inside the npm package. */
export const VNU_JAR = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

/** One message as the checker's JSON output gives it. */
const NuMessage = z.object({
  /** `error`, `info` (with subType `warning` for warnings) or `non-document-error` (a file it could not read). */
  type: z.string(),
  subType: z.string().optional(),
  /** The file, as a file: URL. */
  url: z.string().optional(),
  lastLine: z.number().optional(),
  firstColumn: z.number().optional(),
  lastColumn: z.number().optional(),
  message: z.string(),
  /** The markup around the problem. */
  extract: z.string().optional(),
});

/** One message of the checker. */
export type NuMessage = z.infer<typeof NuMessage>;

const NuOutput = z.object({ messages: z.array(NuMessage) });

/** Whether a message is an error (the file could not be checked counts as one). */
export function isNuError(message: NuMessage): boolean {
  return message.type === 'error' || message.type === 'non-document-error';
}

/** A message as one line a reader can act on: `dist/map/index.html:1:4711: Stray start tag “script”. (…</html><script…)`. */
export function formatNuMessage(message: NuMessage): string {
  const file = message.url ? path.relative(ROOT, fileURLToPath(message.url)) : '(no file)';
  const column = message.firstColumn ?? message.lastColumn;
  const where = message.lastLine === undefined ? file : `${file}:${message.lastLine}${column ? `:${column}` : ''}`;
  const extract = message.extract ? ` (${message.extract.replace(/\s+/g, ' ').trim()})` : '';
  return `${where}: ${message.message}${extract}`;
}

/** Checks every file in one run of the checker and resolves with all its messages. */
export function checkHtmlFiles(files: readonly string[]): Promise<NuMessage[]> {
  return new Promise((resolve, reject) => {
    const java = process.env.JAVA ?? 'java';
    const child = spawn(java, ['-jar', VNU_JAR, '--format', 'json', '--stdout', ...files], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error) =>
      reject(
        new Error(
          `The Nu HTML Checker needs Java 11 or later and "${java}" could not be run: install a headless Java ` +
            `(Debian: apt-get install default-jre-headless, as .ci/run does) or point JAVA at one.`,
          { cause: error },
        ),
      ),
    );
    // The checker exits 1 when it found errors; its JSON is complete either way.
    child.on('close', (code) => {
      try {
        if (code === null || code > 1) throw new Error(`exit code ${code}`);
        resolve(NuOutput.parse(JSON.parse(Buffer.concat(stdout).toString('utf8'))).messages);
      } catch (error) {
        const output = Buffer.concat(stderr).toString('utf8');
        reject(new Error(`vnu.jar gave no readable report (exit code ${code}):\n${output}`, { cause: error }));
      }
    });
  });
}
