import { readFileSync, writeFileSync } from 'node:fs';
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
        const policies = htmlFiles(site).map((file) => {
          const policy = metaPolicy(readFileSync(path.join(site, file), 'utf8'));
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
