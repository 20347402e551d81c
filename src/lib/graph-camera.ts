import { quadtree, type Quadtree } from 'd3-quadtree';
import { IN_SCOPE, type Scene } from './graph-scene.ts';

/**
 * The explorer's camera and hit-testing, as plain maths: where the whole case fits, how to frame a
 * set of nodes, and which node or edge lies under a point. The element feeds it d3-zoom's transform
 * and the pointer's position; tests and the mouse go through the same functions.
 */

/** The view: d3-zoom's transform, the canvas size in CSS pixels, and the zoom that fits the case. */
export interface Viewport {
  /** Scale. */
  k: number;
  /** Translation. */
  x: number;
  /** Translation. */
  y: number;
  /** Width in CSS pixels. */
  width: number;
  /** Height in CSS pixels. */
  height: number;
  /** The scale at which the whole case fits: node sizes and label density are relative to it. */
  fitK: number;
}

/** A zoom transform: scale, then translation. */
export interface Transform {
  /** Scale. */
  k: number;
  /** Translation. */
  x: number;
  /** Translation. */
  y: number;
}

/** How much nodes grow as the reader zooms in: a little, so a zoomed-in cluster stays legible. */
export function zoomGrowth(view: Viewport): number {
  return Math.min(1.8, Math.max(0.8, Math.sqrt(view.k / view.fitK)));
}

/** Space kept around the case when it is fitted, in CSS pixels. */
const FIT_PADDING = 28;

/** The scale at which every node fits a canvas of this size. */
export function fitScale(scene: Pick<Scene, 'xs' | 'ys'>, width: number, height: number): number {
  let extentX = 1;
  let extentY = 1;
  for (let i = 0; i < scene.xs.length; i++) {
    extentX = Math.max(extentX, Math.abs(scene.xs[i] ?? 0));
    extentY = Math.max(extentY, Math.abs(scene.ys[i] ?? 0));
  }
  return Math.max(
    0.01,
    Math.min((width - 2 * FIT_PADDING) / (2 * extentX), (height - 2 * FIT_PADDING) / (2 * extentY)),
  );
}

/** The deepest zoom: six times the whole-case scale, or a link some 600 pixels long. */
export function maxScale(fitK: number): number {
  return Math.max(fitK * 6, 20);
}

/**
 * The transform that frames a set of nodes (by index), never further out than the whole case and
 * never closer than five times it (four for a single node).
 */
export function frame(scene: Pick<Scene, 'xs' | 'ys'>, nodes: readonly number[], view: Viewport): Transform {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const i of nodes) {
    minX = Math.min(minX, scene.xs[i] ?? 0);
    maxX = Math.max(maxX, scene.xs[i] ?? 0);
    minY = Math.min(minY, scene.ys[i] ?? 0);
    maxY = Math.max(maxY, scene.ys[i] ?? 0);
  }
  if (!Number.isFinite(minX)) return { k: view.fitK, x: view.width / 2, y: view.height / 2 };
  const pad = 80;
  const span = Math.min(
    (view.width - 2 * pad) / Math.max(maxX - minX, 1),
    (view.height - 2 * pad) / Math.max(maxY - minY, 1),
  );
  const cap = nodes.length === 1 ? view.fitK * 4 : view.fitK * 5;
  const k = Math.max(view.fitK, Math.min(maxScale(view.fitK), cap, span));
  return { k, x: view.width / 2 - k * ((minX + maxX) / 2), y: view.height / 2 - k * ((minY + maxY) / 2) };
}

/** A node's position on screen (CSS pixels inside the canvas). */
export function screenOf(scene: Pick<Scene, 'xs' | 'ys'>, view: Transform, node: number): [number, number] {
  return [(scene.xs[node] ?? 0) * view.k + view.x, (scene.ys[node] ?? 0) * view.k + view.y];
}

/** The hit-testing index of the nodes in scope. */
export function nodeTree(scene: Scene): Quadtree<number> {
  const members: number[] = [];
  scene.nodeScope.forEach((scope, i) => {
    if (scope === IN_SCOPE) members.push(i);
  });
  return quadtree<number>(
    members,
    (i) => scene.xs[i] ?? 0,
    (i) => scene.ys[i] ?? 0,
  );
}

/** The node in scope under a point (canvas pixels), within its drawn radius plus a little slack. */
export function hitNode(
  tree: Quadtree<number>,
  scene: Scene,
  view: Viewport,
  px: number,
  py: number,
): number | undefined {
  const x = (px - view.x) / view.k;
  const y = (py - view.y) / view.k;
  const growth = zoomGrowth(view);
  const found = tree.find(x, y, (12 * growth + 6) / view.k);
  if (found === undefined) return undefined;
  const reach = ((scene.radii[found] ?? 3) * growth + 4) / view.k;
  return Math.hypot((scene.xs[found] ?? 0) - x, (scene.ys[found] ?? 0) - y) <= reach ? found : undefined;
}

/** Distance from a point to a segment, in the same units. */
function segmentDistance(px: number, py: number, x1: number, y1: number, x2: number, y2: number): number {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / length));
  return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
}

/** Pixels from a line within which the pointer counts as on it. */
export const EDGE_TOLERANCE = 5;

/** The edge in scope nearest a point (canvas pixels), if one passes within the tolerance. */
export function hitEdge(scene: Scene, view: Transform, px: number, py: number): number | undefined {
  let best: number | undefined;
  let bestDistance = EDGE_TOLERANCE;
  for (const e of scene.edgesInScope) {
    const [x1, y1] = screenOf(scene, view, scene.sources[e] ?? 0);
    const [x2, y2] = screenOf(scene, view, scene.targets[e] ?? 0);
    if (
      px < Math.min(x1, x2) - EDGE_TOLERANCE ||
      px > Math.max(x1, x2) + EDGE_TOLERANCE ||
      py < Math.min(y1, y2) - EDGE_TOLERANCE ||
      py > Math.max(y1, y2) + EDGE_TOLERANCE
    ) {
      continue;
    }
    const distance = segmentDistance(px, py, x1, y1, x2, y2);
    // Typed relationships win over mentions at the same distance: they are what the reader wants.
    if (distance < bestDistance || (distance === bestDistance && best !== undefined && e < best)) {
      best = e;
      bestDistance = distance;
    }
  }
  return best;
}

/** The point of an edge where the pointer is sure to find it: its middle (canvas pixels). */
export function edgeMidpoint(
  scene: Pick<Scene, 'xs' | 'ys' | 'sources' | 'targets'>,
  view: Transform,
  edge: number,
): [number, number] {
  const [x1, y1] = screenOf(scene, view, scene.sources[edge] ?? 0);
  const [x2, y2] = screenOf(scene, view, scene.targets[edge] ?? 0);
  return [(x1 + x2) / 2, (y1 + y2) / 2];
}
