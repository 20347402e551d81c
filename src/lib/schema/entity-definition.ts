import type { z } from 'astro/zod';
import type { AddFact } from '../fact-rows.ts';
import type { StixMapping } from '../stix/objects.ts';

/**
 * What an entity type must say about itself beyond its fields, in its own file beside its schema:
 * the rows of its facts card, its few words on index cards, the other strings search finds it by,
 * its schema.org type and its STIX object. `schema/index.ts` lists every type's definition keyed by
 * type, so a type without one does not compile.
 */

/** An entity's frontmatter as the case model holds it (images are rendered from the page's entry). */
export type EntityFields<B extends (...args: never[]) => z.ZodType> = Omit<z.output<ReturnType<B>>, 'images'>;

/** Everything a type with frontmatter `D` says about itself, besides its schema. */
export interface EntityDefinition<D> {
  /** Adds the rows of the dossier's facts card, in the order they show. */
  facts: (data: D, add: AddFact) => void;
  /** What the entity is in the case, in a few words, for index cards: roles, kind, platform. */
  role: (data: D) => string | undefined;
  /** Strings besides its names and aliases that search finds it by: addresses, values, catalogue ids. */
  alsoKnownAs: (data: D) => string[];
  /** Its schema.org type in the dossier's JSON-LD. */
  schemaOrgType: string;
  /** How it is written as STIX 2.1. */
  stix: StixMapping<D>;
}
