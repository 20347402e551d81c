import type { AnyEntity, CaseModel, Relation, Report } from './case.ts';
import { partialDateStart, type PartialDate } from './dates.ts';
import { entryPath } from './paths.ts';
import type { Citation } from './citations.ts';
import { CONFIDENCE_INFO } from './schema/confidence.ts';
import { RELATIONS, isRelationKey, relationInfo } from './schema/relations.ts';
import { v5 as uuidV5 } from 'uuid';

/**
 * The case as STIX 2.1, the format threat-intelligence tools (OpenCTI, MISP) exchange: actors
 * become intrusion sets, people and organisations identities, places locations, tools malware,
 * tools or vulnerabilities, online identities cyber observables, and every typed relationship a
 * `relationship` with its confidence (0–100) and its sources as external references.
 *
 * Ids are name-based UUIDs from what an object is (an entity's id; a relationship's
 * `from>rel>to`), never from its position in a file, so an object keeps its STIX id across builds
 * and edits. Timestamps come from the content, never from the build clock: `created` is the start
 * of the day the entry is dated (its `updated`, else the newest date in the case), and `modified`
 * a moment within that day derived from a hash of the object's content, so it changes whenever the
 * object does, and a build of the same content writes the same bytes. A platform keeps the version
 * with the latest `modified`: an author who bumps `updated` when editing makes the new version
 * later than every earlier one. Observables carry their plain values: tools need them; pages show
 * them defanged.
 */

/** casefile's namespace for the ids of objects it describes (a fixed, random v4 UUID). */
const CASEFILE_NAMESPACE = '5b0e8a3e-2f5c-4f4e-9d0c-7a61c1f0b4d2';

/** The namespace STIX 2.1 fixes for the deterministic ids of cyber observables (§2.9). */
const STIX_SCO_NAMESPACE = '00abedb4-aa42-466c-9c01-fed23315a9b7';

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

/** A STIX timestamp at the start of a partial date; the Unix epoch for a case with no dates at all. */
function timestamp(date: PartialDate | undefined): string {
  return date === undefined ? '1970-01-01T00:00:00.000Z' : partialDateStart(date);
}

/** Milliseconds in a day: `modified` falls within the day of `created`. */
const DAY_MS = 86_400_000;

/** JSON with every object's keys sorted, so equal content hashes the same. */
function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .sort()
      .filter((key) => record[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${sortedJson(record[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A moment within the day starting at `created`, derived from the content of an object. */
export function versionStamp(created: string, content: unknown): string {
  // A UUIDv5's first 32 bits are the first 32 bits of the SHA-1 of its namespace and name.
  const offset = Number.parseInt(uuidV5(sortedJson(content), CASEFILE_NAMESPACE).slice(0, 8), 16);
  return new Date(Date.parse(created) + (offset % DAY_MS)).toISOString();
}

/** The newest date in the case: the time of objects whose entry gives none of its own. */
function caseDate(model: CaseModel): PartialDate | undefined {
  let newest: PartialDate | undefined;
  const consider = (date: PartialDate | undefined) => {
    if (date !== undefined && (newest === undefined || partialDateStart(date) > partialDateStart(newest)))
      newest = date;
  };
  for (const entry of model.entries.values()) {
    if (entry.kind === 'source') consider(entry.data.date);
    else consider(entry.data.updated);
    if (entry.kind === 'report') consider(entry.date);
  }
  return newest;
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

/** Builds STIX objects for one case; caches ids so each is hashed once. */
class StixWriter {
  readonly #model: CaseModel;
  readonly #options: StixOptions;
  readonly #ids = new Map<string, Promise<string>>();
  readonly #caseDate: PartialDate | undefined;
  readonly #publisherId: string;

  private constructor(model: CaseModel, options: StixOptions, publisherId: string) {
    this.#model = model;
    this.#options = options;
    this.#caseDate = caseDate(model);
    this.#publisherId = publisherId;
  }

  /** A writer for one case and publisher. */
  static create(model: CaseModel, options: StixOptions): Promise<StixWriter> {
    const publisherId = `identity--${uuidV5(`publisher:${options.publisher}`, CASEFILE_NAMESPACE)}`;
    return Promise.resolve(new StixWriter(model, options, publisherId));
  }

  /** The publisher's identity, which every other object names as its creator. */
  publisher(): StixObject {
    return this.#stamped(
      {
        type: 'identity',
        spec_version: '2.1',
        id: this.#publisherId,
        name: this.#options.publisher,
        identity_class: 'organization',
      },
      undefined,
      false,
    );
  }

  /**
   * An object with its creator and timestamps: `created` at the start of the day it is dated,
   * `modified` within that day, from the rest of its content.
   */
  #stamped(object: StixObject, time: PartialDate | undefined, byPublisher = true): StixObject {
    const created = timestamp(time ?? this.#caseDate);
    const { type, spec_version, id, ...rest } = object;
    const creator = byPublisher ? { created_by_ref: this.#publisherId } : {};
    const modified = versionStamp(created, { ...object, ...creator });
    return { type, spec_version, id, ...creator, created, modified, ...rest };
  }

  /** The STIX id of an entity, relation or report, by its casefile id or key. */
  async idOf(id: string): Promise<string> {
    let pending = this.#ids.get(id);
    if (!pending) {
      pending = this.#computeId(id);
      this.#ids.set(id, pending);
    }
    return pending;
  }

  #computeId(id: string): Promise<string> {
    return Promise.resolve(this.#computeIdNow(id));
  }

  #computeIdNow(id: string): string {
    const entry = this.#model.get(id);
    if (entry?.kind === 'entity') {
      if (entry.type === 'identities') {
        const sco = observableOf(entry);
        return `${sco.type}--${uuidV5(canonicalJson(sco.key), STIX_SCO_NAMESPACE)}`;
      }
      return `${stixTypeOf(entry)}--${uuidV5(id, CASEFILE_NAMESPACE)}`;
    }
    if (entry?.kind === 'report') return `report--${uuidV5(id, CASEFILE_NAMESPACE)}`;
    return this.#relationIdNow(id);
  }

  /**
   * A relationship's id, from the STIX ids of its ends and its relation (`from>rel>to`, ends sorted
   * for a symmetric relation), not from the ends' slugs: an online identity's id comes from its
   * value, which a STIX round trip keeps, while its slug is not in the bundle, so an import names
   * it anew. From slugs, every relationship at an identity got another id after the round trip.
   */
  #relationIdNow(key: string): string {
    const [from, rel, to, ...rest] = key.split('>');
    if (from === undefined || rel === undefined || to === undefined || rest.length > 0 || !isRelationKey(rel)) {
      return `relationship--${uuidV5(`relation:${key}`, CASEFILE_NAMESPACE)}`;
    }
    const ends = [this.#computeIdNow(from), this.#computeIdNow(to)];
    if (relationInfo(rel).symmetric) ends.sort();
    return `relationship--${uuidV5(`relation:${ends.join(`>${rel}>`)}`, CASEFILE_NAMESPACE)}`;
  }

  #dossierReference(id: string): ExternalReference {
    const base = this.#options.siteUrl.replace(/\/$/, '');
    return { source_name: this.#options.publisher, description: 'casefile dossier', url: `${base}${entryPath(id)}` };
  }

  #sourceReferences(citations: readonly Citation[]): ExternalReference[] {
    const references: ExternalReference[] = [];
    for (const citation of citations) {
      const source = this.#model.get(`sources/${citation.source}`);
      if (source?.kind !== 'source') continue;
      const date = source.data.date === undefined ? '' : `, ${source.data.date}`;
      // The passage and where it sits travel with the reference, so an analyst sees what the claim rests on.
      const where = citation.locator ? ` (${citation.locator})` : '';
      const passage = citation.quote ? `: “${citation.quote}”${where}` : where;
      references.push({
        source_name: source.data.publisher,
        description: `${source.data.title}${date}${passage}`,
        ...(source.data.url ? { url: source.data.url } : {}),
      });
    }
    return references;
  }

  /** The STIX object of an entity. */
  async entity(entity: AnyEntity): Promise<StixObject> {
    const id = await this.idOf(entity.id);
    if (entity.type === 'identities') {
      const sco = observableOf(entity);
      return { type: sco.type, spec_version: '2.1', id, ...sco.key, ...sco.extra };
    }
    const references = [this.#dossierReference(entity.id), ...this.#sourceReferences(entity.data.sources)];
    const aliases = entity.aliases.map((alias) => alias.name);
    const names = entity.native && entity.native !== entity.name ? [entity.native, ...aliases] : aliases;
    const base = {
      type: stixTypeOf(entity),
      spec_version: '2.1' as const,
      id,
      name: entity.name,
      description: entity.summary,
    };
    return this.#stamped(this.#entityObject(entity, base, names, references), entity.data.updated);
  }

  #entityObject(
    entity: Exclude<AnyEntity, { type: 'identities' }>,
    base: StixObject,
    names: string[],
    references: ExternalReference[],
  ): StixObject {
    switch (entity.type) {
      case 'actors':
        return {
          ...base,
          ...(names.length > 0 ? { aliases: names } : {}),
          ...(entity.data.first_seen ? { first_seen: timestamp(entity.data.first_seen) } : {}),
          external_references: [...catalogueReferences(entity.data.external_ids), ...references],
        };
      case 'people':
      case 'companies':
        return {
          ...base,
          identity_class: entity.type === 'people' ? 'individual' : 'organization',
          ...(entity.type === 'people' && entity.data.roles.length > 0 ? { roles: entity.data.roles } : {}),
          external_references: references,
        };
      case 'locations': {
        const data = entity.data;
        const country = data.country === undefined ? undefined : countryCode(data.country);
        return {
          ...base,
          ...(data.lat !== undefined && data.lon !== undefined
            ? { latitude: data.lat, longitude: data.lon, precision: data.precision_m }
            : {}),
          street_address: data.address,
          ...(data.city ? { city: data.city } : {}),
          ...(country ? { country } : {}),
          ...(data.lat === undefined && !country ? { region: 'eastern-asia' } : {}),
          external_references: references,
        };
      }
      case 'tools':
        return {
          ...base,
          ...(entity.data.kind === 'rat' || entity.data.kind === 'malware'
            ? { is_family: true, ...(names.length > 0 ? { aliases: names } : {}) }
            : {}),
          ...(entity.data.kind === 'exploit' ? { tool_types: ['exploitation'] } : {}),
          ...(entity.data.first_seen && (entity.data.kind === 'rat' || entity.data.kind === 'malware')
            ? { first_seen: timestamp(entity.data.first_seen) }
            : {}),
          external_references: [...catalogueReferences(entity.data.external_ids), ...references],
        };
    }
  }

  /** The STIX relationship of a typed relation, dated like the entry that declares it. */
  async relation(relation: Relation): Promise<StixObject> {
    const info = RELATIONS[relation.rel];
    const note = relation.note ? `: ${relation.note}` : '';
    const declaring = this.#model.entity(relation.from);
    return this.#stamped(
      {
        type: 'relationship',
        spec_version: '2.1',
        id: await this.idOf(relation.key),
        relationship_type: info.stix,
        description: `${info.forward} (${CONFIDENCE_INFO[relation.confidence].label})${note}`,
        source_ref: await this.idOf(relation.from),
        target_ref: await this.idOf(relation.to),
        confidence: CONFIDENCE_INFO[relation.confidence].stix,
        ...(relation.since ? { start_time: timestamp(relation.since) } : {}),
        ...(relation.until ? { stop_time: timestamp(relation.until) } : {}),
        external_references: this.#sourceReferences(relation.sources),
      },
      declaring?.data.updated,
    );
  }

  /** The STIX report of a narrative, pointing at the entities it discusses and their relationships. */
  async report(report: Report, objectIds: readonly string[]): Promise<StixObject> {
    return this.#stamped(
      {
        type: 'report',
        spec_version: '2.1',
        id: await this.idOf(report.id),
        name: report.name,
        description: report.summary,
        published: timestamp(report.date),
        report_types: ['threat-report'],
        object_refs: objectIds,
        external_references: [this.#dossierReference(report.id), ...this.#sourceReferences(report.data.sources)],
      },
      report.data.updated ?? report.date,
    );
  }
}

/** The STIX domain-object type of an entity that is not an observable. */
function stixTypeOf(entity: Exclude<AnyEntity, { type: 'identities' }>): string {
  switch (entity.type) {
    case 'actors':
      return 'intrusion-set';
    case 'people':
    case 'companies':
      return 'identity';
    case 'locations':
      return 'location';
    case 'tools':
      if (entity.data.kind === 'rat' || entity.data.kind === 'malware') return 'malware';
      if (entity.data.kind === 'vulnerability') return 'vulnerability';
      return 'tool';
  }
}

/** How an online identity is expressed as a cyber observable: its id-contributing key and the rest. */
interface Observable {
  type: string;
  key: Record<string, string>;
  extra: Record<string, unknown>;
}

/** The observable of an online identity. */
function observableOf(entity: Extract<AnyEntity, { type: 'identities' }>): Observable {
  const { kind, value } = entity.data;
  switch (kind) {
    case 'domain':
    case 'website':
      return { type: 'domain-name', key: { value }, extra: {} };
    case 'url':
      return { type: 'url', key: { value }, extra: {} };
    case 'email':
      return { type: 'email-addr', key: { value }, extra: {} };
    default:
      // Handles, QQ numbers, nicknames and accounts: a user account on its platform.
      return {
        type: 'user-account',
        key: { account_type: kind, account_login: value },
        extra: { display_name: entity.native ?? entity.name },
      };
  }
}

/** JSON with keys sorted, as STIX's id derivation (RFC 8785 for these flat string objects) needs. */
function canonicalJson(object: Record<string, string>): string {
  return `{${Object.keys(object)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${JSON.stringify(object[key])}`)
    .join(',')}}`;
}

/** External references for catalogue ids (MITRE ATT&CK, CVE). */
function catalogueReferences(
  ids: readonly { system: string; id: string; url?: string | undefined }[],
): ExternalReference[] {
  return ids.map((entry) => ({
    source_name: /att&?ck/i.test(entry.system) ? 'mitre-attack' : entry.system.toLowerCase(),
    external_id: entry.id,
    ...(entry.url ? { url: entry.url } : {}),
  }));
}

const writers = new WeakMap<CaseModel, Map<string, Promise<StixWriter>>>();

/**
 * One writer per case and options, shared by every bundle of a build: each entity's id is then
 * hashed once, not once in its own bundle and again in each neighbour's.
 */
function writerFor(model: CaseModel, options: StixOptions): Promise<StixWriter> {
  let byOptions = writers.get(model);
  if (!byOptions) {
    byOptions = new Map();
    writers.set(model, byOptions);
  }
  const key = `${options.siteUrl}\n${options.publisher}`;
  let writer = byOptions.get(key);
  if (!writer) {
    writer = StixWriter.create(model, options);
    byOptions.set(key, writer);
  }
  return writer;
}

/** Builds a bundle of the given entities, the relations between them and, optionally, reports. */
async function bundle(
  writer: StixWriter,
  bundleName: string,
  entities: readonly AnyEntity[],
  relations: readonly Relation[],
  reports: readonly { report: Report; ids: readonly string[] }[],
): Promise<StixBundle> {
  const objects: StixObject[] = [writer.publisher()];
  for (const entity of entities) objects.push(await writer.entity(entity));
  for (const relation of relations) objects.push(await writer.relation(relation));
  for (const { report, ids } of reports) {
    const refs = await Promise.all(ids.map((id) => writer.idOf(id)));
    if (refs.length > 0) objects.push(await writer.report(report, refs));
  }
  return { type: 'bundle', id: `bundle--${uuidV5(`bundle:${bundleName}`, CASEFILE_NAMESPACE)}`, objects };
}

/** The whole published case as one STIX 2.1 bundle. */
export async function caseBundle(model: CaseModel, options: StixOptions): Promise<StixBundle> {
  const writer = await writerFor(model, options);
  const reports = model.reports.map((report) => {
    const entities = new Set(model.mentionsFrom(report.id).filter((id) => model.entity(id)));
    const relations = model.relations.filter((relation) => entities.has(relation.from) && entities.has(relation.to));
    return { report, ids: [...entities, ...relations.map((relation) => relation.key)] };
  });
  return bundle(writer, 'case', model.entities, model.relations, reports);
}

/** One entity, its neighbours and the relationships between them, as a STIX 2.1 bundle. */
export async function entityBundle(model: CaseModel, id: string, options: StixOptions): Promise<StixBundle> {
  const entity = model.entity(id);
  if (!entity) throw new Error(`no published entity ${id}`);
  const writer = await writerFor(model, options);
  const views = model.relationViews(id);
  const neighbours = [...new Set(views.map((view) => view.other))]
    .map((other) => model.entity(other))
    .filter((other): other is AnyEntity => other !== undefined);
  return bundle(
    writer,
    id,
    [entity, ...neighbours],
    views.map((view) => view.relation),
    [],
  );
}
