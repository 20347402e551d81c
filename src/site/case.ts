import { getCollection, type CollectionEntry } from 'astro:content';
import { loadCase, type AnyCaseInput, type CaseModel } from '../lib/case.ts';
import { checkCorrections, checkFrontPage } from '../lib/front-page.ts';
import { CaseError, formatProblems } from '../lib/problems.ts';
import { COLLECTIONS, type CollectionKey } from '../lib/schema/entity-types.ts';
import { CONTENT_ROOT } from '../content-root.ts';
import { timedStage } from '../stage-timings.ts';

/**
 * The case as the pages see it: Astro's collections handed to the case model once per build.
 * Production builds leave drafts out; `astro dev` shows them.
 */

let loading: Promise<CaseModel> | undefined;

/**
 * An entry's data without its images. Only the figure component may touch them: Astro publishes the
 * original file, metadata and GPS tags included, as soon as anything else reads an image's fields
 * (an export serialising the data would), instead of only the re-encoded copies.
 */
function withoutImages<D extends object>(data: D): Omit<D, 'images'> {
  return Object.fromEntries(Object.entries(data).filter(([key]) => key !== 'images')) as Omit<D, 'images'>;
}
const entriesById = new Map<string, CollectionEntry<CollectionKey>>();

async function load(): Promise<CaseModel> {
  const inputs: AnyCaseInput[] = [];
  for (const collection of COLLECTIONS) {
    for (const entry of await getCollection(collection)) {
      entriesById.set(`${collection}/${entry.id}`, entry);
      inputs.push({
        collection,
        slug: entry.id,
        file: entry.filePath ?? `${CONTENT_ROOT}/${collection}/${entry.id}`,
        body: entry.body ?? '',
        data: withoutImages(entry.data),
      } as AnyCaseInput);
    }
  }
  const model = loadCase(inputs, { includeDrafts: import.meta.env.DEV });
  // The front page's findings and the corrections' sources, checked like every other reference.
  const problems = [...checkFrontPage(model), ...checkCorrections(model)];
  if (problems.length > 0) {
    if (!import.meta.env.DEV) throw new CaseError(problems);
    console.warn(formatProblems(problems));
  }
  return model;
}

/** The case model, built once. */
export function getCase(): Promise<CaseModel> {
  loading ??= timedStage('case-model', load);
  return loading;
}

/** The Astro collection entry behind an id, for rendering its body and images. */
export async function getCollectionEntry(id: string): Promise<CollectionEntry<CollectionKey> | undefined> {
  await getCase();
  return entriesById.get(id);
}
