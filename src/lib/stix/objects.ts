import { partialDateStart, type PartialDate } from '../dates.ts';

/**
 * The shapes of STIX 2.1 objects as casefile writes them, how an entity type says what STIX object
 * it becomes (each type's file under schema/ gives its `StixMapping`), and the property values
 * those mappings share: timestamps, country codes, catalogue references.
 */

/** A reference from a STIX object to a document or catalogue entry. */
export interface ExternalReference {
  source_name: string;
  description?: string;
  url?: string;
  external_id?: string;
}

/** Any STIX object as exported: its type, id and properties. */
export interface StixObject {
  type: string;
  id: string;
  spec_version: '2.1';
  [property: string]: unknown;
}

/** A STIX 2.1 bundle. */
export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}

/** Settings of an export. */
export interface StixOptions {
  /** The site's public origin with its base path, for links back to the dossiers. */
  siteUrl: string;
  /** Who publishes the case: becomes the identity every object is created by. */
  publisher: string;
}

/** How an entity is expressed as a cyber observable: its id-contributing key and the rest. */
export interface Observable {
  /** The observable type, e.g. `domain-name`. */
  type: string;
  /** The properties its deterministic id is derived from (STIX 2.1 §2.9). */
  key: Record<string, string>;
  /** Its other properties. */
  extra: Record<string, unknown>;
}

/** What the writer has made of an entity before its type adds its own properties. */
export interface WrittenEntity {
  /** Its other names: the native name first, then the aliases. */
  names: string[];
  /** Its dossier page and the sources it rests on. */
  references: ExternalReference[];
}

/**
 * How one entity type is written as STIX: either a cyber observable (no creator, no timestamps,
 * an id from its value), or a domain object of a type that may depend on the entry, with its own
 * properties after the shared ones (type, id, name, description).
 */
export type StixMapping<D> =
  | { kind: 'observable'; observable: (data: D, displayName: string) => Observable }
  | {
      kind: 'domain-object';
      type: (data: D) => string;
      properties: (data: D, written: WrittenEntity) => Record<string, unknown>;
    };

/** A STIX timestamp at the start of a partial date; the Unix epoch for a case with no dates at all. */
export function timestamp(date: PartialDate | undefined): string {
  return date === undefined ? '1970-01-01T00:00:00.000Z' : partialDateStart(date);
}

/** ISO 3166-1 alpha-2 codes by English country name, for STIX's `country` property. */
let countryCodes: Map<string, string> | undefined;

/** The two-letter code of a country written as a name ("China" → "CN") or already as a code. */
export function countryCode(country: string): string | undefined {
  if (/^[A-Z]{2}$/.test(country)) return country;
  if (!countryCodes) {
    countryCodes = new Map();
    const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        const name = names.of(code);
        if (name) countryCodes.set(name.toLowerCase(), code);
      }
    }
  }
  return countryCodes.get(country.toLowerCase());
}

/** External references for catalogue ids (MITRE ATT&CK, CVE). */
export function catalogueReferences(
  ids: readonly { system: string; id: string; url?: string | undefined }[],
): ExternalReference[] {
  return ids.map((entry) => ({
    source_name: /att&?ck/i.test(entry.system) ? 'mitre-attack' : entry.system.toLowerCase(),
    external_id: entry.id,
    ...(entry.url ? { url: entry.url } : {}),
  }));
}
