import { CONFIDENCE_INFO, CONFIDENCE_LEVELS } from '../lib/schema/confidence.ts';
import { entryPath, withBase } from '../lib/paths.ts';
import { describePath, type GraphView, type Hop } from '../lib/graph-view.ts';
import type { CaseGraph } from '../lib/graph.ts';
import type { RankedChain } from '../lib/graph-chains.ts';
import { RELATIONS } from '../lib/schema/relations.ts';
import type { EdgeEvidence } from '../lib/edge-evidence.ts';
import { button, el, gradeTag, nameWithNative } from './graph-text.ts';

/**
 * Traced chains in words, beside the canvas: each chain headed by its weakest link, then hop by
 * hop with the relationship read in the direction of travel, its grade and its sources, and a way
 * to open the evidence of each hop.
 */

/** What a chain search found. */
export type ChainOutcome =
  | { message: string }
  | {
      /** Start's name. */
      from: string;
      /** End's name. */
      to: string;
      /** Each chain, hop by hop, with the rank of its weakest link. */
      chains: { hops: Hop[]; weakest: number }[];
      /** Whether mentions could be used. */
      mentions: boolean;
      /** Names of the entities and relations avoided, in words, if any. */
      avoided: string[];
    };

/** What a chain's weakest link makes of it, in words. */
function strength(weakest: number): string {
  const level = CONFIDENCE_LEVELS[weakest];
  return level ? `weakest link ${CONFIDENCE_INFO[level].label}` : 'through a mention in text';
}

/** Writes the chains out, each entity a link and each hop its grade and sources. */
export function renderChains(
  container: HTMLElement,
  outcome: ChainOutcome,
  base: string,
  evidence: (edge: number) => EdgeEvidence | undefined,
  onEvidence: (edge: number) => void,
): void {
  if ('message' in outcome) {
    container.replaceChildren(el('p', 'path-message', outcome.message));
    return;
  }
  const heading = el('h2', '', `How ${outcome.from} connects to ${outcome.to}`);
  heading.id = 'path-heading';
  const conditions = [
    outcome.mentions ? 'through relationships and mentions' : 'through typed relationships only',
    ...outcome.avoided.map((name) => `not through ${name}`),
  ].join(', ');
  if (outcome.chains.length === 0) {
    container.replaceChildren(
      heading,
      el(
        'p',
        'path-message',
        `No chain joins them (${conditions}). ${outcome.mentions ? '' : 'Allow mentions in text, or '}loosen the filters to look further.`,
      ),
    );
    return;
  }
  const count = outcome.chains.length;
  const intro = el(
    'p',
    'path-message',
    `${count === 1 ? 'One chain' : `${count} chains`} (${conditions}), the strongest first: ranked by the weakest link, then by length.`,
  );
  const list = el('ol', 'chains');
  outcome.chains.forEach((chain, c) => {
    const steps = chain.hops.length;
    const item = el(
      'li',
      '',
      el('p', 'chain-head', `Chain ${c + 1}: ${steps} ${steps === 1 ? 'step' : 'steps'}, ${strength(chain.weakest)}`),
    );
    const first = chain.hops[0];
    if (first)
      item.append(el('p', 'chain-start', ...nameWithNative(first.from, withBase(base, entryPath(first.from.id)))));
    const hops = el('ol', 'hops');
    for (const hop of chain.hops) {
      const record = evidence(hop.edge);
      const sources = record?.sources.map((source) => `${source.publisher}: ${source.title}`) ?? [];
      const row = el(
        'li',
        '',
        el('span', 'rel', hop.label),
        ' ',
        ...nameWithNative(hop.to, withBase(base, entryPath(hop.to.id))),
        ' ',
        gradeTag(hop.confidence),
      );
      if (sources.length > 0) row.append(el('span', 'hop-sources', sources.join('; ')));
      if (hop.confidence) {
        const why = button('How we know', 'why');
        why.setAttribute('aria-label', `How we know: ${hop.from.name} ${hop.label} ${hop.to.name}`);
        why.addEventListener('click', () => onEvidence(hop.edge));
        row.append(' ', why);
      }
      hops.append(row);
    }
    item.append(hops);
    list.append(item);
  });
  container.replaceChildren(heading, intro, list);
}

/** What {@link showChains} needs from the explorer. */
export interface ChainContext {
  /** An entity's name by id. */
  nameOf: (id: string) => string;
  /** The site's base path. */
  base: string;
  /** An edge's evidence, once loaded. */
  evidence: (edge: number) => EdgeEvidence | undefined;
  /** Opens an edge's evidence. */
  onEvidence: (edge: number) => void;
}

/** Writes the outcome of a chain search for a view: a prompt without two ends, else the chains found. */
export function showChains(
  container: HTMLElement,
  graph: CaseGraph,
  chains: readonly RankedChain[],
  view: GraphView,
  context: ChainContext,
): void {
  const { from, to } = view;
  const outcome: ChainOutcome =
    from && to
      ? {
          from: context.nameOf(from),
          to: context.nameOf(to),
          chains: chains.map((chain) => ({ hops: describePath(graph, chain), weakest: chain.weakest })),
          mentions: view.pathMentions,
          avoided: [
            ...view.avoid.map((id) => context.nameOf(id)),
            ...[...view.avoidRelations].map((rel) => `“${RELATIONS[rel].forward}”`),
          ],
        }
      : { message: 'Choose two entities from the case (start typing a name).' };
  renderChains(container, outcome, context.base, context.evidence, context.onEvidence);
}
