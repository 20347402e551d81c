import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { MAX_STATIC_REDIRECTS, redirectsFile } from '../lib/redirects-file.ts';
import { checkedCase } from '../reader/session.ts';

/**
 * Writes `_redirects` into the built site (src/lib/redirects-file.ts), from the case the build
 * checked, so hosts that read it answer an old slug with a 301 rather than a forwarding page.
 */
export function redirectsFileWritten(options: { contentRoot: string; base: string }): AstroIntegration {
  return {
    name: 'casefile:redirects-file',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const { redirects } = checkedCase(options.contentRoot, false).model;
        const file = redirectsFile(redirects, options.base);
        writeFileSync(path.join(fileURLToPath(dir), '_redirects'), file.text);
        if (file.leftOut > 0) {
          logger.warn(
            `_redirects holds the first ${MAX_STATIC_REDIRECTS} of ${redirects.length} redirects (Cloudflare Pages' limit); ` +
              'the others forward through their pages only',
          );
        } else logger.info(`_redirects written for ${redirects.length} old addresses`);
      },
    },
  };
}
