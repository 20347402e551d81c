import type { AnyEntity, CaseModel, Report } from './case.ts';
import { formatPartialDate, type PartialDate } from './dates.ts';
import { lastUpdated } from './corrections.ts';
import { gradeCounts } from './dossier-facts.ts';
import { entryPath } from './paths.ts';
import { CONFIDENCE_INFO } from './schema/confidence.ts';
import { definitionOf } from './schema/index.ts';

/**
 * What a page says about itself to whoever links to it: the image and words of its sharing card,
 * its structured data (schema.org JSON-LD), and the citation a reader may copy. Built from the
 * case only; pages turn site paths into absolute addresses.
 */

/** A JSON value, as JSON-LD holds. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** The site path (without base) of the sharing image of pages that have none of their own. */
export const SITE_OG_IMAGE = '/og/site.png';

/** Which entries get a sharing image of their own (the site's `shareImages` setting). */
export type ShareImages = 'all' | 'reports' | 'none';

/** The share-image setting as written: one of the above, or `auto` (decided by the case's size). */
export type ShareImageSetting = ShareImages | 'auto';

/**
 * Entities up to which `auto` draws every dossier's card. A card costs about 35 ms of CPU on a cold
 * build and one file: at 1,000 entities the cards were half of the build's CPU time (measured with
 * `npm run bench`), so a larger case shares the site's card on dossiers and keeps the reports' own.
 */
export const AUTO_SHARE_IMAGES_UP_TO = 200;

/** What a setting means for a case of so many entities. */
export function shareImagesFor(setting: ShareImageSetting, entities: number): ShareImages {
  if (setting !== 'auto') return setting;
  return entities <= AUTO_SHARE_IMAGES_UP_TO ? 'all' : 'reports';
}

/** Whether an entry has a sharing image of its own under a setting. */
export function hasOwnImage(id: string, setting: ShareImages): boolean {
  return setting === 'all' || (setting === 'reports' && id.startsWith('reports/'));
}

/** The site path (without base) of an entry's sharing image: its own, or the site's. */
export function ogImagePath(id: string, setting: ShareImages = 'all'): string {
  return hasOwnImage(id, setting) ? `/og/${id}.png` : SITE_OG_IMAGE;
}

/** Width and height of every sharing image, in pixels (the 1.91:1 card every platform shows). */
export const OG_SIZE = { width: 1200, height: 630 } as const;

/** Turns a site path into an absolute address. */
export type Absolute = (path: string) => string;

/** A one-line description of an entity's grades, e.g. "3 relationships: 1 confirmed, 2 high confidence". */
export function gradeLine(model: CaseModel, id: string): string {
  const counts = gradeCounts(model, id);
  const total = counts.reduce((sum, grade) => sum + grade.count, 0);
  if (total === 0) return '';
  const parts = counts.map((grade) => `${grade.count} ${CONFIDENCE_INFO[grade.confidence].label}`);
  return `${total} relationship${total === 1 ? '' : 's'}: ${parts.join(', ')}`;
}

/** The JSON-LD of a dossier: Person, Organization, Place … with its names, description and sources. */
export function entityJsonLd(
  entity: AnyEntity,
  absolute: Absolute,
  site: string,
  shareImages: ShareImages = 'all',
): Json {
  const names = [
    ...(entity.native && entity.native !== entity.name ? [entity.native] : []),
    ...entity.aliases.map((alias) => alias.name),
  ];
  const data: Record<string, Json> = {
    '@context': 'https://schema.org',
    '@type': definitionOf(entity.type).schemaOrgType,
    name: entity.name,
    description: entity.summary,
    url: absolute(entryPath(entity.id)),
    image: absolute(ogImagePath(entity.id, shareImages)),
    subjectOf: { '@type': 'WebPage', name: `${entity.name} · ${site}`, url: absolute(entryPath(entity.id)) },
  };
  if (names.length > 0) data.alternateName = names;
  if (entity.type === 'locations') {
    data.address = entity.data.address_native ? [entity.data.address, entity.data.address_native] : entity.data.address;
    if (entity.data.lat !== undefined && entity.data.lon !== undefined) {
      data.geo = { '@type': 'GeoCoordinates', latitude: entity.data.lat, longitude: entity.data.lon };
    }
  }
  if (entity.type === 'people' && entity.data.nationality) data.nationality = entity.data.nationality;
  const updated = lastUpdated(entity);
  if (updated) data.dateModified = updated;
  return data;
}

/** The JSON-LD of a report: an Article with its author, dates and the sources it cites. */
export function reportJsonLd(
  model: CaseModel,
  report: Report,
  absolute: Absolute,
  publisher: string,
  shareImages: ShareImages = 'all',
): Json {
  const citations: Json[] = model.citationsOf(report.id).flatMap((id): Json[] => {
    const source = model.get(`sources/${id}`);
    if (source?.kind !== 'source') return [];
    const cited: Record<string, Json> = { '@type': 'CreativeWork', name: source.name };
    if (source.data.url) cited.url = source.data.url;
    cited.publisher = { '@type': 'Organization', name: source.data.publisher };
    if (source.data.date) cited.datePublished = source.data.date;
    return [cited];
  });
  const data: Record<string, Json> = {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: report.name,
    description: report.summary,
    datePublished: report.date,
    author: { '@type': 'Organization', name: report.data.author },
    publisher: { '@type': 'Organization', name: publisher },
    url: absolute(entryPath(report.id)),
    mainEntityOfPage: absolute(entryPath(report.id)),
    image: absolute(ogImagePath(report.id, shareImages)),
    citation: citations,
  };
  const updated = lastUpdated(report);
  if (updated) data.dateModified = updated;
  return data;
}

/**
 * JSON for a `<script type="application/ld+json">`, or a literal in an inline script: `<` escaped so
 * no text can close the element.
 */
export function jsonLdText(data: Json): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

/** What a suggested citation is made of. */
export interface CitationParts {
  /** Who wrote it, when a report names an author. */
  author?: string | undefined;
  /** The page's title. */
  title: string;
  /** The site's name. */
  site: string;
  /** When first published, if the page says. */
  published?: PartialDate | undefined;
  /** When last updated. */
  updated?: PartialDate | undefined;
  /** The page's permanent address. */
  url: string;
}

/** A suggested citation in a common newsroom style: author, “Title,” site, dates, address. */
export function suggestedCitation(parts: CitationParts): string {
  const dates = [
    parts.published ? formatPartialDate(parts.published) : undefined,
    parts.updated && parts.updated !== parts.published ? `last updated ${formatPartialDate(parts.updated)}` : undefined,
  ].filter(Boolean);
  const lead = parts.author ? `${parts.author}, ` : '';
  return `${lead}“${parts.title},” ${parts.site}${dates.length > 0 ? `, ${dates.join(', ')}` : ''}, ${parts.url}.`;
}
