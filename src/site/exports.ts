import { SITE } from '../config.ts';
import type { StixOptions } from '../lib/stix.ts';
import type { CaseModel } from '../lib/case.ts';
import { entityBundlesFor } from '../lib/entity-bundles.ts';

/** Where the site is published, for the addresses inside the exports. */
export interface PublishedAt {
  /** The site's origin, e.g. `https://casefile.example`. */
  origin: string;
  /** The base path the site is built for, e.g. `/` or `/case/`. */
  base: string;
}

/** STIX export settings for this site: its public address (with the base path) and its publisher. */
export function stixOptions(site: PublishedAt): StixOptions {
  return { siteUrl: `${site.origin}${site.base.replace(/\/$/, '')}`, publisher: SITE.publisher };
}

/** Whether this site writes a STIX bundle per dossier (the `entityBundles` setting, for this case's size). */
export function hasEntityBundles(model: CaseModel): boolean {
  return entityBundlesFor(SITE.entityBundles, model.entities.length);
}
