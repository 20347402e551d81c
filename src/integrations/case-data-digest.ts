import type { CaseModel, CaseParts } from '../lib/case.ts';
import { digestOf } from './page-fingerprints.ts';

/**
 * What the case-wide data files (src/site/data-files.ts: the exports, graph.json, the edges'
 * evidence, map.json, the STIX bundles) are made from, as one digest, so that an incremental build
 * keeps them when it is unchanged (src/integrations/incremental-build.ts). A model is built from its
 * entries, relationships, mentions and redirects (src/lib/case/model.ts) and nothing else; the
 * digest covers all four but the entries' bodies. The data files never show a body: what a body
 * adds to the case (its wikilinks, as mentions; its inline citations) is in the digest, and its words
 * are the pages' and the search's. An author who rewrites a paragraph thus keeps every export, which
 * at 5,000 entities take seconds to make. The thread that makes the data files reads a model whose
 * bodies cannot be read (`withoutBodies`), so a data file that starts to show one fails the build
 * instead of being kept stale.
 */

/**
 * JSON of plain data, with `undefined` kept apart from a missing field; anything else (a Map, a
 * class instance, a function) is refused, since JSON would write it as `{}` or drop it, and two
 * different cases would digest alike. `omitted` names a field of `value` itself to leave out.
 */
function plainJson(value: unknown, omitted?: string): string {
  return JSON.stringify(value, function (this: unknown, key, item: unknown) {
    if (omitted !== undefined && this === value && key === omitted) return undefined;
    if (item === undefined) return '\u0000undefined';
    if (typeof item === 'function' || typeof item === 'bigint' || typeof item === 'symbol') {
      throw new Error(`case data digest: "${key}" holds a ${typeof item}, which JSON cannot write`);
    }
    if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
      const prototype: unknown = Object.getPrototypeOf(item);
      if (prototype !== Object.prototype && prototype !== null) {
        throw new Error(`case data digest: "${key}" holds an object that is not plain data, which JSON would not keep`);
      }
    }
    return item;
  });
}

/** The digest of a model without its entries' bodies: everything the case-wide data files may read. */
export function caseDataDigest(model: CaseModel): string {
  const parts: string[] = [];
  for (const entry of model.entries.values()) {
    parts.push(
      plainJson(entry, 'body'),
      plainJson(model.mentionsFrom(entry.id)),
      plainJson(model.mentionedIn(entry.id)),
    );
  }
  parts.push('|', plainJson(model.relations), '|', plainJson(model.redirects));
  return digestOf(parts);
}

/**
 * What the model is built from, its entries' bodies left empty: what the thread that makes the data
 * files is sent (as plain data, the structured clone keeps all of it; `plainJson` above refuses
 * anything else). It builds the model again with `CaseModel.fromParts` and `withoutBodies`.
 */
export function bodilessParts(model: CaseModel): CaseParts {
  const parts = model.parts();
  return { ...parts, entries: parts.entries.map((entry) => ({ ...entry, body: '' })) };
}

/**
 * The same model, its entries' bodies made unreadable: reading one throws, naming the entry. For the
 * thread that makes the data files, whose output `caseDataDigest` must cover.
 */
export function withoutBodies(model: CaseModel): CaseModel {
  for (const entry of model.entries.values()) {
    Object.defineProperty(entry, 'body', {
      get(): never {
        throw new Error(
          `the data files read the body of ${entry.file}: they are kept between incremental builds while the ` +
            'case without its bodies is unchanged (src/integrations/case-data-digest.ts); show the body on its ' +
            'page, or add what the file needs of it to caseDataDigest',
        );
      },
    });
  }
  return model;
}
