import { relationInfo } from '../schema/relations.ts';
import { ENTITY_TYPES } from '../schema/entity-types.ts';
import type { Citation } from '../citations.ts';
import { inputId, isEntityInput } from './entries.ts';
import type { ProblemLog } from './problem-log.ts';
import type { References } from './references.ts';
import type { AnyCaseInput, EntityCaseInput, FieldPath, Relation } from './types.ts';

/**
 * The checks of an entry's frontmatter references: every cited source exists, and every link is a
 * relationship the vocabulary allows, to an entity that exists, declared once in the whole case.
 */

/** Collects the relationships of the case, refusing one declared twice (in either file). */
export class RelationChecker {
  /** Every valid relationship, in declaration order. */
  readonly relations: Relation[] = [];

  readonly #declared = new Map<string, string>();
  readonly #refs: References;
  readonly #log: ProblemLog;

  constructor(refs: References, log: ProblemLog) {
    this.#refs = refs;
    this.#log = log;
  }

  /** Checks every source list and link of one published input. */
  check(input: AnyCaseInput): void {
    const checkSources = (citations: readonly Citation[], path: FieldPath, field: string) => {
      citations.forEach((citation, i) => {
        this.#refs.resolveSource({ input, path: [...path, i], field: `${field}[${i}]` }, citation.source);
      });
    };
    if (input.collection !== 'sources') checkSources(input.data.sources, ['sources'], 'sources');
    if (!isEntityInput(input)) return;
    const data = input.data;
    data.aliases.forEach((alias, i) => checkSources(alias.sources, ['aliases', i, 'sources'], `aliases[${i}].sources`));
    data.events.forEach((event, i) => checkSources(event.sources, ['events', i, 'sources'], `events[${i}].sources`));
    data.disputes.forEach((dispute, i) =>
      dispute.claims.forEach((claim, j) =>
        checkSources(claim.sources, ['disputes', i, 'claims', j, 'sources'], `disputes[${i}].claims[${j}].sources`),
      ),
    );
    data.links.forEach((link, i) => {
      checkSources(link.sources, ['links', i, 'sources'], `links[${i}].sources`);
      this.#checkLink(input, link, i);
    });
  }

  #checkLink(input: EntityCaseInput, link: EntityCaseInput['data']['links'][number], i: number): void {
    const id = inputId(input);
    const field = `links[${i}]`;
    const rel = link.rel;
    const info = relationInfo(rel);
    const report = (path: FieldPath, at: string, message: string, fix?: string) =>
      this.#log.add(input, path, at, message, fix);
    if (link.to === id) {
      report(['links', i, 'to'], `${field}.to`, 'an entity cannot link to itself', 'point the link at another entity');
      return;
    }
    const to = this.#refs.resolve({ input, path: ['links', i, 'to'], field: `${field}.to` }, link.to, ENTITY_TYPES);
    if (to === undefined) return;
    const toType = to.slice(0, to.indexOf('/'));
    if (info.from && !info.from.includes(input.collection)) {
      report(
        ['links', i, 'rel'],
        `${field}.rel`,
        `"${rel}" cannot start from ${input.collection}; it is for ${info.from.join(', ')}`,
        "choose another relation or declare it in the other entity's file",
      );
      return;
    }
    if (info.to && !info.to.some((type) => type === toType)) {
      report(
        ['links', i, 'rel'],
        `${field}.rel`,
        `"${rel}" cannot point at ${toType}; it expects ${info.to.join(', ')}`,
        'choose another relation',
      );
      return;
    }
    const key = info.symmetric ? [id, to].sort().join(`>${rel}>`) : `${id}>${rel}>${to}`;
    const first = this.#declared.get(key);
    if (first) {
      report(
        ['links', i],
        field,
        `duplicate relationship: ${rel} ${to} is already declared in ${first}`,
        'keep it in one file only; it shows on both pages',
      );
      return;
    }
    this.#declared.set(key, input.file);
    this.relations.push({
      key,
      rel,
      from: id,
      to,
      confidence: link.confidence,
      sources: link.sources,
      note: link.note,
      since: link.since,
      until: link.until,
    });
  }
}
