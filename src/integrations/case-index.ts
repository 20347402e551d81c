import type { AnyCaseInput } from '../lib/case.ts';
import { entryId, entryPath } from '../lib/paths.ts';

/**
 * Names and paths of every entry, shared between the content check (which fills it) and the
 * Markdown pipeline (which reads it to label wikilinks). Both live in the one Astro process.
 */

/** What a wikilink needs to know about its target. */
export interface LinkTarget {
  /** Display name. */
  name: string;
  /** Site path without base. */
  path: string;
  /** Collection key, for styling. */
  collection: string;
  /** Whether the target is a draft. */
  draft: boolean;
}

/** The lookup table wikilinks are rendered from. */
export class CaseLinkIndex {
  #targets = new Map<string, LinkTarget>();

  /** Replaces the table with the given entries. */
  update(inputs: readonly AnyCaseInput[]): void {
    const next = new Map<string, LinkTarget>();
    for (const input of inputs) {
      const id = entryId(input.collection, input.slug);
      const name = 'name' in input.data ? input.data.name : input.data.title;
      next.set(id, { name, path: entryPath(id), collection: input.collection, draft: input.data.draft });
    }
    this.#targets = next;
  }

  /** The target of an id, if it exists. */
  get(id: string): LinkTarget | undefined {
    return this.#targets.get(id);
  }
}
