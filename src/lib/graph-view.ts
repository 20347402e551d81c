import { ENTITY_TYPES, isEntityType, type EntityType } from './schema/entity-types.ts';
import { RELATIONS, RELATION_KEYS, isRelationKey, type RelationKey } from './schema/relations.ts';
import { CONFIDENCE_LEVELS, isConfidence, meetsConfidence, type Confidence } from './schema/confidence.ts';
import type { CaseGraph, GraphEdge, GraphNode, GraphPath } from './graph.ts';

/**
 * What a reader of the explorer has chosen to see, how that reads from and writes to the page's
 * address (so a view can be shared), which nodes and edges it keeps, and how a chain between two
 * entities reads as text. Pure, so the same rules hold in tests and in the browser.
 */

/** The explorer's state, as the address records it. */
export interface GraphView {
  /** Entity types shown. */
  types: ReadonlySet<EntityType>;
  /** Relation types shown. */
  relations: ReadonlySet<RelationKey>;
  /** Whether body mentions are drawn. */
  mentions: boolean;
  /** Weakest grade of relationship drawn. */
  minConfidence: Confidence;
  /** The entity in focus, if any. */
  focus: string | undefined;
  /** Start of the path being traced. */
  from: string | undefined;
  /** End of the path being traced. */
  to: string | undefined;
  /** Whether a traced path may pass through body mentions, not only typed relationships. */
  pathMentions: boolean;
}

/** Everything shown, nothing focused. */
export function defaultView(): GraphView {
  return {
    types: new Set(ENTITY_TYPES),
    relations: new Set(RELATION_KEYS),
    mentions: true,
    minConfidence: 'unverified',
    focus: undefined,
    from: undefined,
    to: undefined,
    pathMentions: false,
  };
}

/** The weakest grade, which every relationship meets. */
const WEAKEST = CONFIDENCE_LEVELS[CONFIDENCE_LEVELS.length - 1] ?? 'unverified';

/** Reads a list parameter, keeping only known values; absent means "all". */
function listParam<T extends string>(
  params: URLSearchParams,
  name: string,
  all: readonly T[],
  known: (value: string) => value is T,
): Set<T> {
  const raw = params.get(name);
  if (raw === null) return new Set(all);
  return new Set(raw.split(',').filter(known));
}

/** The view a query string describes; unknown values are ignored, so a hand-edited link still opens. */
export function viewFromSearch(search: string | URLSearchParams): GraphView {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const min = params.get('min') ?? '';
  return {
    types: listParam(params, 'types', ENTITY_TYPES, isEntityType),
    relations: listParam(params, 'rels', RELATION_KEYS, isRelationKey),
    mentions: params.get('mentions') !== '0',
    minConfidence: isConfidence(min) ? min : WEAKEST,
    focus: params.get('focus') || undefined,
    from: params.get('from') || undefined,
    to: params.get('to') || undefined,
    pathMentions: params.get('via') === 'mentions',
  };
}

/** The query string (with its `?`, or empty) for a view; defaults are left out to keep links short. */
export function searchFromView(view: GraphView): string {
  const params = new URLSearchParams();
  if (view.focus) params.set('focus', view.focus);
  if (view.types.size < ENTITY_TYPES.length)
    params.set('types', ENTITY_TYPES.filter((t) => view.types.has(t)).join(','));
  if (view.relations.size < RELATION_KEYS.length) {
    params.set('rels', RELATION_KEYS.filter((r) => view.relations.has(r)).join(','));
  }
  if (!view.mentions) params.set('mentions', '0');
  if (view.minConfidence !== WEAKEST) params.set('min', view.minConfidence);
  if (view.from) params.set('from', view.from);
  if (view.to) params.set('to', view.to);
  if (view.pathMentions) params.set('via', 'mentions');
  // Ids and lists stay readable in the address bar: slashes and commas need no escaping in a query.
  const text = params.toString().replaceAll('%2F', '/').replaceAll('%2C', ',');
  return text ? `?${text}` : '';
}

/** True when an edge's kind, relation and grade pass the view (its ends are checked separately). */
export function edgeKindPasses(view: GraphView, edge: GraphEdge): boolean {
  if (edge.kind === 'mention') return view.mentions;
  if (!edge.rel || !view.relations.has(edge.rel)) return false;
  return edge.confidence !== undefined && meetsConfidence(edge.confidence, view.minConfidence);
}

/** Which nodes and edges a view keeps. */
export interface VisibleGraph {
  /** Per node (in graph order): whether it is drawn. */
  nodes: boolean[];
  /** Indexes of the edges drawn. */
  edges: number[];
}

/** Whether a traced path may use an edge the view shows: mentions only when the reader allows them. */
export function pathMayUse(view: GraphView, edge: GraphEdge): boolean {
  return edge.kind === 'relation' || view.pathMentions;
}

/** Applies a view: nodes of the chosen types, and edges that pass whose both ends are shown. */
export function visibleGraph(graph: CaseGraph, view: GraphView): VisibleGraph {
  const shown = new Set<string>();
  const nodes = graph.nodes.map((node) => {
    const keep = view.types.has(node.type);
    if (keep) shown.add(node.id);
    return keep;
  });
  const edges: number[] = [];
  graph.edges.forEach((edge, i) => {
    if (shown.has(edge.source) && shown.has(edge.target) && edgeKindPasses(view, edge)) edges.push(i);
  });
  return { nodes, edges };
}

/** One hop of a chain, as it reads from the side the chain arrives at. */
export interface Hop {
  /** The entity the hop starts from. */
  from: GraphNode;
  /** The entity it reaches. */
  to: GraphNode;
  /** The relationship in words, read from `from` to `to`: "operated by", "mentions". */
  label: string;
  /** Its grade; undefined for a mention. */
  confidence: Confidence | undefined;
  /** The edge's index in the graph. */
  edge: number;
}

/** How an edge reads when walked from `from` to the other end. */
export function edgeLabelFrom(edge: GraphEdge, from: string): string {
  const forward = edge.source === from;
  if (edge.kind === 'mention' || !edge.rel) return forward ? 'mentions' : 'is mentioned by';
  const info = RELATIONS[edge.rel];
  return forward || 'symmetric' in info ? info.forward : info.reverse;
}

/** A chain written out hop by hop, each relationship read in the direction the chain travels. */
export function describePath(graph: CaseGraph, path: GraphPath): Hop[] {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const hops: Hop[] = [];
  path.edges.forEach((edgeIndex, i) => {
    const edge = graph.edges[edgeIndex];
    const from = byId.get(path.nodes[i] ?? '');
    const to = byId.get(path.nodes[i + 1] ?? '');
    if (!edge || !from || !to) return;
    hops.push({ from, to, label: edgeLabelFrom(edge, from.id), confidence: edge.confidence, edge: edgeIndex });
  });
  return hops;
}

/** Normalises a name for matching: case, width and spacing do not count. */
export function foldName(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Finds the entity a reader means by a typed name: an exact id, name, alias or native name first,
 * then the best-connected entity whose name, alias or native name starts with it, then one that
 * contains it.
 */
export function findEntity(nodes: readonly GraphNode[], query: string): GraphNode | undefined {
  const wanted = foldName(query);
  if (!wanted) return undefined;
  const namesOf = (node: GraphNode) => [node.name, node.native ?? '', ...node.aliases].map(foldName);
  const exact = nodes.find((node) => node.id === query.trim() || namesOf(node).includes(wanted));
  if (exact) return exact;
  const best = (test: (name: string) => boolean) =>
    nodes
      .filter((node) => namesOf(node).some((name) => name !== '' && test(name)))
      .sort((a, b) => b.degree - a.degree || a.id.localeCompare(b.id))[0];
  return best((name) => name.startsWith(wanted)) ?? best((name) => name.includes(wanted));
}
