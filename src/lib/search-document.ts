import type { AnyEntity, CaseEntry, CaseModel } from './case.ts';
import { factsOf, type Fact } from './facts.ts';
import { hasHanzi } from './hanzi.ts';
import { ENTITY_TYPE_INFO } from './schema/entity-types.ts';
import { splitWikilinks } from './wikilinks.ts';
import { splitInlineCitations } from './citations.ts';
import { META_SEPARATOR, type SearchMetaField } from './search-meta.ts';

/**
 * What the search index reads for each page: the entry's own words and nothing around them. A
 * dossier page also shows other entities' names (relationship rows, "Mentioned in", the source
 * list), navigation and labels; indexed, those made every tool page answer "gao" and filled the
 * excerpts with "Person." and citation numbers. So the index is fed a document of its own, written
 * from the case model: names, aliases and identifiers as weighted metadata (Pagefind searches it),
 * then the summary, the body as the page renders it, disputes, alias notes, relationship notes,
 * events and the remaining fields as the text excerpts are cut from.
 */

/** Text weights of the parts of the document that hold names written in hanzi. */
const HANZI_WEIGHTS = { name: 10, aliases: 8, ids: 7 } as const;

/** Weight of the summary among the text: above the body, far below a name. */
const SUMMARY_WEIGHT = 2;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Escapes text for an HTML attribute or text node. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => ESCAPES[char] ?? char);
}

/**
 * A short text from frontmatter as the page shows it in words: wikilinks as their label (else the
 * target's name), inline citations left out (the page shows them as numbers).
 */
export function plainText(text: string, model: CaseModel): string {
  const words = splitInlineCitations(text)
    .map((piece) => (piece.kind === 'text' ? piece.text : ''))
    .join('');
  return splitWikilinks(words)
    .map((piece) =>
      piece.kind === 'text'
        ? piece.text
        : (piece.link.label ?? model.get(piece.link.target)?.name ?? piece.link.target),
    )
    .join('');
}

/** The filter value of an entry's type: the plural label the type filter shows. */
export function searchType(entry: CaseEntry): string {
  if (entry.kind === 'report') return 'Reports';
  if (entry.kind === 'source') return 'Sources';
  return ENTITY_TYPE_INFO[entry.type].plural;
}

/** The texts of a fact row, as shown. */
function factText(fact: Fact): string {
  return fact.values
    .map((value) => (value.kind === 'indicator' ? value.defanged : value.text))
    .filter(Boolean)
    .join(' ');
}

/** What a document is made of, before it is written out. */
export interface SearchParts {
  /** Display name. */
  title: string;
  /** Filter value (see `searchType`). */
  type: string;
  /** Native name, shown beside the title. */
  native: string | undefined;
  /** One line shown when no passage of the text matched. */
  summary: string;
  /** Other names. */
  aliases: string[];
  /** Identifiers a reader may type: an identity's value, catalogue ids, addresses, a source's publisher. */
  ids: string[];
  /** Paragraphs of the entry's own text from its frontmatter, in page order after the body. */
  text: string[];
}

/** The parts of an entity's document. */
function entityParts(entity: AnyEntity, model: CaseModel): SearchParts {
  const ids: string[] = [];
  const text: string[] = [];
  for (const fact of factsOf(entity)) {
    const value = factText(fact);
    if (!value) continue;
    if (fact.weighty) ids.push(value);
    else if (fact.label !== 'Coordinates') text.push(value);
  }
  for (const dispute of entity.data.disputes) {
    text.push(
      [dispute.about, ...dispute.claims.map((claim) => claim.value), dispute.note ? plainText(dispute.note, model) : '']
        .filter(Boolean)
        .join('. '),
    );
  }
  for (const alias of entity.aliases) {
    const about = [alias.used_by, alias.note && plainText(alias.note, model)].filter(Boolean).join(': ');
    if (about) text.push(`${alias.name}: ${about}`);
  }
  for (const group of model.relationsOf(entity.id)) {
    for (const view of group.items) if (view.relation.note) text.push(plainText(view.relation.note, model));
  }
  for (const event of model.eventsOf(entity.id)) text.push(plainText(event.text, model));
  return {
    title: entity.name,
    type: searchType(entity),
    native: entity.native,
    summary: entity.summary,
    aliases: entity.aliases.map((alias) => alias.name),
    ids,
    text,
  };
}

/** The parts of any entry's document. */
export function searchParts(entry: CaseEntry, model: CaseModel): SearchParts {
  if (entry.kind === 'entity') return entityParts(entry, model);
  const common = { title: entry.name, type: searchType(entry), native: undefined, aliases: [] };
  if (entry.kind === 'report') return { ...common, summary: entry.summary, ids: [], text: [] };
  const d = entry.data;
  return {
    ...common,
    summary: entry.summary,
    ids: [d.publisher, d.author].filter((value): value is string => Boolean(value)),
    text: [],
  };
}

/** A paragraph, weighted when `weight` is given, marked Chinese when it holds hanzi. */
function paragraph(text: string, weight?: number): string {
  const attributes = `${weight === undefined ? '' : ` data-pagefind-weight="${weight}"`}${hasHanzi(text) ? ' lang="zh"' : ''}`;
  return `<p${attributes}>${escapeHtml(text)}</p>`;
}

/**
 * The HTML document the index reads for an entry: metadata in attributes, then the hanzi among its
 * names (weighted as names), the summary, the body as the page renders it, and the other texts.
 * `bodyHtml` is the rendered body (see `markedElements` in search-text.ts), trusted as the site's own.
 */
export function searchDocument(parts: SearchParts, bodyHtml: string): string {
  const meta: [SearchMetaField, string][] = [
    ['title', parts.title],
    ['summary', parts.summary],
  ];
  if (parts.native) meta.push(['native', parts.native]);
  if (parts.aliases.length > 0) meta.push(['aliases', parts.aliases.join(META_SEPARATOR)]);
  if (parts.ids.length > 0) meta.push(['ids', parts.ids.join(META_SEPARATOR)]);
  const metaList = meta.map(([field]) => `${field}[data-${field}]`).join(', ');
  const metaAttributes = meta.map(([field, value]) => ` data-${field}="${escapeHtml(value)}"`).join('');
  // The index takes names apart into words only in the text, and only hanzi need that: Latin names
  // are matched in the metadata above. The hanzi go first, as a dossier's header shows them.
  const hanzi = [
    ...[parts.title, parts.native ?? ''].filter(hasHanzi).map((text) => paragraph(text, HANZI_WEIGHTS.name)),
    ...parts.aliases.filter(hasHanzi).map((text) => paragraph(text, HANZI_WEIGHTS.aliases)),
    ...parts.ids.filter(hasHanzi).map((text) => paragraph(text, HANZI_WEIGHTS.ids)),
  ];
  return [
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(parts.title)}</title></head><body>`,
    `<main data-pagefind-body data-pagefind-filter="type:${escapeHtml(parts.type)}" data-pagefind-meta="${metaList}"${metaAttributes}>`,
    ...hanzi,
    parts.summary ? paragraph(parts.summary, SUMMARY_WEIGHT) : '',
    `<div>${bodyHtml}</div>`,
    ...parts.text.map((text) => paragraph(text)),
    '</main></body></html>',
  ].join('');
}
