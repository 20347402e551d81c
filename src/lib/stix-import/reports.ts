import { slugOf } from '../slug.ts';
import { dayOf, text, texts, type ImportedFile } from './bundle.ts';
import type { EntityDraft, ImportDraft } from './draft.ts';
import { markdownFile } from './markdown.ts';
import { plainProse, summaryAndBody } from './prose.ts';
import { bundleSource, citationsOf } from './sources.ts';

/**
 * STIX reports as casefile reports, their text naming what they refer to so the case's mentions
 * rebuild their object_refs; and the one report of the import that lists the entries nothing else
 * reaches, so each has a way in until the author links it.
 */

/** The list of wikilinks to some entities, one a line. */
function linkList(entities: readonly EntityDraft[]): string {
  return entities.map((entity) => `- [[${entity.type}/${entity.slug}]]`).join('\n');
}

/** The bundle's reports as report files; `known` are the entity ids written. */
export function importReports(draft: ImportDraft, known: ReadonlySet<string>): ImportedFile[] {
  const { bundleName } = draft.options;
  const reports: ImportedFile[] = [];
  for (const object of draft.objects) {
    if (object.type !== 'report') continue;
    const title = text(object, 'name');
    const date = dayOf(object['published']);
    if (!title || !date) {
      draft.unmapped.push({ id: object.id, reason: 'a report needs a name and a published date' });
      continue;
    }
    const slug = draft.claim('reports', draft.dossierSlug(object, 'reports') ?? slugOf(title), object.id);
    const refs = texts(object, 'object_refs')
      .map((ref) => draft.entities.get(ref))
      .filter((entity): entity is EntityDraft => entity !== undefined);
    const { summary, body } = summaryAndBody(
      text(object, 'description'),
      `A report from the STIX bundle ${bundleName}.`,
      400,
    );
    const cited = citationsOf(draft, object);
    const updated = dayOf(object['modified'] ?? object['created']);
    const lines = linkList(refs);
    reports.push(
      markdownFile(
        `reports/${slug}.md`,
        {
          title,
          date,
          author: draft.authorOf(object) ?? 'unknown',
          summary,
          ...(cited.length > 0 ? { sources: cited } : {}),
          ...(updated && updated !== date ? { updated } : {}),
        },
        [plainProse(body, known), lines ? `What this report covers:\n\n${lines}` : ''].filter(Boolean).join('\n\n'),
      ),
    );
  }
  return reports;
}

/**
 * The report listing entities no relationship or report reaches (the build refuses an unreachable
 * entry), or undefined when every entity is reached. `linked` are the ids of entities with a link.
 */
export function orphansReport(
  draft: ImportDraft,
  reports: readonly ImportedFile[],
  linked: ReadonlySet<string>,
): ImportedFile | undefined {
  const { bundleName } = draft.options;
  const reached = new Set(linked);
  for (const report of reports)
    for (const match of report.text.matchAll(/\[\[([a-z]+\/[a-z0-9-]+)\]\]/g)) reached.add(match[1] ?? '');
  const orphans = [...draft.entities.values()].filter((entity) => !reached.has(`${entity.type}/${entity.slug}`));
  if (orphans.length === 0) return undefined;
  const dates = draft.objects
    .map((object) => dayOf(object['modified'] ?? object['created']))
    .filter((day) => day !== undefined);
  const slug = draft.claim('reports', slugOf(`imported from ${bundleName.replace(/\.json$/i, '')}`), 'x--orphans');
  return markdownFile(
    `reports/${slug}.md`,
    {
      title: `Imported from ${bundleName}`,
      date: dates.sort().at(-1) ?? '1970-01-01',
      author: draft.bundleAuthor() ?? 'unknown',
      summary: `Entries of the STIX bundle ${bundleName} that no relationship or report of it reaches.`,
      sources: [bundleSource(draft)],
    },
    `No relationship or report of the bundle reaches these entries; link them, then remove this report:\n\n${linkList(orphans)}`,
  );
}
