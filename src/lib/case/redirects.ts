import { parseEntryId, type EntryId } from '../ids.ts';
import { inputId } from './entries.ts';
import type { ProblemLog } from './problem-log.ts';
import type { AnyCaseInput, Redirect } from './types.ts';

/** Old addresses (`redirect_from`): which entry each now points at, and the redirects to publish. */
export interface RedirectTable {
  /** Every old id, drafts' included, to the id it moved to: "was renamed" beats "nothing is at". */
  index: ReadonlyMap<string, EntryId>;
  /** The redirects of included entries, to publish. */
  redirects: Redirect[];
}

/** Reads every entry's `redirect_from`, refusing old slugs that clash with an entry or another redirect. */
export function collectRedirects(
  all: ReadonlyMap<string, AnyCaseInput>,
  included: (input: AnyCaseInput) => boolean,
  log: ProblemLog,
): RedirectTable {
  const index = new Map<string, EntryId>();
  const redirects: Redirect[] = [];
  for (const input of all.values()) {
    const id = inputId(input);
    const redirectFrom = 'redirect_from' in input.data ? input.data.redirect_from : [];
    redirectFrom.forEach((old, i) => {
      const oldId = parseEntryId(old.includes('/') ? old : `${input.collection}/${old}`);
      const path = ['redirect_from', i];
      const field = `redirect_from[${i}]`;
      if (oldId === undefined) {
        log.add(
          input,
          path,
          field,
          `"${old}" is not a slug or type/slug`,
          'write the old slug, e.g. gao-qiang, or type/slug',
        );
        return;
      }
      const clash = all.get(oldId);
      if (clash) {
        log.add(
          input,
          path,
          field,
          `duplicate slug: "${oldId}" is the slug of ${clash.file}`,
          'remove the redirect or rename one entry',
        );
        return;
      }
      const other = index.get(oldId);
      if (other) {
        log.add(
          input,
          path,
          field,
          `duplicate slug: "${oldId}" already redirects to ${other}`,
          'keep the redirect in one entry only',
        );
        return;
      }
      index.set(oldId, id);
      if (included(input)) redirects.push({ from: oldId, to: id });
    });
  }
  return { index, redirects };
}
