import {
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from 'd3-force';

/**
 * The deterministic layout of the case graph, computed once at build time so the browser only draws.
 * Each connected component is laid out on its own with d3-force (seeded random source, a fixed number
 * of ticks), then the components are packed in rows, largest first, with the unconnected entities in a
 * tidy grid at the end: the same graph always gives the same integer coordinates, and a few islands
 * never drift off to the edges of a huge empty picture.
 */

/** What the layout needs to know about the graph: node ids in a fixed order and the edges between them. */
export interface LayoutInput {
  /** Nodes, in the order the positions are returned. */
  nodes: readonly { id: string }[];
  /** Edges by node id; edges to unknown ids are ignored. Weak edges (body mentions) pull less. */
  edges: readonly { source: string; target: string; weak?: boolean }[];
}

/** How to lay out. */
export interface LayoutOptions {
  /** Seed of the random source d3-force uses to break ties (coincident nodes). */
  seed?: number;
  /** Ticks per component; by default fewer for big components, which settle in fewer relative steps. */
  ticks?: number;
}

/** A position, in layout units (a typical link is about 30 units long). */
export type LayoutPoint = readonly [x: number, y: number];

/** Preferred length of a link, in layout units. */
const LINK_DISTANCE = 30;
/** Space between packed components, in layout units. */
const GAP = 60;
/** Spacing of the grid of unconnected entities. */
const GRID = 36;

type SimNode = SimulationNodeDatum;

/** An edge between two node indexes; weak ones pull less. */
type Link = readonly [a: number, b: number, weak: boolean];

/** A link as d3-force holds it: it swaps the indexes for the node objects when it starts. */
interface SimLink extends SimulationLinkDatum<SimNode> {
  weak: boolean;
}

/** The node index at one end of a link, before or after d3-force has resolved it. */
function endIndex(end: SimLink['source']): number {
  return typeof end === 'object' ? (end.index ?? 0) : Number(end);
}

/** A small seeded generator (mulberry32): d3-force's tie-breaking jiggle must not come from Math.random. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Ticks for a component of `size` nodes: 300 for small ones, down to 120 for the largest, which the seeding has mostly untangled. */
export function ticksFor(size: number): number {
  if (size <= 500) return 300;
  return Math.max(120, Math.round(300 - 55 * Math.log2(size / 500)));
}

/** How much a weak edge pulls, relative to a typed relationship. */
const WEAK_PULL = 0.3;

/** Connected components as lists of node indexes, each sorted, largest component first. */
export function componentsOf(count: number, links: readonly (readonly [number, number, ...unknown[]])[]): number[][] {
  const parent = Array.from({ length: count }, (_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] ?? root;
    // Path compression keeps every later lookup near constant time.
    let node = i;
    while (parent[node] !== root) {
      const next = parent[node] ?? root;
      parent[node] = root;
      node = next;
    }
    return root;
  };
  for (const [a, b] of links) {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(i);
    else groups.set(root, [i]);
  }
  return [...groups.values()].sort((a, b) => b.length - a.length || (a[0] ?? 0) - (b[0] ?? 0));
}

/** Runs d3-force on one component; returns positions centred on its bounding box. */
function simulate(
  members: readonly number[],
  links: readonly Link[],
  seed: number,
  fixedTicks: number | undefined,
): Map<number, [number, number]> {
  const local = new Map(members.map((index, i) => [index, i]));
  const simLinks: SimLink[] = links.map(([a, b, weak]) => ({
    source: local.get(a) ?? 0,
    target: local.get(b) ?? 0,
    weak,
  }));
  const nodes: SimNode[] = members.map(() => ({}));
  seedPositions(nodes, simLinks);
  // d3's default link strength (1 / the smaller end's degree) keeps hubs from being yanked about;
  // weak links keep that rule at a fraction of the pull.
  const count = new Uint32Array(nodes.length);
  for (const link of simLinks) {
    for (const end of [endIndex(link.source), endIndex(link.target)]) count[end] = (count[end] ?? 0) + 1;
  }
  const strength = (link: SimLink) =>
    (link.weak ? WEAK_PULL : 1) / Math.min(count[endIndex(link.source)] ?? 1, count[endIndex(link.target)] ?? 1);
  const ticks = fixedTicks ?? ticksFor(members.length);
  const alphaMin = 0.001;
  const simulation = forceSimulation(nodes)
    .randomSource(seededRandom(seed))
    .alphaMin(alphaMin)
    .alphaDecay(1 - Math.pow(alphaMin, 1 / ticks))
    .force('link', forceLink<SimNode, SimLink>(simLinks).distance(LINK_DISTANCE).strength(strength))
    // A wider Barnes–Hut angle for big components: much cheaper, and the picture is no worse at that scale.
    .force(
      'charge',
      forceManyBody<SimNode>()
        .strength(-45)
        .theta(members.length > 1000 ? 1.5 : 0.9),
    )
    // Gentle gravity keeps loosely tied branches from flying off and makes each component roughly round.
    .force('x', forceX<SimNode>(0).strength(0.04))
    .force('y', forceY<SimNode>(0).strength(0.04))
    .stop();
  simulation.tick(ticks);
  const out = new Map<number, [number, number]>();
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const node of nodes) {
    const x = node.x ?? 0;
    const y = node.y ?? 0;
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  nodes.forEach((node, i) => {
    const index = members[i];
    if (index !== undefined) out.set(index, [(node.x ?? 0) - cx, (node.y ?? 0) - cy]);
  });
  return out;
}

/**
 * Starting positions on a sunflower spiral in breadth-first order from the best-connected node, so
 * linked nodes start near each other and the simulation needs far fewer ticks to untangle them than
 * from d3's default spiral in input (alphabetical) order.
 */
function seedPositions(nodes: SimNode[], links: readonly SimLink[]): void {
  const adjacency: number[][] = nodes.map(() => []);
  for (const link of links) {
    const source = endIndex(link.source);
    const target = endIndex(link.target);
    adjacency[source]?.push(target);
    adjacency[target]?.push(source);
  }
  let start = 0;
  adjacency.forEach((list, i) => {
    if (list.length > (adjacency[start]?.length ?? 0)) start = i;
  });
  const order: number[] = [start];
  const seen = new Uint8Array(nodes.length);
  seen[start] = 1;
  for (let head = 0; head < order.length; head++) {
    for (const next of adjacency[order[head] ?? 0] ?? []) {
      if (seen[next]) continue;
      seen[next] = 1;
      order.push(next);
    }
  }
  const golden = Math.PI * (3 - Math.sqrt(5));
  order.forEach((index, i) => {
    const node = nodes[index];
    if (!node) return;
    const radius = LINK_DISTANCE * 0.5 * Math.sqrt(0.5 + i);
    node.x = radius * Math.cos(i * golden);
    node.y = radius * Math.sin(i * golden);
  });
}

/** A laid-out block to pack: positions relative to its centre and its size. */
interface Block {
  positions: Map<number, [number, number]>;
  width: number;
  height: number;
}

function blockOf(positions: Map<number, [number, number]>): Block {
  let width = 0;
  let height = 0;
  for (const [x, y] of positions.values()) {
    width = Math.max(width, Math.abs(x) * 2);
    height = Math.max(height, Math.abs(y) * 2);
  }
  return { positions, width, height };
}

/** Places unconnected nodes in a square-ish grid, in the order given. */
function gridOf(members: readonly number[]): Map<number, [number, number]> {
  const columns = Math.max(1, Math.ceil(Math.sqrt(members.length)));
  const rows = Math.ceil(members.length / columns);
  const out = new Map<number, [number, number]>();
  members.forEach((index, i) => {
    out.set(index, [((i % columns) - (columns - 1) / 2) * GRID, (Math.floor(i / columns) - (rows - 1) / 2) * GRID]);
  });
  return out;
}

/** Packs blocks in rows (largest first) into a roughly square picture; returns each block's centre. */
function pack(blocks: readonly Block[]): [number, number][] {
  const area = blocks.reduce((sum, b) => sum + (b.width + GAP) * (b.height + GAP), 0);
  const rowWidth = Math.max(Math.sqrt(area) * 1.2, ...blocks.map((b) => b.width + GAP));
  const centres: [number, number][] = [];
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const block of blocks) {
    if (x > 0 && x + block.width > rowWidth) {
      x = 0;
      y += rowHeight + GAP;
      rowHeight = 0;
    }
    centres.push([x + block.width / 2, y + block.height / 2]);
    x += block.width + GAP;
    rowHeight = Math.max(rowHeight, block.height);
  }
  return centres;
}

/**
 * Lays out a graph: one integer position per node, in node order, centred on (0, 0). Deterministic:
 * the same nodes, edges and options always give the same numbers.
 */
export function layoutGraph(graph: LayoutInput, options: LayoutOptions = {}): LayoutPoint[] {
  const { seed = 1, ticks } = options;
  const indexOf = new Map(graph.nodes.map((node, i) => [node.id, i]));
  const links: Link[] = [];
  for (const edge of graph.edges) {
    const a = indexOf.get(edge.source);
    const b = indexOf.get(edge.target);
    if (a !== undefined && b !== undefined && a !== b) links.push([a, b, edge.weak === true]);
  }
  const components = componentsOf(graph.nodes.length, links);
  const componentOf = new Int32Array(graph.nodes.length);
  components.forEach((members, c) => members.forEach((index) => (componentOf[index] = c)));
  const linksOf = components.map((): Link[] => []);
  for (const link of links) linksOf[componentOf[link[0]] ?? 0]?.push(link);

  const blocks: Block[] = [];
  const singles: number[] = [];
  components.forEach((members, c) => {
    if (members.length === 1) singles.push(...members);
    else blocks.push(blockOf(simulate(members, linksOf[c] ?? [], seed + c, ticks)));
  });
  if (singles.length > 0) blocks.push(blockOf(gridOf(singles)));

  const centres = pack(blocks);
  const out: [number, number][] = graph.nodes.map(() => [0, 0]);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  blocks.forEach((block, b) => {
    const [cx, cy] = centres[b] ?? [0, 0];
    for (const [index, [x, y]] of block.positions) {
      const px = cx + x;
      const py = cy + y;
      out[index] = [px, py];
      minX = Math.min(minX, px);
      minY = Math.min(minY, py);
      maxX = Math.max(maxX, px);
      maxY = Math.max(maxY, py);
    }
  });
  const mx = out.length > 0 ? (minX + maxX) / 2 : 0;
  const my = out.length > 0 ? (minY + maxY) / 2 : 0;
  // Rounding to whole units keeps graph.json small and hides floating-point noise between machines.
  return out.map(([x, y]) => [Math.round(x - mx) + 0, Math.round(y - my) + 0] as const);
}
