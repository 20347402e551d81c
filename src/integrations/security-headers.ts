import { closeSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { headersFile, mergeCsp, metaPolicy, parseCsp, securityHeaders } from '../lib/security-policy.ts';
import { htmlFiles } from './built-files.ts';

/**
 * The security policy, in one place: src/layouts/Base.astro puts the CSP (src/lib/security-policy.ts)
 * in each page's <meta>; after the build the policy read back from every page, plus the directives a
 * <meta> cannot carry, goes to a `_headers` file for static hosts, which `npm run headers:nginx` turns
 * into an nginx snippet.
 */

/** The longest line Cloudflare Pages accepts in `_headers`. */
const MAX_HEADER_LINE = 2000;

/** How much of a page is read first: its <head>, where Base.astro puts the policy, fits in it. */
const HEAD_BYTES = 8192;

/**
 * The policy of a built page's <meta>, read from the page's first bytes when it is there whole, else
 * from the whole page (the same answer either way: the first complete match in the first bytes is
 * the first in the page). Reading each page whole cost a 5,000-entity build 0.6 s more CPU.
 */
function policyOf(file: string, buffer: Buffer): string | undefined {
  const descriptor = openSync(file, 'r');
  let read = 0;
  try {
    read = readSync(descriptor, buffer, 0, buffer.length, 0);
  } finally {
    closeSync(descriptor);
  }
  // A match in the first bytes ends with its closing quote inside them: a character cut at their end is never part of it.
  const start = metaPolicy(buffer.toString('utf8', 0, read));
  if (start !== undefined || read < buffer.length) return start;
  return metaPolicy(readFileSync(file, 'utf8'));
}

/**
 * Writes `_headers` into the built site: the policy of every page's <meta> merged into one, plus
 * what a <meta> cannot say (frame-ancestors) and the other security headers. A page without a
 * policy fails the build, since the header alone would then be all that protects it.
 */
export function securityHeadersFile(): AstroIntegration {
  return {
    name: 'casefile:security-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const buffer = Buffer.alloc(HEAD_BYTES);
        const policies = htmlFiles(site).map((file) => {
          const policy = policyOf(path.join(site, file), buffer);
          if (policy === undefined) {
            throw new Error(`${file} has no Content-Security-Policy <meta>: render it through src/layouts/Base.astro`);
          }
          return parseCsp(policy);
        });
        const headers = securityHeaders(mergeCsp(policies));
        const tooLong = headers.find((header) => header.name.length + header.value.length + 4 > MAX_HEADER_LINE);
        if (tooLong) {
          throw new Error(
            `the ${tooLong.name} header is longer than the ${MAX_HEADER_LINE} characters a _headers line may have: ` +
              'some page inlines scripts or styles whose hashes it lists; ship them as files instead',
          );
        }
        writeFileSync(path.join(site, '_headers'), headersFile(headers));
        logger.info(`_headers written for ${policies.length} pages`);
      },
    },
  };
}
