import { stringify } from 'yaml';
import { z } from 'astro/zod';
import { defang } from './defang.ts';
import { hasHanzi } from './hanzi.ts';
import { parsePartialDate } from './dates.ts';
import type { Confidence } from './schema/confidence.ts';
import { ENTITY_TYPES, type EntityType } from './schema/entity-types.ts';
import { IDENTITY_KINDS, isIndicatorKind, type IdentityKind } from './schema/identities.ts';
import { SLUG_PATTERN } from './schema/fields.ts';
import { slugOf } from './slug.ts';
import { gradeOf, noteOf, relationFor } from './stix-import-relations.ts';
import { defangIndicators, namedIndicators, plainProse, summaryAndBody } from './stix-import-prose.ts';

/**
 * A STIX 2.1 bundle (from OpenCTI, MISP, or casefile's own export) turned into a case folder: one
 * Markdown dossier per entity, a source per cited document, a report per STIX report, and every
 * relationship a graded, sourced link in the file of its source end. It inverts `stix.ts`: the
 * casefile dossier reference gives an object back its slug, a relationship's description its exact
 * relation, its `confidence` number its grade, and each external reference its source (with the
 * passage and locator the export wrote). What casefile cannot hold is listed with the object's id
 * and the reason, never dropped silently.
 */

/** One file the import writes, relative to the case folder. */
export interface ImportedFile {
  /** e.g. `people/li-wei.md`. */
  path: string;
  /** The whole file: YAML frontmatter and Markdown body. */
  text: string;
}

/** A STIX object, or a part of one, that the import could not carry into the case. */
export interface ImportNote {
  /** The STIX id of the object concerned. */
  id: string;
  /** What was left out or changed, and why. */
  reason: string;
}

/** What an import produced. */
export interface StixImport {
  /** The case's files, sorted by path. */
  files: ImportedFile[];
  /** Objects left out entirely, each with why. */
  unmapped: ImportNote[];
  /** Objects carried over with something lost or assumed (a missing grade, a type casefile lacks). */
  approximated: ImportNote[];
}

/** Settings of an import. */
export interface ImportOptions {
  /** The bundle's file name, named in the source that stands for the bundle itself. */
  bundleName: string;
}

const externalReference = z.looseObject({
  source_name: z.string(),
  description: z.string().optional(),
  url: z.string().optional(),
  external_id: z.string().optional(),
});

/** A STIX object as the import reads it: its type and id checked, the rest read field by field. */
const stixObject = z.looseObject({
  type: z.string(),
  id: z.string(),
  external_references: z.array(externalReference).optional(),
});

/** A STIX 2.1 bundle. */
export const stixBundleSchema = z.looseObject({
  type: z.literal('bundle', { error: 'not a STIX bundle: its "type" must be "bundle"' }),
  objects: z.array(stixObject, { error: 'a STIX bundle needs an "objects" list' }),
});

type StixObject = z.infer<typeof stixObject>;
type ExternalReference = z.infer<typeof externalReference>;

/** A citation as a link or entry writes it. */
type Citation = string | { source: string; quote?: string; locator?: string };

/** A source document gathered from external references. */
interface SourceDraft {
  slug: string;
  data: Record<string, unknown>;
}

/** An entity on its way to a file. */
interface EntityDraft {
  stixId: string;
  type: EntityType;
  slug: string;
  data: Record<string, unknown>;
  links: Record<string, unknown>[];
  body: string;
}

/** A reference an export writes to the entry's own page, which gives the import back its slug. */
const DOSSIER_DESCRIPTION = 'casefile dossier';

/** Catalogue names as the export writes them (`mitre-attack`), back to the names authors use. */
const CATALOGUES: Record<string, string> = { 'mitre-attack': 'MITRE ATT&CK', cve: 'CVE' };

/** The date part of a STIX timestamp, as a casefile date (YYYY-MM-DD). */
function dayOf(timestamp: unknown): string | undefined {
  if (typeof timestamp !== 'string') return undefined;
  return parsePartialDate(timestamp.slice(0, 10));
}

/** A string property of an object, when it is one. */
function text(object: StixObject, key: string): string | undefined {
  const value = object[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** A list-of-strings property of an object. */
function texts(object: StixObject, key: string): string[] {
  const value = object[key];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item !== '') : [];
}

/** The parts casefile's export writes into a source reference: `title[, date][: “quote”][ (locator)]`. */
const REFERENCE_DESCRIPTION = /^(.*?)(?:, (\d{4}(?:-\d{2}(?:-\d{2})?)?))?(?:: “(.*)”)?(?: \(([^()]*)\))?$/s;

/** Turns a STIX bundle into the files of a case, and lists what it could not carry. */
export function importStixBundle(input: unknown, options: ImportOptions): StixImport {
  const bundle = stixBundleSchema.parse(input);
  const unmapped: ImportNote[] = [];
  const approximated: ImportNote[] = [];
  const byId = new Map(bundle.objects.map((object) => [object.id, object]));
  const entities = new Map<string, EntityDraft>();
  const usedSlugs = new Map<string, Set<string>>();
  const sources = new Map<string, SourceDraft>();
  const indicators: { kind: 'domain' | 'url' | 'email'; value: string }[] = [];

  /** A slug not yet taken in the folder; the wanted one when free. */
  const claim = (folder: string, wanted: string, stixId: string): string => {
    const taken = usedSlugs.get(folder) ?? new Set<string>();
    usedSlugs.set(folder, taken);
    // A name of hanzi only has no ASCII slug: the object's id gives it one.
    const base = SLUG_PATTERN.test(wanted)
      ? wanted
      : `${folder.replace(/s$/, '')}-${stixId.split('--')[1]?.slice(0, 8) ?? 'x'}`;
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    return slug;
  };

  // Identities that only ever appear as an object's creator are the bundle's author, not a party to the case.
  const creators = new Set(bundle.objects.map((object) => text(object, 'created_by_ref')).filter((id) => id));
  const referenced = new Set<string>();
  for (const object of bundle.objects) {
    if (object.type === 'relationship') {
      referenced.add(text(object, 'source_ref') ?? '');
      referenced.add(text(object, 'target_ref') ?? '');
    }
    for (const ref of texts(object, 'object_refs')) referenced.add(ref);
  }
  const authorOf = (object: StixObject): string | undefined => {
    const creator = byId.get(text(object, 'created_by_ref') ?? '');
    return creator ? text(creator, 'name') : undefined;
  };

  /** The slug an export's dossier reference gives the object, when it carries one for this type. */
  const dossierSlug = (object: StixObject, folder: string): string | undefined => {
    for (const reference of object.external_references ?? []) {
      if (reference.description !== DOSSIER_DESCRIPTION || !reference.url) continue;
      if (!URL.canParse(reference.url)) continue;
      const parts = new URL(reference.url).pathname.split('/').filter(Boolean);
      const [type, slug] = parts.slice(-2);
      if (type === folder && slug && SLUG_PATTERN.test(slug)) return slug;
    }
    return undefined;
  };

  /** The source id of an external reference, gathering the source on first sight. */
  const sourceOf = (reference: ExternalReference): Citation => {
    const parsed = REFERENCE_DESCRIPTION.exec(reference.description ?? '');
    const title = parsed?.[1]?.trim() || reference.description?.trim() || reference.source_name;
    const date = parsed?.[2] ? parsePartialDate(parsed[2]) : undefined;
    const key = reference.url ?? `${reference.source_name}\n${title}`;
    let source = sources.get(key);
    if (!source) {
      const slug = claim('sources', slugOf(title).split('-').slice(0, 6).join('-'), `x--${String(sources.size)}`);
      source = {
        slug,
        data: {
          title,
          publisher: reference.source_name,
          ...(date ? { date } : {}),
          ...(reference.url && /^https?:\/\//i.test(reference.url) && URL.canParse(reference.url)
            ? { url: reference.url }
            : { no_url_reason: `the STIX bundle ${options.bundleName} gives no web address for it` }),
        },
      };
      sources.set(key, source);
    }
    const quote = parsed?.[3];
    const locator = parsed?.[4];
    if (!quote && !locator) return source.slug;
    return { source: source.slug, ...(quote ? { quote } : {}), ...(locator ? { locator } : {}) };
  };

  /** The bundle itself as a source, for claims it makes without citing anything. */
  const bundleSource = (): string => {
    const key = `bundle:${options.bundleName}`;
    let source = sources.get(key);
    if (!source) {
      source = {
        slug: claim('sources', slugOf(`stix bundle ${options.bundleName.replace(/\.json$/i, '')}`), 'x--bundle'),
        data: {
          title: `STIX bundle ${options.bundleName}`,
          publisher:
            authorOf(bundle.objects.find((object) => authorOf(object)) ?? bundle.objects[0] ?? { type: '', id: '' }) ??
            'unknown',
          no_url_reason: 'the claims this bundle makes without citing a document rest on the bundle itself',
          kind: 'threat-intel',
        },
      };
      sources.set(key, source);
    }
    return source.slug;
  };

  /** Documents an object cites: its external references that are neither catalogue ids nor its own page. */
  const citationsOf = (object: StixObject): Citation[] =>
    (object.external_references ?? [])
      .filter((reference) => reference.description !== DOSSIER_DESCRIPTION && !catalogueId(reference))
      .map(sourceOf);

  const add = (object: StixObject, type: EntityType, name: string, data: Record<string, unknown>, fallback: string) => {
    const folder = type;
    const slug = dossierSlug(object, folder) ?? slugOf(name);
    const { summary, body } = summaryAndBody(text(object, 'description'), fallback, 300);
    if (!text(object, 'description'))
      approximated.push({ id: object.id, reason: `no description: its summary says only what kind of object it is` });
    const cited = citationsOf(object);
    const updated = dayOf(object['modified'] ?? object['created']);
    entities.set(object.id, {
      stixId: object.id,
      type,
      slug: claim(folder, slug, object.id),
      data: {
        name,
        ...data,
        summary,
        ...(cited.length > 0 ? { sources: cited } : {}),
        ...(updated ? { updated } : {}),
      },
      links: [],
      body,
    });
  };

  /** Names and aliases as the export writes them: a native-script name first among the aliases. */
  const namesOf = (object: StixObject): Record<string, unknown> => {
    const aliases = texts(object, 'aliases').filter((alias) => alias !== text(object, 'name'));
    const native = aliases[0] !== undefined && hasHanzi(aliases[0]) ? aliases[0] : undefined;
    const rest = native ? aliases.slice(1) : aliases;
    return { ...(native ? { native } : {}), ...(rest.length > 0 ? { aliases: rest } : {}) };
  };

  const externalIds = (object: StixObject) =>
    (object.external_references ?? []).filter(catalogueId).map((reference) => ({
      system: CATALOGUES[reference.source_name] ?? reference.source_name,
      id: reference.external_id,
      ...(reference.url ? { url: reference.url } : {}),
    }));

  const identity = (
    object: StixObject,
    kind: IdentityKind,
    value: string,
    name: string,
    extra: Record<string, unknown> = {},
  ) => {
    if (isIndicatorKind(kind)) indicators.push({ kind, value });
    const shown = isIndicatorKind(kind) ? defang(kind, value) : name;
    add(
      object,
      'identities',
      shown,
      { kind, value, ...extra },
      `An online identity (${kind}) named in the STIX bundle.`,
    );
  };

  // Entities first: every link and report needs to know what its ends became.
  for (const object of bundle.objects) {
    const name = text(object, 'name');
    switch (object.type) {
      case 'intrusion-set':
      case 'threat-actor': {
        if (!name) break;
        const firstSeen = dayOf(object['first_seen']);
        add(
          object,
          'actors',
          name,
          {
            ...namesOf(object),
            ...(externalIds(object).length > 0 ? { external_ids: externalIds(object) } : {}),
            ...(firstSeen ? { first_seen: firstSeen } : {}),
          },
          'A threat actor named in the STIX bundle.',
        );
        if (object.type === 'threat-actor')
          approximated.push({
            id: object.id,
            reason: 'a threat-actor becomes an actor, which exports as an intrusion-set',
          });
        continue;
      }
      case 'identity': {
        if (!name) break;
        if (creators.has(object.id) && !referenced.has(object.id)) {
          unmapped.push({
            id: object.id,
            reason: `the bundle's author ("${name}"): named as the reports' author, not made a dossier`,
          });
          continue;
        }
        const individual = text(object, 'identity_class') === 'individual';
        if (individual) {
          const roles = texts(object, 'roles');
          add(object, 'people', name, roles.length > 0 ? { roles } : {}, 'A person named in the STIX bundle.');
        } else {
          add(object, 'companies', name, { kind: 'other' }, 'An organisation named in the STIX bundle.');
          approximated.push({ id: object.id, reason: 'STIX gives no kind of organisation: written as kind "other"' });
        }
        continue;
      }
      case 'location': {
        const label =
          name ??
          [text(object, 'street_address'), text(object, 'city'), text(object, 'country')].filter(Boolean).join(', ');
        if (!label) break;
        const lat = object['latitude'];
        const lon = object['longitude'];
        const precision = object['precision'];
        const point =
          typeof lat === 'number' && typeof lon === 'number'
            ? typeof precision === 'number' && precision > 0
              ? {
                  lat,
                  lon,
                  precision_m: precision,
                  geocode_note: `position and precision as given in the STIX bundle ${options.bundleName}`,
                }
              : undefined
            : {};
        if (point === undefined)
          approximated.push({
            id: object.id,
            reason:
              'latitude and longitude left out: the bundle gives no precision, and casefile never plots a point without its circle',
          });
        add(
          object,
          'locations',
          label,
          {
            address: text(object, 'street_address') ?? label,
            ...(text(object, 'city') ? { city: text(object, 'city') } : {}),
            ...(text(object, 'country') ? { country: text(object, 'country') } : {}),
            ...(point ?? {}),
          },
          'A place named in the STIX bundle.',
        );
        continue;
      }
      case 'malware':
      case 'tool':
      case 'vulnerability': {
        if (!name) break;
        const kind =
          object.type === 'vulnerability'
            ? 'vulnerability'
            : object.type === 'malware'
              ? texts(object, 'malware_types').includes('remote-access-trojan')
                ? 'rat'
                : 'malware'
              : texts(object, 'tool_types').includes('exploitation')
                ? 'exploit'
                : 'other';
        const firstSeen = dayOf(object['first_seen']);
        add(
          object,
          'tools',
          name,
          {
            ...(object.type === 'malware' ? namesOf(object) : {}),
            kind,
            ...(externalIds(object).length > 0 ? { external_ids: externalIds(object) } : {}),
            ...(firstSeen ? { first_seen: firstSeen } : {}),
          },
          `A ${object.type} named in the STIX bundle.`,
        );
        continue;
      }
      case 'domain-name':
      case 'url':
      case 'email-addr': {
        const value = text(object, 'value');
        if (!value) break;
        const kind = object.type === 'domain-name' ? 'domain' : object.type === 'url' ? 'url' : 'email';
        identity(object, kind, value, value);
        continue;
      }
      case 'user-account': {
        const value = text(object, 'account_login') ?? text(object, 'user_id');
        if (!value) break;
        const accountType = text(object, 'account_type') ?? 'other';
        const kind = (IDENTITY_KINDS as readonly string[]).includes(accountType)
          ? (accountType as IdentityKind)
          : 'other';
        if (kind === 'other' && accountType !== 'other')
          approximated.push({
            id: object.id,
            reason: `account type "${accountType}" is not one of casefile's kinds: written as kind "other", platform "${accountType}"`,
          });
        identity(
          object,
          kind,
          value,
          text(object, 'display_name') ?? value,
          kind === 'other' && accountType !== 'other' ? { platform: accountType } : {},
        );
        continue;
      }
      case 'infrastructure': {
        if (!name) break;
        identity(object, 'other', name, name, { platform: 'infrastructure' });
        approximated.push({
          id: object.id,
          reason: 'casefile has no infrastructure type: written as an online identity of kind "other"',
        });
        continue;
      }
      case 'indicator': {
        const match = /^\[(domain-name|url|email-addr):value\s*=\s*'((?:[^'\\]|\\.)*)'\]$/.exec(
          text(object, 'pattern') ?? '',
        );
        if (!match?.[1] || !match[2]) {
          unmapped.push({
            id: object.id,
            reason:
              'only an indicator whose pattern is one domain, URL or email address is imported (as that observable)',
          });
          continue;
        }
        const kind = match[1] === 'domain-name' ? 'domain' : match[1] === 'url' ? 'url' : 'email';
        identity(object, kind, match[2].replace(/\\(.)/g, '$1'), match[2]);
        approximated.push({ id: object.id, reason: `an indicator becomes the ${kind} its pattern names` });
        continue;
      }
      case 'relationship':
      case 'report':
      case 'bundle':
        continue;
      case 'marking-definition':
        unmapped.push({
          id: object.id,
          reason:
            "markings are not carried over and every casefile page is public: check the bundle's TLP before publishing",
        });
        continue;
      default:
        unmapped.push({
          id: object.id,
          reason: `casefile has no ${object.type}: its types are ${ENTITY_TYPES.join(', ')}, reports and sources`,
        });
        continue;
    }
    unmapped.push({ id: object.id, reason: `a ${object.type} without the name or value casefile needs` });
  }

  const known = new Set([...entities.values()].map((entity) => `${entity.type}/${entity.slug}`));

  // Relationships, each in the file of its source end.
  const seen = new Set<string>();
  for (const object of bundle.objects) {
    if (object.type !== 'relationship') continue;
    const from = entities.get(text(object, 'source_ref') ?? '');
    const to = entities.get(text(object, 'target_ref') ?? '');
    if (!from || !to) {
      const missing = !from ? text(object, 'source_ref') : text(object, 'target_ref');
      unmapped.push({
        id: object.id,
        reason: `its ${!from ? 'source' : 'target'} ${missing ?? '(none)'} is not an imported entity`,
      });
      continue;
    }
    if (from === to) {
      unmapped.push({ id: object.id, reason: 'a relationship of an object with itself' });
      continue;
    }
    const stixType = text(object, 'relationship_type') ?? 'related-to';
    const rel = relationFor(stixType, text(object, 'description'), from.type, to.type);
    if (!rel.exact)
      approximated.push({ id: object.id, reason: `relationship_type "${stixType}" read as "${rel.key}"` });
    const key = `${from.type}/${from.slug}>${rel.key}>${to.type}/${to.slug}`;
    if (seen.has(key)) {
      unmapped.push({
        id: object.id,
        reason: `a second ${rel.key} between the same two entities: casefile keeps one (the first)`,
      });
      continue;
    }
    seen.add(key);
    const number = object['confidence'];
    let confidence: Confidence;
    if (typeof number === 'number') confidence = gradeOf(number);
    else {
      confidence = 'unverified';
      approximated.push({ id: object.id, reason: 'no confidence given: graded unverified' });
    }
    let cited = citationsOf(object);
    if (cited.length === 0) {
      cited = [bundleSource()];
      approximated.push({ id: object.id, reason: 'cites no document: its source is the bundle itself' });
    }
    const described = noteOf(text(object, 'description'), rel.key, rel.exact ? undefined : stixType);
    const note = described === undefined ? undefined : plainProse(described, known, `${from.type}/${from.slug}`);
    const since = dayOf(object['start_time']);
    const until = dayOf(object['stop_time']);
    from.links.push({
      rel: rel.key,
      to: `${to.type}/${to.slug}`,
      confidence,
      sources: cited,
      ...(note ? { note } : {}),
      ...(since ? { since } : {}),
      ...(until ? { until } : {}),
    });
  }

  // Reports: their text names what they refer to, so the case's mentions rebuild their object_refs.
  const reports: ImportedFile[] = [];
  for (const object of bundle.objects) {
    if (object.type !== 'report') continue;
    const title = text(object, 'name');
    const date = dayOf(object['published']);
    if (!title || !date) {
      unmapped.push({ id: object.id, reason: 'a report needs a name and a published date' });
      continue;
    }
    const slug = claim('reports', dossierSlug(object, 'reports') ?? slugOf(title), object.id);
    const refs = texts(object, 'object_refs')
      .map((ref) => entities.get(ref))
      .filter((entity): entity is EntityDraft => entity !== undefined);
    const { summary, body } = summaryAndBody(
      text(object, 'description'),
      `A report from the STIX bundle ${options.bundleName}.`,
      400,
    );
    const cited = citationsOf(object);
    const updated = dayOf(object['modified'] ?? object['created']);
    const lines = refs.map((entity) => `- [[${entity.type}/${entity.slug}]]`);
    reports.push(
      file(
        `reports/${slug}.md`,
        {
          title,
          date,
          author: authorOf(object) ?? 'unknown',
          summary,
          ...(cited.length > 0 ? { sources: cited } : {}),
          ...(updated && updated !== date ? { updated } : {}),
        },
        [plainProse(body, known), lines.length > 0 ? `What this report covers:\n\n${lines.join('\n')}` : '']
          .filter(Boolean)
          .join('\n\n'),
      ),
    );
  }

  // An entity no relationship or report reaches would be unreachable on the site (the build refuses
  // that): one report of the import lists them, so each has a way in until the author links it.
  const linked = new Set<string>();
  for (const entity of entities.values()) {
    if (entity.links.length > 0) linked.add(`${entity.type}/${entity.slug}`);
    for (const link of entity.links) linked.add(String(link['to']));
  }
  const reached = new Set(linked);
  for (const report of reports)
    for (const match of report.text.matchAll(/\[\[([a-z]+\/[a-z0-9-]+)\]\]/g)) reached.add(match[1] ?? '');
  const orphans = [...entities.values()].filter((entity) => !reached.has(`${entity.type}/${entity.slug}`));
  if (orphans.length > 0) {
    const dates = bundle.objects
      .map((object) => dayOf(object['modified'] ?? object['created']))
      .filter((day) => day !== undefined);
    const slug = claim('reports', slugOf(`imported from ${options.bundleName.replace(/\.json$/i, '')}`), 'x--orphans');
    reports.push(
      file(
        `reports/${slug}.md`,
        {
          title: `Imported from ${options.bundleName}`,
          date: dates.sort().at(-1) ?? '1970-01-01',
          author: authorOf(bundle.objects.find((object) => authorOf(object)) ?? { type: '', id: '' }) ?? 'unknown',
          summary: `Entries of the STIX bundle ${options.bundleName} that no relationship or report of it reaches.`,
          sources: [bundleSource()],
        },
        `No relationship or report of the bundle reaches these entries; link them, then remove this report:\n\n${orphans
          .map((entity) => `- [[${entity.type}/${entity.slug}]]`)
          .join('\n')}`,
      ),
    );
  }

  // An entry must rest on a source, its own or a relationship's: one that has neither rests on the bundle.
  for (const entity of entities.values()) {
    const cited = entity.data['sources'];
    if ((Array.isArray(cited) && cited.length > 0) || linked.has(`${entity.type}/${entity.slug}`)) continue;
    entity.data['sources'] = [bundleSource()];
    approximated.push({
      id: entity.stixId,
      reason: 'cites no document and has no relationship: its source is the bundle itself',
    });
  }

  const files: ImportedFile[] = [...reports];
  for (const entity of entities.values()) {
    files.push(
      file(
        `${entity.type}/${entity.slug}.md`,
        { ...entity.data, ...(entity.links.length > 0 ? { links: entity.links } : {}) },
        plainProse(entity.body, known, `${entity.type}/${entity.slug}`),
      ),
    );
  }
  for (const source of sources.values()) files.push(file(`sources/${source.slug}.md`, source.data, ''));
  const named = namedIndicators(indicators);
  const safe = files.map((entry) => ({ path: entry.path, text: defangIndicators(entry.text, named) }));
  safe.sort((a, b) => a.path.localeCompare(b.path));
  return { files: safe, unmapped, approximated };
}

/** True for a catalogue entry (an ATT&CK or CVE id, or any id given without a description) rather than a document. */
function catalogueId(reference: ExternalReference): reference is ExternalReference & { external_id: string } {
  return (
    reference.external_id !== undefined &&
    (reference.description === undefined || Object.hasOwn(CATALOGUES, reference.source_name))
  );
}

/** A Markdown file with YAML frontmatter. */
function file(filePath: string, data: Record<string, unknown>, body: string): ImportedFile {
  const yaml = stringify(data, { lineWidth: 0, defaultKeyType: 'PLAIN' });
  return { path: filePath, text: `---\n${yaml}---\n${body}${body ? '\n' : ''}` };
}
