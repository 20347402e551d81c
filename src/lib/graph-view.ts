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
  /** Whether body mentions are drawn (off unless asked for: typed relationships carry the case). */
  mentions: boolean;
  /** Weakest grade of relationship drawn. */
  minConfidence: Confidence;
  /** The entity in focus, if any. */
  focus: string | undefined;
  /** With a focus: show only what lies within this many steps of it (1–3), or everything when undefined. */
  depth: number | undefined;
  /** Whether what the filters leave out is hidden rather than faded. */
  hide: boolean;
  /** Replay date (YYYY, YYYY-MM or YYYY-MM-DD): the network as the material knew it then. */
  at: string | undefined;
  /** While replaying: only relationships some source had published by the date. */
  published: boolean;
  /** Start of the chains being traced. */
  from: string | undefined;
  /** End of the chains being traced. */
  to: string | undefined;
  /** Whether a traced chain may pass through body mentions, not only typed relationships. */
  pathMentions: boolean;
  /** Entities traced chains must not pass through. */
  avoid: readonly string[];
  /** Relation types traced chains must not use. */
  avoidRelations: ReadonlySet<RelationKey>;
}

/** Deepest ego view. */
export const MAX_DEPTH = 3;

/** Typed relationships of every grade, nothing focused, mentions off. */
export function defaultView(): GraphView {
  return {
    types: new Set(ENTITY_TYPES),
    relations: new Set(RELATION_KEYS),
    mentions: false,
    minConfidence: 'unverified',
    focus: undefined,
    depth: undefined,
    hide: false,
    at: undefined,
    published: false,
    from: undefined,
    to: undefined,
    pathMentions: false,
    avoid: [],
    avoidRelations: new Set(),
  };
}

/** The weakest grade, which every relationship meets. */
const WEAKEST = CONFIDENCE_LEVELS[CONFIDENCE_LEVELS.length - 1] ?? 'unverified';

/** A replay date as the address may carry it. */
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** Reads a list parameter, keeping only known values; absent means "all". */
function listParam<T extends string>(
  raw: string | null,
  all: readonly T[],
  known: (value: string) => value is T,
): Set<T> {
  if (raw === null) return new Set(all);
  return new Set(raw.split(',').filter(known));
}

/**
 * The view a query string describes; unknown values are ignored, so a hand-edited link still opens.
 * Entity types are `type=` as in search's address; links written before that (`types=`) still open.
 */
export function viewFromSearch(search: string | URLSearchParams): GraphView {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const min = params.get('min') ?? '';
  const depth = Number(params.get('depth'));
  const at = params.get('at') ?? '';
  const avoidRelations = params.get('avoidrel');
  return {
    types: listParam(params.get('type') ?? params.get('types'), ENTITY_TYPES, isEntityType),
    relations: listParam(params.get('rels'), RELATION_KEYS, isRelationKey),
    mentions: params.get('mentions') === '1',
    minConfidence: isConfidence(min) ? min : WEAKEST,
    focus: params.get('focus') || undefined,
    depth: Number.isInteger(depth) && depth >= 1 && depth <= MAX_DEPTH ? depth : undefined,
    hide: params.get('hide') === '1',
    at: DATE.test(at) ? at : undefined,
    published: params.get('published') === '1',
    from: params.get('from') || undefined,
    to: params.get('to') || undefined,
    pathMentions: params.get('via') === 'mentions',
    avoid: (params.get('avoid') ?? '').split(',').filter(Boolean),
    avoidRelations: avoidRelations === null ? new Set() : listParam(avoidRelations, [], isRelationKey),
  };
}

/** The query string (with its `?`, or empty) for a view; defaults are left out to keep links short. */
export function searchFromView(view: GraphView): string {
  const params = new URLSearchParams();
  if (view.focus) params.set('focus', view.focus);
  if (view.focus && view.depth) params.set('depth', String(view.depth));
  if (view.types.size < ENTITY_TYPES.length)
    params.set('type', ENTITY_TYPES.filter((t) => view.types.has(t)).join(','));
  if (view.relations.size < RELATION_KEYS.length) {
    params.set('rels', RELATION_KEYS.filter((r) => view.relations.has(r)).join(','));
  }
  if (view.mentions) params.set('mentions', '1');
  if (view.minConfidence !== WEAKEST) params.set('min', view.minConfidence);
  if (view.hide) params.set('hide', '1');
  if (view.at) params.set('at', view.at);
  if (view.at && view.published) params.set('published', '1');
  if (view.from) params.set('from', view.from);
  if (view.to) params.set('to', view.to);
  if (view.pathMentions) params.set('via', 'mentions');
  if (view.avoid.length > 0) params.set('avoid', view.avoid.join(','));
  if (view.avoidRelations.size > 0) {
    params.set('avoidrel', RELATION_KEYS.filter((r) => view.avoidRelations.has(r)).join(','));
  }
  // Ids and lists stay readable in the address bar: slashes and commas need no escaping in a query.
  const text = params.toString().replaceAll('%2F', '/').replaceAll('%2C', ',');
  return text ? `?${text}` : '';
}

/** True when a relationship existed at a date as far as the material says, and (if asked) had been published. */
export function edgeAt(edge: GraphEdge, at: string, published: boolean): boolean {
  // A partial date covers its whole span: "2018" is still 2018 on 2018-08-30.
  const covers = (date: string) => date <= at || at.startsWith(date) || date.startsWith(at);
  const start = edge.since ?? edge.known;
  if (start !== undefined && !covers(start)) return false;
  if (edge.until !== undefined && edge.until < at && !at.startsWith(edge.until)) return false;
  if (published && edge.known !== undefined && !covers(edge.known)) return false;
  return true;
}

/** True when an edge's kind, relation, grade and date pass the view (its ends are checked separately). */
export function edgeKindPasses(view: GraphView, edge: GraphEdge): boolean {
  if (edge.kind === 'mention') return view.mentions && view.at === undefined;
  if (!edge.rel || !view.relations.has(edge.rel)) return false;
  if (view.at !== undefined && !edgeAt(edge, view.at, view.published)) return false;
  return edge.confidence !== undefined && meetsConfidence(edge.confidence, view.minConfidence);
}

/** Which nodes and edges a view keeps. */
export interface VisibleGraph {
  /** Per node (in graph order): whether it is in scope. */
  nodes: boolean[];
  /** Indexes of the edges in scope. */
  edges: number[];
}

/** Applies a view's filters: nodes of the chosen types, and edges that pass whose both ends are shown. */
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
