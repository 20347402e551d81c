import { SITE } from '../config.ts';
import type { StixOptions } from '../lib/stix.ts';

/** STIX export settings for this site: its public address (with the base path) and its publisher. */
export function stixOptions(site: URL | undefined): StixOptions {
  const origin = site?.origin ?? 'https://casefile.example';
  return { siteUrl: `${origin}${import.meta.env.BASE_URL.replace(/\/$/, '')}`, publisher: SITE.publisher };
}
