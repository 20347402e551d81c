/**
 * Whether each dossier gets its own STIX bundle (`/<type>/<slug>.stix.json`) beside the whole case's.
 * A dossier is four files with one (its page, its JSON record, its bundle, its search fragment); a
 * static host's free plan may cap a site at 20,000 files (Cloudflare Pages), which a case passes at
 * about 4,800 entities. `auto` keeps the bundles up to 4,000 entities; above, the whole case's bundle
 * (`/exports/case.stix.json`, which holds every entity and relationship) serves platforms, and the
 * site stays at three files per dossier.
 */

/** The setting as written: `auto` (by the case's size), `all` or `none`. */
export type EntityBundleSetting = 'auto' | 'all' | 'none';

/** Entities up to which `auto` writes a bundle per dossier. */
export const AUTO_ENTITY_BUNDLES_UP_TO = 4000;

/** Whether a case of so many entities gets a bundle per dossier under a setting. */
export function entityBundlesFor(setting: EntityBundleSetting, entities: number): boolean {
  if (setting === 'auto') return entities <= AUTO_ENTITY_BUNDLES_UP_TO;
  return setting === 'all';
}
