import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { nginxSnippet, parseHeadersFile } from '../lib/security-policy.ts';

/**
 * `npm run headers:nginx [dist]`: prints the site's security headers as nginx `add_header` lines,
 * read from the `_headers` file the build wrote, so both hosts get the very same policy.
 */
const folder = path.resolve(process.argv[2] ?? process.env.CASEFILE_OUT ?? 'dist');
const file = path.join(folder, '_headers');
if (!existsSync(file)) {
  console.error(`${path.relative(process.cwd(), file)} does not exist: run npm run build first`);
  process.exit(1);
}
const headers = parseHeadersFile(readFileSync(file, 'utf8'));
if (headers.length === 0) {
  console.error(`${path.relative(process.cwd(), file)} has no headers for /*: rebuild the site`);
  process.exit(1);
}
process.stdout.write(nginxSnippet(headers));
