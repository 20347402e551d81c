import { SITE, tileOrigin } from '../config.ts';
import { pagePolicy } from '../lib/security-policy.ts';

/** The Content Security Policy every page carries in its <meta>, for this site's settings. */
export const PAGE_POLICY = pagePolicy({ tileOrigin: tileOrigin(SITE.tiles) });
