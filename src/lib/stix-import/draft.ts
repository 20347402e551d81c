import { defang } from '../defang.ts';
import type { EntityType } from '../schema/entity-types.ts';
import { SLUG_PATTERN } from '../schema/fields.ts';
import { isIndicatorKind, type IdentityKind } from '../schema/identities.ts';
import { slugOf } from '../slug.ts';
import {
  dayOf,
  DOSSIER_DESCRIPTION,
  text,
  type ImportedObject,
  type ImportNote,
  type ImportOptions,
} from './bundle.ts';
import { summaryAndBody } from './prose.ts';
import { citationsOf } from './sources.ts';

/**
 * The case as it takes shape during an import: the entities and sources gathered so far, the slugs
 * taken in each folder, the indicators to defang, and the notes of what was left out or assumed.
 * Every stage of the import (entities, relationships, reports) adds to one draft.
 */

/** A source document gathered from external references. */
export interface SourceDraft {
  /** Its slug under sources/. */
  slug: string;
  /** Its frontmatter. */
  data: Record<string, unknown>;
}

/** An entity on its way to a file. */
export interface EntityDraft {
  /** The STIX id it comes from. */
  stixId: string;
  /** Its collection. */
  type: EntityType;
  /** Its slug in that collection. */
  slug: string;
  /** Its frontmatter, without links. */
  data: Record<string, unknown>;
  /** Its typed links, in the order the bundle gives the relationships. */
  links: Record<string, unknown>[];
  /** Its Markdown body. */
  body: string;
}

/** The case an import is building. */
export class ImportDraft {
  /** The bundle's objects, in its order. */
  readonly objects: readonly ImportedObject[];
  /** The import's settings. */
  readonly options: ImportOptions;
  /** Entities by the STIX id they come from. */
  readonly entities = new Map<string, EntityDraft>();
  /** Sources by their address (or publisher and title when they have none). */
  readonly sources = new Map<string, SourceDraft>();
  /** Indicator values seen, defanged in every file at the end. */
  readonly indicators: { kind: 'domain' | 'url' | 'email'; value: string }[] = [];
  /** Objects left out, with why. */
  readonly unmapped: ImportNote[] = [];
  /** Objects carried over with something lost or assumed. */
  readonly approximated: ImportNote[] = [];
  readonly #byId: Map<string, ImportedObject>;
  readonly #usedSlugs = new Map<string, Set<string>>();

  constructor(objects: readonly ImportedObject[], options: ImportOptions) {
    this.objects = objects;
    this.options = options;
    this.#byId = new Map(objects.map((object) => [object.id, object]));
  }

  /** A slug not yet taken in the folder; the wanted one when free. */
  claim(folder: string, wanted: string, stixId: string): string {
    const taken = this.#usedSlugs.get(folder) ?? new Set<string>();
    this.#usedSlugs.set(folder, taken);
    // A name of hanzi only has no ASCII slug: the object's id gives it one.
    const base = SLUG_PATTERN.test(wanted)
      ? wanted
      : `${folder.replace(/s$/, '')}-${stixId.split('--')[1]?.slice(0, 8) ?? 'x'}`;
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    return slug;
  }

  /** The name of the identity that created an object, when the bundle holds it. */
  authorOf(object: ImportedObject): string | undefined {
    const creator = this.#byId.get(text(object, 'created_by_ref') ?? '');
    return creator ? text(creator, 'name') : undefined;
  }

  /** The name of the first creator the bundle names: the author of what it says without a document. */
  bundleAuthor(): string | undefined {
    const authored = this.objects.find((object) => this.authorOf(object));
    return authored ? this.authorOf(authored) : undefined;
  }

  /** The slug an export's dossier reference gives the object, when it carries one for this type. */
  dossierSlug(object: ImportedObject, folder: string): string | undefined {
    for (const reference of object.external_references ?? []) {
      if (reference.description !== DOSSIER_DESCRIPTION || !reference.url) continue;
      if (!URL.canParse(reference.url)) continue;
      const parts = new URL(reference.url).pathname.split('/').filter(Boolean);
      const [type, slug] = parts.slice(-2);
      if (type === folder && slug && SLUG_PATTERN.test(slug)) return slug;
    }
    return undefined;
  }

  /** Adds an entity of the given type; `fallback` is its summary when the object has no description. */
  add(object: ImportedObject, type: EntityType, name: string, data: Record<string, unknown>, fallback: string): void {
    const slug = this.dossierSlug(object, type) ?? slugOf(name);
    const { summary, body } = summaryAndBody(text(object, 'description'), fallback, 300);
    if (!text(object, 'description'))
      this.approximated.push({
        id: object.id,
        reason: `no description: its summary says only what kind of object it is`,
      });
    const cited = citationsOf(this, object);
    const updated = dayOf(object['modified'] ?? object['created']);
    this.entities.set(object.id, {
      stixId: object.id,
      type,
      slug: this.claim(type, slug, object.id),
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
  }

  /** Adds an online identity; an indicator is named by its defanged value and defanged everywhere. */
  identity(
    object: ImportedObject,
    kind: IdentityKind,
    value: string,
    name: string,
    extra: Record<string, unknown> = {},
  ): void {
    if (isIndicatorKind(kind)) this.indicators.push({ kind, value });
    const shown = isIndicatorKind(kind) ? defang(kind, value) : name;
    this.add(
      object,
      'identities',
      shown,
      { kind, value, ...extra },
      `An online identity (${kind}) named in the STIX bundle.`,
    );
  }

  /** Ids of the entities written so far, `type/slug`: the wikilinks prose may keep. */
  known(): Set<string> {
    return new Set([...this.entities.values()].map((entity) => `${entity.type}/${entity.slug}`));
  }
}
