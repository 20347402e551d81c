/**
 * A STIX 2.1 bundle (from OpenCTI, MISP, or casefile's own export) turned into a case folder: one
 * Markdown dossier per entity, a source per cited document, a report per STIX report, and every
 * relationship a graded, sourced link in the file of its source end. It inverts `stix.ts`: the
 * casefile dossier reference gives an object back its slug, a relationship's description its exact
 * relation, its `confidence` number its grade, and each external reference its source (with the
 * passage and locator the export wrote). What casefile cannot hold is listed with the object's id
 * and the reason, never dropped silently.
 *
 * The rooms, in stix-import/: bundle.ts (the bundle read and validated), draft.ts (the case as it
 * takes shape), entities.ts (mapping per STIX type), relationships.ts and relations.ts (links and
 * their grades), sources.ts (external references as sources), reports.ts, prose.ts (text made safe),
 * markdown.ts (the files), index.ts (the stages in order).
 */
export { importStixBundle } from './stix-import/index.ts';
export { stixBundleSchema } from './stix-import/bundle.ts';
export type { ImportedFile, ImportNote, ImportOptions, StixImport } from './stix-import/bundle.ts';
