import { z } from 'astro/zod';
import { parsePartialDate } from '../dates.ts';

/**
 * Reading a STIX bundle: the shape the import accepts (a bundle of typed objects with ids, the rest
 * read field by field), the field readers that tolerate whatever a producer wrote, and the shapes of
 * what an import hands back.
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

/** A STIX object of the bundle being imported. */
export type ImportedObject = z.infer<typeof stixObject>;

/** One of an object's external references. */
export type ExternalReference = z.infer<typeof externalReference>;

/** A citation as a link or entry writes it. */
export type Citation = string | { source: string; quote?: string; locator?: string };

/** A reference an export writes to the entry's own page, which gives the import back its slug. */
export const DOSSIER_DESCRIPTION = 'casefile dossier';

/** The date part of a STIX timestamp, as a casefile date (YYYY-MM-DD). */
export function dayOf(timestamp: unknown): string | undefined {
  if (typeof timestamp !== 'string') return undefined;
  return parsePartialDate(timestamp.slice(0, 10));
}

/** A string property of an object, when it is one. */
export function text(object: ImportedObject, key: string): string | undefined {
  const value = object[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** A list-of-strings property of an object. */
export function texts(object: ImportedObject, key: string): string[] {
  const value = object[key];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item !== '') : [];
}
