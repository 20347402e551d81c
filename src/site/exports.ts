import { SITE } from '../config.ts';
import type { StixOptions } from '../lib/stix.ts';
import type { CaseModel } from '../lib/case.ts';
import { entityBundlesFor } from '../lib/entity-bundles.ts';

/** STIX export settings for this site: its public address (with the base path) and its publisher. */
export function stixOptions(site: URL | undefined): StixOptions {
  const origin = site?.origin ?? 'https://casefile.example';
  return { siteUrl: `${origin}${import.meta.env.BASE_URL.replace(/\/$/, '')}`, publisher: SITE.publisher };
}

/** Whether this site writes a STIX bundle per dossier (the `entityBundles` setting, for this case's size). */
export function hasEntityBundles(model: CaseModel): boolean {
  return entityBundlesFor(SITE.entityBundles, model.entities.length);
}
