import { stixBundleSchema, type ImportedFile, type ImportOptions, type StixImport } from './bundle.ts';
import { ImportDraft } from './draft.ts';
import { importEntities } from './entities.ts';
import { markdownFile } from './markdown.ts';
import { defangIndicators, namedIndicators, plainProse } from './prose.ts';
import { importRelationships } from './relationships.ts';
import { importReports, orphansReport } from './reports.ts';
import { bundleSource } from './sources.ts';

/**
 * The import's stages in order: entities first (every link and report needs to know what its ends
 * became), then relationships, reports, the report of entries nothing reaches, a source for entries
 * that rest on nothing, and the files, with every indicator of the bundle defanged.
 */

/** Turns a STIX bundle into the files of a case, and lists what it could not carry. */
export function importStixBundle(input: unknown, options: ImportOptions): StixImport {
  const draft = new ImportDraft(stixBundleSchema.parse(input).objects, options);
  importEntities(draft);
  const known = draft.known();
  importRelationships(draft, known);
  const reports = importReports(draft, known);

  const linked = new Set<string>();
  for (const entity of draft.entities.values()) {
    if (entity.links.length > 0) linked.add(`${entity.type}/${entity.slug}`);
    for (const link of entity.links) linked.add(String(link['to']));
  }
  const orphans = orphansReport(draft, reports, linked);
  if (orphans) reports.push(orphans);

  // An entry must rest on a source, its own or a relationship's: one that has neither rests on the bundle.
  for (const entity of draft.entities.values()) {
    const cited = entity.data['sources'];
    if ((Array.isArray(cited) && cited.length > 0) || linked.has(`${entity.type}/${entity.slug}`)) continue;
    entity.data['sources'] = [bundleSource(draft)];
    draft.approximated.push({
      id: entity.stixId,
      reason: 'cites no document and has no relationship: its source is the bundle itself',
    });
  }

  const files: ImportedFile[] = [...reports];
  for (const entity of draft.entities.values()) {
    files.push(
      markdownFile(
        `${entity.type}/${entity.slug}.md`,
        { ...entity.data, ...(entity.links.length > 0 ? { links: entity.links } : {}) },
        plainProse(entity.body, known, `${entity.type}/${entity.slug}`),
      ),
    );
  }
  for (const source of draft.sources.values()) files.push(markdownFile(`sources/${source.slug}.md`, source.data, ''));
  const named = namedIndicators(draft.indicators);
  const safe = files.map((entry) => ({ path: entry.path, text: defangIndicators(entry.text, named) }));
  safe.sort((a, b) => a.path.localeCompare(b.path));
  return { files: safe, unmapped: draft.unmapped, approximated: draft.approximated };
}
