import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { starterCase } from '../lib/starter-case.ts';
import { parsePartialDate } from '../lib/dates.ts';

/**
 * `npm run new:case -- DIR`: writes a minimal case (one entry of each type, a source and a report)
 * into DIR, which must be empty or absent, ready for `CASEFILE_CONTENT=DIR npm run build`.
 */

const [dir] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
if (!dir) {
  console.error('usage: npm run new:case -- DIR');
  process.exit(2);
}
const root = path.resolve(dir);
if (existsSync(root) && readdirSync(root).length > 0) {
  console.error(`${dir}: the folder is not empty; nothing was written\n  fix: name a new or empty folder`);
  process.exit(1);
}
const today = parsePartialDate(new Date().toISOString().slice(0, 10));
if (!today) throw new Error('the clock gives no date');
const files = starterCase(today);
for (const file of files) {
  mkdirSync(path.dirname(path.join(root, file.path)), { recursive: true });
  writeFileSync(path.join(root, file.path), file.text);
}
console.log(
  `${dir}: wrote ${files.length} files, one of each type, a source and a report\n` +
    `  check it:  CASEFILE_CONTENT=${dir} npm run check:content\n` +
    `  build it:  CASEFILE_CONTENT=${dir} npm run build\n` +
    `  write it:  CASEFILE_CONTENT=${dir} npm run dev`,
);
