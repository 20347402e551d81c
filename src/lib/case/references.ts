import { didYouMean } from '../did-you-mean.ts';
import { parseEntryId, sourceEntryId, type EntryId, type SourceId } from '../ids.ts';
import { REFERENCE_PATTERN } from '../schema/fields.ts';
import { inputId } from './entries.ts';
import type { ProblemLog } from './problem-log.ts';
import type { AnyCaseInput, FieldPath } from './types.ts';

/**
 * The one way a reference is resolved: a link's `to`, a wikilink, an embed's id, a cited source.
 * It knows every file (drafts and files that failed validation included) and every old slug, so it
 * can tell "nothing is there" from "that is a draft", "it was renamed" or "that file is broken".
 */

/** Where a reference is written, for its problem report. */
export interface ReferenceSite {
  /** The file that writes it. */
  input: AnyCaseInput;
  /** The path of the field in the frontmatter (empty for the body). */
  path: FieldPath;
  /** The field as shown, e.g. `links[2].to`. */
  field: string;
  /** The line, when the caller knows it better than the path does. */
  line?: number | undefined;
}

/** Resolves references against the whole case and reports the broken ones. */
export class References {
  /**
   * Entities at either end of a broken reference; the whole-case rules spare them, since they would
   * only repeat the same mistake in other words.
   */
  readonly brokenEnds = new Set<string>();

  readonly #all: ReadonlyMap<string, AnyCaseInput>;
  readonly #unparsed: ReadonlySet<string>;
  readonly #renamed: ReadonlyMap<string, EntryId>;
  readonly #included: (input: AnyCaseInput) => boolean;
  readonly #log: ProblemLog;
  readonly #idsByCollection = new Map<string, string[]>();

  constructor(
    all: ReadonlyMap<string, AnyCaseInput>,
    unparsed: ReadonlySet<string>,
    renamed: ReadonlyMap<string, EntryId>,
    included: (input: AnyCaseInput) => boolean,
    log: ProblemLog,
  ) {
    this.#all = all;
    this.#unparsed = unparsed;
    this.#renamed = renamed;
    this.#included = included;
    this.#log = log;
    for (const id of [...all.keys(), ...unparsed]) {
      const collection = id.slice(0, id.indexOf('/'));
      const ids = this.#idsByCollection.get(collection);
      if (ids) ids.push(id);
      else this.#idsByCollection.set(collection, [id]);
    }
  }

  /** Ids of every file in the given collections, for "did you mean". */
  #idsOf(collections: readonly string[]): string[] {
    return collections.flatMap((collection) => this.#idsByCollection.get(collection) ?? []);
  }

  /** Checks a reference; returns the resolved id when it may be used from a published entry. */
  resolve(site: ReferenceSite, written: string, allowed: readonly string[]): EntryId | undefined {
    const report = (message: string, fix?: string) =>
      this.#log.add(site.input, site.path, site.field, message, fix, site.line);
    if (!REFERENCE_PATTERN.test(written)) {
      report(`"${written}" is not a reference`, 'write it as type/slug, e.g. people/gao-qiang');
      return undefined;
    }
    const collection = written.slice(0, written.indexOf('/'));
    const target = parseEntryId(written);
    if (target === undefined) {
      const suggestion = didYouMean(written, this.#idsOf(allowed));
      report(
        `unknown type "${collection}" in "${written}"`,
        suggestion ? `did you mean "${suggestion}"?` : `the type must be one of ${allowed.join(', ')}`,
      );
      return undefined;
    }
    const from = inputId(site.input);
    const found = this.#all.get(target);
    if (!found) {
      this.brokenEnds.add(from);
      if (this.#unparsed.has(target)) {
        // The file exists but failed validation, which is reported already.
        this.brokenEnds.add(target);
        return undefined;
      }
      const renamed = this.#renamed.get(target);
      const suggestion = renamed ?? didYouMean(target, this.#idsOf(allowed));
      if (suggestion) this.brokenEnds.add(suggestion);
      if (collection === 'sources' && allowed.length === 1) {
        // Source ids are written bare (`sources: [crowdstrike-2018]`), so speak of them that way.
        const slug = target.slice('sources/'.length);
        report(
          `unknown source id "${slug}"`,
          suggestion
            ? `did you mean "${suggestion.slice('sources/'.length)}"?`
            : `add content/sources/${slug}.md or fix the id`,
        );
        return undefined;
      }
      report(
        renamed ? `"${target}" was renamed to "${renamed}"` : `nothing is at "${target}"`,
        suggestion ? `did you mean "${suggestion}"?` : `create content/${target}.md or fix the reference`,
      );
      return undefined;
    }
    if (!allowed.includes(collection)) {
      report(`"${target}" is a ${collection} entry; expected one of ${allowed.join(', ')}`);
      return undefined;
    }
    if (!this.#included(found)) {
      this.brokenEnds.add(from);
      if (this.#included(site.input)) {
        report(
          `links to "${target}", which is a draft: published pages must not point at unpublished ones`,
          `publish ${found.file} (remove draft: true) or remove the reference`,
        );
      }
      return undefined;
    }
    return target;
  }

  /** Checks a cited source id (written bare, `crowdstrike-2018`); returns whether it resolves. */
  resolveSource(site: ReferenceSite, source: SourceId): boolean {
    return this.resolve(site, sourceEntryId(source), ['sources']) !== undefined;
  }
}
