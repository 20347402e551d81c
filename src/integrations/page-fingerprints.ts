import { createHash } from 'node:crypto';
import type { CaseModel } from '../lib/case.ts';

/**
 * What an entry's page reads from the case, as one digest per page, so that a rebuild renders again
 * only the pages whose digest changed (src/integrations/incremental-build.ts). Conservative by
 * construction: a page's digest covers the whole file of every entry it could show (not just the
 * name it prints), the relationships and mentions of each of those entries (their count and grade
 * feed the neighbourhood picture), and every entry the page's previous output linked to or named
 * by id. What no single page owns (the case's size, its places, the characters its font holds, every
 * file that is not a published entry) is one case-wide digest that every page's includes.
 */

/** The text an entry's page is made from: its file, or why it must always be rendered again. */
export interface EntrySource {
  /** The file's text, as read. */
  text: string;
  /** It has images: Astro writes their optimised copies only while rendering the page that shows them. */
  images: boolean;
}

/** The entry ids a page may show, found in its built output: links, data attributes, JSON ids. */
export function idsInOutput(output: string, collections: readonly string[]): string[] {
  const pattern = new RegExp(`(?:^|[^a-z0-9-])(${collections.join('|')})/([a-z0-9][a-z0-9-]*)`, 'g');
  const ids = new Set<string>();
  for (const match of output.matchAll(pattern)) ids.add(`${match[1]}/${match[2]}`);
  return [...ids].sort();
}

/**
 * SHA-256 of a list of parts, each length-prefixed so that no two lists hash alike. The parts are
 * joined and hashed in one call (the same digest as one call per part): a rebuild of a 5,000-entity
 * case digests ten thousand pages of hundreds of parts each, and a call per part cost it seconds.
 */
export function digestOf(parts: readonly string[]): string {
  return createHash('sha256')
    .update(parts.map((part) => `${part.length}:${part}`).join(''))
    .digest('hex');
}

/** Computes page digests over one case model, remembering each entry's part. */
export class PageFingerprints {
  readonly #model: CaseModel;
  readonly #sources: ReadonlyMap<string, EntrySource>;
  readonly #caseWide: string;
  readonly #parts = new Map<string, string>();
  readonly #near = new Map<string, readonly string[]>();
  readonly #cited = new Map<string, readonly string[]>();
  readonly #citedParts = new Map<string, string>();
  readonly #neighbourhoods = new Map<string, string>();

  /** `sources` maps each published entry's id to its file; `caseWide` is the digest every page includes. */
  constructor(model: CaseModel, sources: ReadonlyMap<string, EntrySource>, caseWide: string) {
    this.#model = model;
    this.#sources = sources;
    this.#caseWide = caseWide;
  }

  /** Whether an entry's page must be rendered every build (it shows images). */
  alwaysRendered(id: string): boolean {
    return this.#sources.get(id)?.images ?? true;
  }

  /**
   * The entries a page of `id` reads through the model: itself, what it links and mentions, both
   * ways, and every source any of them cites: more than the page shows (its own citations), so that
   * a source's title change reaches every page that could print it (a STIX bundle carries each
   * neighbour's references). The page digest covers them all (through `#neighbourhood`).
   */
  modelReach(id: string): readonly string[] {
    const near = this.#nearOf(id);
    const reach = new Set(near);
    for (const member of near) for (const source of this.#citations(member)) reach.add(`sources/${source}`);
    return [...reach].sort();
  }

  /** Itself, what it links and mentions, both ways, and a source's citers: sorted, worked out once per entry. */
  #nearOf(id: string): readonly string[] {
    let near = this.#near.get(id);
    if (near === undefined) {
      const model = this.#model;
      const members = new Set<string>([id]);
      for (const other of model.neighbours(id)) members.add(other);
      for (const other of model.mentionsFrom(id)) members.add(other);
      for (const other of model.mentionedIn(id)) members.add(other);
      const entry = model.get(id);
      if (entry?.kind === 'source') for (const use of model.citedBy(entry.slug)) members.add(use.id);
      near = [...members].sort();
      this.#near.set(id, near);
    }
    return near;
  }

  /** The digest of the sources an entry cites, each with its part: worked out once per entry. */
  #citedPart(id: string): string {
    let cited = this.#citedParts.get(id);
    if (cited === undefined) {
      cited = digestOf(this.#citations(id).flatMap((source) => [`sources/${source}`, this.part(`sources/${source}`)]));
      this.#citedParts.set(id, cited);
    }
    return cited;
  }

  /**
   * The digest of everything `modelReach` holds: each entry near the page with its part and the
   * digest of the sources it cites. Nested so that the sources, which most entries near a page
   * share, are hashed once per entry rather than once per page (a 5,000-entity case's ten thousand
   * page digests spent seconds hashing the same few hundred sources), and worked out once per entry
   * for both its pages (the dossier and the JSON record).
   */
  #neighbourhood(id: string): string {
    let digest = this.#neighbourhoods.get(id);
    if (digest === undefined) {
      digest = digestOf(this.#nearOf(id).flatMap((member) => [member, this.part(member), this.#citedPart(member)]));
      this.#neighbourhoods.set(id, digest);
    }
    return digest;
  }

  /** The sources an entry's page cites, worked out once per entry (it orders all its relationships). */
  #citations(id: string): readonly string[] {
    let cited = this.#cited.get(id);
    if (cited === undefined) {
      cited = this.#model.citationsOf(id);
      this.#cited.set(id, cited);
    }
    return cited;
  }

  /**
   * One entry's part of a page digest: its file, and the relationships and mentions it has. Not a
   * source's citers: only its own page shows them, and they are in that page's reach.
   */
  part(id: string): string {
    let part = this.#parts.get(id);
    if (part === undefined) {
      const model = this.#model;
      const source = this.#sources.get(id);
      part =
        source === undefined || model.get(id) === undefined
          ? 'absent'
          : digestOf([
              source.text,
              ...model
                .relationViews(id)
                .map((view) => `${view.relation.key}:${view.relation.confidence}:${view.other}`),
              '|',
              ...model.mentionsFrom(id),
              '|',
              ...model.mentionedIn(id),
            ]);
      this.#parts.set(id, part);
    }
    return part;
  }

  /**
   * The digest of a page of `id` (route `route`) whose previous output showed `shown`; `context` is
   * what else the page shows that no entry holds (a table page's place among the others).
   */
  page(route: string, id: string, shown: readonly string[], context = ''): string {
    // What the previous output showed beyond the entries near it (a source it printed is counted
    // again here even if a neighbour cites it: harmless, and cheaper than finding out).
    const near = new Set(this.#nearOf(id));
    const beyond = [...new Set(shown.filter((member) => !near.has(member)))].sort();
    return digestOf([
      this.#caseWide,
      route,
      id,
      context,
      this.#neighbourhood(id),
      ...beyond.flatMap((member) => [member, this.part(member)]),
    ]);
  }
}
