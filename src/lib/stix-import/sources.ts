import { parsePartialDate } from '../dates.ts';
import { slugOf } from '../slug.ts';
import { DOSSIER_DESCRIPTION, type Citation, type ExternalReference, type ImportedObject } from './bundle.ts';
import type { ImportDraft } from './draft.ts';

/**
 * External references read back: a catalogue id (ATT&CK, CVE) stays an identifier of its object; any
 * other reference is a document, gathered once as a source, with the passage and locator casefile's
 * export writes into its description. Claims the bundle makes without a document rest on the bundle.
 */

/** Catalogue names as the export writes them (`mitre-attack`), back to the names authors use. */
const CATALOGUES: Record<string, string> = { 'mitre-attack': 'MITRE ATT&CK', cve: 'CVE' };

/** The parts casefile's export writes into a source reference: `title[, date][: “quote”][ (locator)]`. */
const REFERENCE_DESCRIPTION = /^(.*?)(?:, (\d{4}(?:-\d{2}(?:-\d{2})?)?))?(?:: “(.*)”)?(?: \(([^()]*)\))?$/s;

/** True for a catalogue entry (an ATT&CK or CVE id, or any id given without a description) rather than a document. */
function catalogueId(reference: ExternalReference): reference is ExternalReference & { external_id: string } {
  return (
    reference.external_id !== undefined &&
    (reference.description === undefined || Object.hasOwn(CATALOGUES, reference.source_name))
  );
}

/** An object's catalogue ids, as an entry's `external_ids`. */
export function externalIds(object: ImportedObject): { system: string; id: string; url?: string }[] {
  return (object.external_references ?? []).filter(catalogueId).map((reference) => ({
    system: CATALOGUES[reference.source_name] ?? reference.source_name,
    id: reference.external_id,
    ...(reference.url ? { url: reference.url } : {}),
  }));
}

/** The source id of an external reference, gathering the source on first sight. */
function sourceOf(draft: ImportDraft, reference: ExternalReference): Citation {
  const parsed = REFERENCE_DESCRIPTION.exec(reference.description ?? '');
  const title = parsed?.[1]?.trim() || reference.description?.trim() || reference.source_name;
  const date = parsed?.[2] ? parsePartialDate(parsed[2]) : undefined;
  const key = reference.url ?? `${reference.source_name}\n${title}`;
  let source = draft.sources.get(key);
  if (!source) {
    const slug = draft.claim(
      'sources',
      slugOf(title).split('-').slice(0, 6).join('-'),
      `x--${String(draft.sources.size)}`,
    );
    source = {
      slug,
      data: {
        title,
        publisher: reference.source_name,
        ...(date ? { date } : {}),
        ...(reference.url && /^https?:\/\//i.test(reference.url) && URL.canParse(reference.url)
          ? { url: reference.url }
          : { no_url_reason: `the STIX bundle ${draft.options.bundleName} gives no web address for it` }),
      },
    };
    draft.sources.set(key, source);
  }
  const quote = parsed?.[3];
  const locator = parsed?.[4];
  if (!quote && !locator) return source.slug;
  return { source: source.slug, ...(quote ? { quote } : {}), ...(locator ? { locator } : {}) };
}

/** Documents an object cites: its external references that are neither catalogue ids nor its own page. */
export function citationsOf(draft: ImportDraft, object: ImportedObject): Citation[] {
  return (object.external_references ?? [])
    .filter((reference) => reference.description !== DOSSIER_DESCRIPTION && !catalogueId(reference))
    .map((reference) => sourceOf(draft, reference));
}

/** The bundle itself as a source, for claims it makes without citing anything. */
export function bundleSource(draft: ImportDraft): string {
  const { bundleName } = draft.options;
  const key = `bundle:${bundleName}`;
  let source = draft.sources.get(key);
  if (!source) {
    source = {
      slug: draft.claim('sources', slugOf(`stix bundle ${bundleName.replace(/\.json$/i, '')}`), 'x--bundle'),
      data: {
        title: `STIX bundle ${bundleName}`,
        publisher: draft.bundleAuthor() ?? 'unknown',
        no_url_reason: 'the claims this bundle makes without citing a document rest on the bundle itself',
        kind: 'threat-intel',
      },
    };
    draft.sources.set(key, source);
  }
  return source.slug;
}
