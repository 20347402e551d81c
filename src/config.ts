/**
 * Site settings. Everything a fork changes to publish its own investigation lives here or in the
 * environment; nothing else in src/ names the sample case.
 */

import type { ShareImageSetting } from './lib/page-meta.ts';
import type { EntityBundleSetting } from './lib/entity-bundles.ts';

/** Settings for the optional street map. */
export interface TileSettings {
  /** Raster tile URL template with {z}/{x}/{y} (and {s} for subdomains). */
  url: string;
  /** Attribution HTML-free text shown on the map, as the provider's licence requires. */
  attribution: string;
  /** Link for the attribution. */
  attributionUrl: string;
  /** Highest zoom the provider serves. */
  maxZoom: number;
  /** Load street tiles at once instead of waiting for the reader to ask. */
  loadOnStart: boolean;
}

/** The origin a fork starts with; the build warns while it is still this one. */
export const PLACEHOLDER_ORIGIN = 'https://casefile.example';

/** The site's settings. */
export interface SiteSettings {
  /** Where the site is published, e.g. https://cases.example.org: every absolute address (canonical links, sharing cards, feeds, citations) starts with it. Set CASEFILE_SITE, or change it here. */
  origin: string;
  /** Site title, shown in the header and in feeds. */
  title: string;
  /** One-line description for the home page, feeds and search engines. */
  description: string;
  /** Who publishes the site. */
  publisher: string;
  /** Street map tiles, loaded only when the reader asks (or at once, if `loadOnStart`). */
  tiles: TileSettings;
  /**
   * Site path of the offline outline drawn under the map's markers (GeoJSON, see src/lib/basemap.ts);
   * '' for none; unset (the default) for the outline in basemap/ that fits the case's places:
   * a city's districts when every place lies in them, else the world's countries.
   */
  basemap: string | undefined;
  /**
   * Which pages get a sharing image of their own, drawn at build time (about 35 ms of CPU each on a
   * cold build, none on a rebuild): `all` (dossiers and reports), `reports`, `none`, or `auto`
   * (the default: `all` up to 200 entities, `reports` above, see `shareImagesFor`). The others
   * share the site's image.
   */
  shareImages: ShareImageSetting;
  /**
   * Whether each dossier has its own STIX bundle beside the whole case's: `all`, `none`, or `auto`
   * (the default: up to 4,000 entities, so a large case stays under a static host's 20,000-file
   * limit; see src/lib/entity-bundles.ts).
   */
  entityBundles: EntityBundleSetting;
}

/** Reads a boolean environment variable ("1", "true", "yes"). */
function envFlag(name: string): boolean | undefined {
  const value = process.env[name];
  if (value === undefined || value === '') return undefined;
  return /^(1|true|yes)$/i.test(value);
}

/** Reads the share-image setting, refusing a value it does not know. */
function shareImages(value: string | undefined): SiteSettings['shareImages'] {
  if (value === undefined || value === '') return 'auto';
  if (value === 'auto' || value === 'all' || value === 'reports' || value === 'none') return value;
  throw new Error(`CASEFILE_SHARE_IMAGES is "${value}": write auto, all, reports or none`);
}

/** Reads the per-dossier STIX bundle setting, refusing a value it does not know. */
function entityBundles(value: string | undefined): SiteSettings['entityBundles'] {
  if (value === undefined || value === '') return 'auto';
  if (value === 'auto' || value === 'all' || value === 'none') return value;
  throw new Error(`CASEFILE_ENTITY_STIX is "${value}": write auto, all or none`);
}

/** The site's settings; tile settings can be overridden from the environment for other hosts. */
export const SITE: SiteSettings = {
  origin: process.env.CASEFILE_SITE || PLACEHOLDER_ORIGIN,
  title: 'casefile',
  description:
    'How online accounts, domain records and job postings led investigators from the APT10 / STONE PANDA intrusion group to two named men, two Tianjin firms and the Tianjin bureau of China’s Ministry of State Security, and how much of that trail is confirmed.',
  publisher: 'casefile',
  tiles: {
    url: process.env.CASEFILE_TILE_URL ?? 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    attribution: process.env.CASEFILE_TILE_ATTRIBUTION ?? '© OpenStreetMap contributors',
    attributionUrl: process.env.CASEFILE_TILE_ATTRIBUTION_URL ?? 'https://www.openstreetmap.org/copyright',
    maxZoom: 19,
    loadOnStart: envFlag('CASEFILE_TILES_ON_START') ?? false,
  },
  basemap: process.env.CASEFILE_BASEMAP,
  shareImages: shareImages(process.env.CASEFILE_SHARE_IMAGES),
  entityBundles: entityBundles(process.env.CASEFILE_ENTITY_STIX),
};

/** The host street tiles come from, for the Content Security Policy. */
export function tileOrigin(tiles: TileSettings): string {
  const template = tiles.url.replace('{s}', 'a');
  return new URL(template.replace(/\{[a-z]\}/g, '0')).origin.replace('//a.', '//*.');
}
