import { ENTITY_TYPES, ENTITY_TYPE_INFO } from '../lib/schema/entity-types.ts';
import { CONFIDENCE_INFO, CONFIDENCE_LEVELS } from '../lib/schema/confidence.ts';
import { shapeVertices } from '../lib/shapes.ts';

/**
 * Draws the case graph on a canvas, fast enough to redraw every frame of a zoom at thousands of
 * nodes: edges batched into one path per line style, nodes into one path per type, everything off
 * screen skipped, and labels placed greedily by importance on a grid so none overlaps another.
 */

/** The graph in flat arrays, indexed by node and edge number. */
export interface Scene {
  /** Layout x of each node. */
  xs: Float64Array;
  /** Layout y of each node. */
  ys: Float64Array;
  /** Index into ENTITY_TYPES of each node. */
  types: Uint8Array;
  /** Base radius of each node in CSS pixels at the fitted zoom. */
  radii: Float32Array;
  /** Label of each node. */
  labels: string[];
  /** Node indexes, most important (most connected) first: the order labels are placed in. */
  labelOrder: Uint32Array;
  /** Source node of each edge. */
  sources: Uint32Array;
  /** Target node of each edge. */
  targets: Uint32Array;
  /** Line style of each edge: a confidence rank (0 confirmed … 4 unverified), or MENTION. */
  styles: Uint8Array;
  /** 1 for each node the filters show. */
  shownNodes: Uint8Array;
  /** Indexes of the edges the filters show. */
  shownEdges: Uint32Array;
}

/** The style of a mention edge, after the five confidence grades. */
export const MENTION = CONFIDENCE_LEVELS.length;

/** What to bring forward: hovered or focused neighbourhoods, or a traced path. */
export interface Emphasis {
  /** Nodes drawn at full strength. */
  nodes: ReadonlySet<number>;
  /** Edges drawn at full strength. */
  edges: ReadonlySet<number>;
  /** Edges drawn as a path (thick, in the accent colour). */
  path: ReadonlySet<number>;
  /** Nodes ringed (the focus, a path's ends). */
  ringed: ReadonlySet<number>;
}

/** Colours read from the page's CSS, so the canvas follows the light or dark scheme. */
export interface Palette {
  /** The stage's background, for halos and node outlines. */
  background: string;
  /** Labels. */
  text: string;
  /** Relationship lines. */
  line: string;
  /** Mention lines. */
  faint: string;
  /** Paths and focus rings. */
  accent: string;
  /** One fill per entity type, in ENTITY_TYPES order. */
  types: string[];
  /** Label font. */
  font: string;
}

/** Reads the palette from CSS custom properties on an element. */
export function readPalette(element: Element): Palette {
  const css = getComputedStyle(element);
  const value = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    background: value('--bg-raised', '#ffffff'),
    text: value('--text', '#1c1c1e'),
    line: value('--muted', '#55555b'),
    faint: value('--faint', '#767680'),
    accent: value('--focus', '#c2410c'),
    types: ENTITY_TYPES.map((type) => value(`--type-${type}`, ENTITY_TYPE_INFO[type].colour)),
    font: `12px ${value('--sans', 'system-ui, sans-serif')}`,
  };
}

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

/** How much nodes grow as the reader zooms in: a little, so a zoomed-in cluster stays legible. */
export function zoomGrowth(view: Viewport): number {
  return Math.min(1.8, Math.max(0.7, Math.sqrt(view.k / view.fitK)));
}

/** How many labels (in importance order) may show at this zoom: a few dozen hubs at the whole case, more as you zoom. */
function labelBudget(view: Viewport): number {
  const zoom = view.k / view.fitK;
  return Math.max(30, Math.round(30 * zoom * zoom));
}

/** At most this many labels per frame keep a frame cheap even deep inside a dense cluster. */
const MAX_LABELS = 160;
/** Longest label drawn; the hover card has the full name. */
const MAX_LABEL = 32;
/** Side of a cell of the label-collision grid, in CSS pixels. */
const CELL = 48;

/** Corners of each type's shape at radius 1 (undefined for circles), scaled per node when drawn. */
const UNIT_SHAPES = ENTITY_TYPES.map((type) => shapeVertices(ENTITY_TYPE_INFO[type].shape, 1));

/** Adds one node's shape to a path. */
function addShape(path: Path2D, type: number, x: number, y: number, r: number): void {
  const corners = UNIT_SHAPES[type];
  if (!corners) {
    path.moveTo(x + r, y);
    path.arc(x, y, r, 0, Math.PI * 2);
    return;
  }
  corners.forEach(([cx, cy], i) => {
    if (i === 0) path.moveTo(x + cx * r, y + cy * r);
    else path.lineTo(x + cx * r, y + cy * r);
  });
  path.closePath();
}

/** Rectangles already taken by labels, bucketed by grid cell. */
class LabelGrid {
  readonly #cells = new Map<number, number[]>();

  /** True when the box overlaps no label placed so far. */
  fits(x0: number, y0: number, x1: number, y1: number): boolean {
    for (let cx = Math.floor(x0 / CELL); cx <= Math.floor(x1 / CELL); cx++) {
      for (let cy = Math.floor(y0 / CELL); cy <= Math.floor(y1 / CELL); cy++) {
        const boxes = this.#cells.get(cx * 100_003 + cy);
        if (!boxes) continue;
        for (let i = 0; i < boxes.length; i += 4) {
          if (
            x0 < (boxes[i + 2] ?? 0) &&
            x1 > (boxes[i] ?? 0) &&
            y0 < (boxes[i + 3] ?? 0) &&
            y1 > (boxes[i + 1] ?? 0)
          ) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /** Takes a box. */
  add(x0: number, y0: number, x1: number, y1: number): void {
    for (let cx = Math.floor(x0 / CELL); cx <= Math.floor(x1 / CELL); cx++) {
      for (let cy = Math.floor(y0 / CELL); cy <= Math.floor(y1 / CELL); cy++) {
        const key = cx * 100_003 + cy;
        const boxes = this.#cells.get(key);
        if (boxes) boxes.push(x0, y0, x1, y1);
        else this.#cells.set(key, [x0, y0, x1, y1]);
      }
    }
  }
}

/** What one frame drew: nodes and edges on screen, and labels placed. */
export interface DrawnCounts {
  /** Node marks drawn. */
  nodes: number;
  /** Edge lines drawn. */
  edges: number;
  /** Labels drawn. */
  labels: number;
}

/** Draws the scene and says how much it drew. `widths` caches label widths between frames (NaN until measured). */
export function drawScene(
  ctx: CanvasRenderingContext2D,
  scene: Scene,
  view: Viewport,
  palette: Palette,
  widths: Float32Array,
  emphasis: Emphasis | undefined,
): DrawnCounts {
  const { k, x: tx, y: ty, width, height } = view;
  const growth = zoomGrowth(view);
  const margin = 20;
  const sx = (i: number) => (scene.xs[i] ?? 0) * k + tx;
  const sy = (i: number) => (scene.ys[i] ?? 0) * k + ty;
  const onScreen = (x: number, y: number) => x > -margin && x < width + margin && y > -margin && y < height + margin;
  ctx.clearRect(0, 0, width, height);

  // Edges, one path per line style; the emphasised ones again on top.
  const paths = Array.from({ length: MENTION + 1 }, () => new Path2D());
  const strong = Array.from({ length: MENTION + 1 }, () => new Path2D());
  const pathLines = Array.from({ length: MENTION + 1 }, () => new Path2D());
  let drawn = 0;
  for (const e of scene.shownEdges) {
    const s = scene.sources[e] ?? 0;
    const t = scene.targets[e] ?? 0;
    const x1 = sx(s);
    const y1 = sy(s);
    const x2 = sx(t);
    const y2 = sy(t);
    if (
      (x1 < -margin && x2 < -margin) ||
      (x1 > width + margin && x2 > width + margin) ||
      (y1 < -margin && y2 < -margin) ||
      (y1 > height + margin && y2 > height + margin)
    ) {
      continue;
    }
    const style = scene.styles[e] ?? MENTION;
    const target = emphasis?.path.has(e) ? pathLines : emphasis?.edges.has(e) ? strong : paths;
    const path = target[style];
    if (!path) continue;
    path.moveTo(x1, y1);
    path.lineTo(x2, y2);
    drawn++;
  }
  // A hairball of thousands of lines reads better fainter; a handful can be drawn firmly.
  const density = Math.min(1, Math.max(0.3, Math.sqrt(1200 / Math.max(1, drawn))));
  const strokeAll = (set: Path2D[], alpha: number, widthScale: number, colour?: string) => {
    set.forEach((path, style) => {
      const mention = style === MENTION;
      const level = CONFIDENCE_LEVELS[style];
      ctx.setLineDash(level ? [...CONFIDENCE_INFO[level].dash] : []);
      ctx.strokeStyle = colour ?? (mention ? palette.faint : palette.line);
      ctx.lineWidth = (mention ? 0.6 : 1.1) * widthScale;
      ctx.globalAlpha = alpha * (mention ? 0.55 : 0.85);
      ctx.stroke(path);
    });
  };
  strokeAll(paths, emphasis ? 0.18 * density : density, 1);
  if (emphasis) {
    strokeAll(strong, 1, 1.6);
    strokeAll(pathLines, 1, 2.6, palette.accent);
  }
  ctx.setLineDash([]);

  // Nodes, one path per type; dimmed when something is emphasised.
  const back = ENTITY_TYPES.map(() => new Path2D());
  const front = ENTITY_TYPES.map(() => new Path2D());
  const rings = new Path2D();
  const radius = (i: number) => (scene.radii[i] ?? 3) * growth;
  let nodes = 0;
  for (let i = 0; i < scene.xs.length; i++) {
    if (!scene.shownNodes[i]) continue;
    const x = sx(i);
    const y = sy(i);
    if (!onScreen(x, y)) continue;
    nodes++;
    const type = scene.types[i] ?? 0;
    const r = radius(i);
    const layer = emphasis && !emphasis.nodes.has(i) ? back : front;
    const path = layer[type];
    if (path) addShape(path, type, x, y, r);
    if (emphasis?.ringed.has(i)) {
      rings.moveTo(x + r + 4, y);
      rings.arc(x, y, r + 4, 0, Math.PI * 2);
    }
  }
  ctx.lineWidth = 1;
  ctx.strokeStyle = palette.background;
  ctx.globalAlpha = emphasis ? 0.3 : 1;
  back.forEach((path, type) => {
    ctx.fillStyle = palette.types[type] ?? palette.text;
    ctx.fill(path);
    ctx.stroke(path);
  });
  ctx.globalAlpha = 1;
  front.forEach((path, type) => {
    ctx.fillStyle = palette.types[type] ?? palette.text;
    ctx.fill(path);
    ctx.stroke(path);
  });
  ctx.strokeStyle = palette.accent;
  ctx.lineWidth = 2;
  ctx.stroke(rings);

  const labels = drawLabels(ctx, scene, view, palette, widths, emphasis, sx, sy, radius);
  return { nodes, edges: drawn, labels };
}

/** Places and draws labels: emphasised nodes first, then by importance within the zoom's budget. */
function drawLabels(
  ctx: CanvasRenderingContext2D,
  scene: Scene,
  view: Viewport,
  palette: Palette,
  widths: Float32Array,
  emphasis: Emphasis | undefined,
  sx: (i: number) => number,
  sy: (i: number) => number,
  radius: (i: number) => number,
): number {
  ctx.font = palette.font;
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  const grid = new LabelGrid();
  const placed: [i: number, x: number, y: number][] = [];
  const height = 16;
  const tryPlace = (i: number): void => {
    const x = sx(i);
    const y = sy(i);
    if (x < 0 || x > view.width || y < 0 || y > view.height) return;
    let w = widths[i] ?? NaN;
    if (Number.isNaN(w)) {
      w = ctx.measureText(scene.labels[i] ?? '').width;
      widths[i] = w;
    }
    const r = radius(i);
    const right = x + r + 4;
    const left = x - r - 4 - w;
    for (const x0 of [right, left]) {
      if (x0 < 0 || x0 + w > view.width) continue;
      if (grid.fits(x0 - 2, y - height / 2, x0 + w + 2, y + height / 2)) {
        grid.add(x0 - 2, y - height / 2, x0 + w + 2, y + height / 2);
        placed.push([i, x0, y]);
        return;
      }
    }
  };
  // Node marks themselves are obstacles for the emphasised ones, so their labels never cover them.
  if (emphasis) {
    for (const i of emphasis.nodes) {
      const r = radius(i);
      grid.add(sx(i) - r, sy(i) - r, sx(i) + r, sy(i) + r);
    }
    for (const i of emphasis.nodes) if (scene.shownNodes[i] && placed.length < MAX_LABELS) tryPlace(i);
  }
  const budget = Math.min(labelBudget(view), scene.labelOrder.length);
  for (let rank = 0; rank < budget && placed.length < MAX_LABELS; rank++) {
    const i = scene.labelOrder[rank] ?? 0;
    if (!scene.shownNodes[i] || emphasis?.nodes.has(i)) continue;
    tryPlace(i);
  }
  ctx.strokeStyle = palette.background;
  ctx.lineWidth = 3.5;
  ctx.fillStyle = palette.text;
  for (const [i, x, y] of placed) {
    const text = scene.labels[i] ?? '';
    ctx.globalAlpha = emphasis && !emphasis.nodes.has(i) ? 0.45 : 1;
    ctx.strokeText(text, x, y);
    ctx.fillText(text, x, y);
  }
  ctx.globalAlpha = 1;
  return placed.length;
}

/** A node's label: its name, shortened when very long. */
export function labelOf(name: string): string {
  return name.length > MAX_LABEL ? `${name.slice(0, MAX_LABEL - 1).trimEnd()}…` : name;
}
