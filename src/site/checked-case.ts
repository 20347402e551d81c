import { getEntry, type CollectionEntry } from 'astro:content';
import type { CaseModel } from '../lib/case.ts';
import { splitId } from '../lib/paths.ts';
import { isCollectionKey, type CollectionKey } from '../lib/schema/entity-types.ts';
import { caseSession } from '../reader/case-session.ts';
import { liveBody } from '../reader/live-body.ts';
import { CONTENT_ROOT } from '../content-root.ts';

/**
 * The case as the pages see it: the model the build's check built (the reader reads and checks the
 * case once per process; see src/reader/session.ts). Builds leave drafts out; `astro dev` shows them.
 * The test is Astro's command (src/env.d.ts), not `import.meta.env.DEV` or MODE: both follow the
 * environment, so a build run with NODE_ENV=test or MODE=test (a test runner, a CI box) would have
 * published every draft.
 */

/** Whether the pages are served by `astro dev`, not written by a build (Astro's command decides). */
export const SERVED_BY_DEV = import.meta.env.CASEFILE_DEV_SERVER === true;

/** The case model. */
export function getCase(): Promise<CaseModel> {
  return Promise.resolve(caseSession().checkedCase(CONTENT_ROOT, SERVED_BY_DEV).model);
}

/**
 * The Astro collection entry behind an id, for rendering its body and images. Under `astro dev` its
 * body is, where it can be, the one rendered from the file as last read (src/reader/live-body.ts),
 * and an entry without images carries no data (src/reader/loader.ts): read everything else from the model.
 */
export async function getCollectionEntry(id: string): Promise<CollectionEntry<CollectionKey> | undefined> {
  const { collection, slug } = splitId(id);
  const entry = isCollectionKey(collection) ? await getEntry(collection, slug) : undefined;
  const live = SERVED_BY_DEV && entry ? await liveBody(CONTENT_ROOT, id) : undefined;
  if (!entry || !live) return entry;
  return { ...entry, rendered: { html: live.html, metadata: { ...live.metadata, imagePaths: [] } } };
}

/** An entry a page was generated for: it exists, since the page's paths come from the same model. */
export function pageEntry<E>(entry: E | undefined, id: string): E {
  if (entry === undefined) throw new Error(`no published entry ${id}`);
  return entry;
}
