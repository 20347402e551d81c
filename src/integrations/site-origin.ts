import type { AstroIntegration } from 'astro';
import { PLACEHOLDER_ORIGIN } from '../config.ts';

/**
 * Warns when a build still uses the placeholder origin: every absolute address the site writes
 * (canonical links, sharing cards, structured data, feeds, suggested citations) would point there.
 */
export function siteOriginCheck(): AstroIntegration {
  return {
    name: 'casefile:site-origin',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        if (command !== 'build') return;
        if (config.site === undefined || new URL(config.site).origin === new URL(PLACEHOLDER_ORIGIN).origin) {
          logger.warn(
            `the site's origin is still the placeholder ${PLACEHOLDER_ORIGIN}: canonical links, sharing cards and citations will point there. Set CASEFILE_SITE=https://your.host (or SITE.origin in src/config.ts) before publishing.`,
          );
        }
      },
    },
  };
}
