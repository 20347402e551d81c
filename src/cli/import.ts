import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { importStixBundle } from '../lib/stix-import.ts';
import { checkCaseFolder } from '../reader/read-case.ts';
import { formatProblems } from '../lib/problems.ts';
import { CONTENT_ROOT } from '../content-root.ts';

/**
 * `npm run import -- stix bundle.json [--out DIR]`: a STIX 2.1 bundle (OpenCTI, MISP, casefile's
 * own export) written as a case's dossiers, sources and reports into DIR (default the content
 * folder), then checked like a build checks it. Nothing is overwritten: when any file it would write
 * exists, it writes none. It lists every object it could not carry over, with its id and why.
 */

const usage = 'usage: npm run import -- stix bundle.json [--out DIR]';
const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = path.resolve(outAt >= 0 ? (args[outAt + 1] ?? '') : CONTENT_ROOT);
const positional = args.filter((arg, index) => !arg.startsWith('--') && (outAt < 0 || index !== outAt + 1));
const [format, bundlePath] = positional;
if (format !== 'stix' || !bundlePath || (outAt >= 0 && !args[outAt + 1])) {
  console.error(usage);
  process.exit(2);
}

let input: unknown;
try {
  input = JSON.parse(readFileSync(bundlePath, 'utf8'));
} catch (error) {
  console.error(`${bundlePath}: cannot read it as JSON (${error instanceof Error ? error.message : String(error)})`);
  process.exit(1);
}

let result;
try {
  result = importStixBundle(input, { bundleName: path.basename(bundlePath) });
} catch (error) {
  console.error(`${bundlePath}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const shown = path.relative(process.cwd(), out) || '.';
const clashes = result.files.filter((file) => existsSync(path.join(out, file.path)));
if (clashes.length > 0) {
  console.error(
    `${shown}: ${clashes.length} of the files this import would write exist already; nothing was written:\n` +
      clashes.map((file) => `  ${path.join(shown, file.path)}`).join('\n') +
      '\n  fix: import into an empty folder (--out DIR), or move those files away',
  );
  process.exit(1);
}
for (const file of result.files) {
  mkdirSync(path.dirname(path.join(out, file.path)), { recursive: true });
  writeFileSync(path.join(out, file.path), file.text);
}

const count = (folder: string) => result.files.filter((file) => file.path.startsWith(`${folder}/`)).length;
const links = result.files.reduce((sum, file) => sum + (file.text.match(/^ {2}- rel: /gm)?.length ?? 0), 0);
console.log(
  `${shown}: wrote ${result.files.length} files: ${result.files.length - count('sources') - count('reports')} dossiers ` +
    `with ${links} relationships, ${count('reports')} reports, ${count('sources')} sources`,
);
if (result.approximated.length > 0) {
  console.log(`carried over with a change (${result.approximated.length}):`);
  for (const note of result.approximated) console.log(`  ${note.id}: ${note.reason}`);
}
if (result.unmapped.length > 0) {
  console.log(`not imported (${result.unmapped.length}):`);
  for (const note of result.unmapped) console.log(`  ${note.id}: ${note.reason}`);
}
const { problems } = checkCaseFolder(out, { includeDrafts: false });
if (problems.length > 0) {
  console.error(formatProblems(problems));
  process.exit(1);
}
console.log(`${shown}: passes the build’s content check`);
