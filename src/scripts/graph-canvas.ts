import { ENTITY_TYPES, ENTITY_TYPE_INFO } from '../lib/schema/entity-types.ts';
import { CONFIDENCE_INFO, CONFIDENCE_LEVELS } from '../lib/schema/confidence.ts';
import { shapeVertices } from '../lib/shapes.ts';
import { MENTION_RANK } from '../lib/graph-chains.ts';
import { FADED, IN_SCOPE, type Emphasis, type Scene } from '../lib/graph-scene.ts';
import { zoomGrowth, type Viewport } from '../lib/graph-camera.ts';
import { placeLabels, type Box, type LabelRequest } from '../lib/label-placement.ts';

/**
 * Paints the explorer's scene on a canvas, fast enough to redraw every frame of a zoom at thousands
 * of nodes: edges batched into one path per line style, nodes into one path per type, everything
 * off screen skipped. Line weight and dash both say the grade (colour only adds to it); labels go
 * through the shared collision-free placement, the emphasised nodes' labels first and in full.
 */

/** Colours read from the page's CSS, so the canvas follows the light or dark scheme. */
export interface Palette {
  /** The stage's background, for halos and node outlines. */
  background: string;
  /** Labels and the strongest lines. */
  text: string;
  /** Weaker lines. */
  line: string;
  /** Mention lines. */
  faint: string;
  /** Chains, the chosen edge and focus rings. */
  accent: string;
  /** One fill per entity type, in ENTITY_TYPES order. */
  types: string[];
  /** Font family of labels. */
  family: string;
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
    family: value('--sans', 'system-ui, sans-serif'),
  };
}

/** Line width of each style at the fitted zoom: confirmed heaviest, mentions hairlines. */
export const LINE_WIDTHS = [2.4, 1.8, 1.4, 1.15, 1.15, 0.6] as const;

/** Dash of each style, scaled to its width so dots stay dots. */
function dashOf(style: number): number[] {
  const level = CONFIDENCE_LEVELS[style];
  return level ? CONFIDENCE_INFO[level].dash.map((d) => d * Math.max(1, (LINE_WIDTHS[style] ?? 1) * 0.8)) : [];
}

/** How many labels (in importance order) may show: a few dozen hubs at the whole case, more as you zoom. */
function labelBudget(view: Viewport): number {
  const zoom = view.k / view.fitK;
  return Math.max(24, Math.round(24 * zoom * zoom));
}

/** At most this many labels per frame keep a frame cheap even deep inside a dense cluster. */
const MAX_LABELS = 160;
/** Longest label drawn for an ordinary node; emphasised ones get their full name. */
const MAX_LABEL = 28;
/** Label text height, pixels. */
const LABEL_HEIGHT = 15;

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

/** What one frame drew: nodes and edges in scope on screen, faded ones, and the labelled nodes. */
export interface DrawnCounts {
  /** Node marks drawn in scope. */
  nodes: number;
  /** Edge lines drawn in scope. */
  edges: number;
  /** Faded marks and lines drawn. */
  faded: number;
  /** Labels drawn. */
  labels: number;
  /** Node indexes that got a label. */
  labelled: number[];
}

/** A label as drawn: its text and box. */
export interface DrawnLabel {
  /** Node index. */
  node: number;
  /** The text drawn. */
  text: string;
  /** Where. */
  box: Box;
  /** Text alignment in the box. */
  align: 'start' | 'end' | 'center';
}

/** A node's label: its full name when emphasised, else shortened when very long. */
export function labelText(name: string, full: boolean): string {
  return full || name.length <= MAX_LABEL ? name : `${name.slice(0, MAX_LABEL - 1).trimEnd()}…`;
}

/** Draws the scene and says how much it drew. `widths` caches short-label widths between frames (NaN until measured). */
export function drawScene(
  ctx: CanvasRenderingContext2D,
  scene: Scene,
  view: Viewport,
  palette: Palette,
  widths: Float32Array,
  emphasis: Emphasis | undefined,
): { counts: DrawnCounts; labels: DrawnLabel[] } {
  const { k, x: tx, y: ty, width, height } = view;
  const growth = zoomGrowth(view);
  const margin = 20;
  const sx = (i: number) => (scene.xs[i] ?? 0) * k + tx;
  const sy = (i: number) => (scene.ys[i] ?? 0) * k + ty;
  const onScreen = (x: number, y: number) => x > -margin && x < width + margin && y > -margin && y < height + margin;
  ctx.clearRect(0, 0, width, height);
  ctx.lineCap = 'round';
  const styles = MENTION_RANK + 1;
  const batch = () => Array.from({ length: styles }, () => new Path2D());
  const faint = batch();
  const base = batch();
  const strong = batch();
  const chain = batch();
  let edges = 0;
  let faded = 0;
  const addEdge = (e: number, into: Path2D[]) => {
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
      return false;
    }
    const path = into[scene.styles[e] ?? MENTION_RANK];
    path?.moveTo(x1, y1);
    path?.lineTo(x2, y2);
    return true;
  };
  for (const e of scene.edgesFaded) if (addEdge(e, faint)) faded++;
  for (const e of scene.edgesInScope) {
    const into = emphasis?.path.has(e) ? chain : emphasis?.edges.has(e) ? strong : base;
    if (addEdge(e, into)) edges++;
  }
  // Thousands of lines read better thinner; a handful can be drawn firmly.
  const density = Math.min(1, Math.max(0.45, Math.sqrt(1500 / Math.max(1, edges))));
  const stroke = (set: Path2D[], alpha: number, scale: number, colour?: string) => {
    set.forEach((path, style) => {
      const mention = style === MENTION_RANK;
      ctx.setLineDash(dashOf(style));
      ctx.strokeStyle = colour ?? (mention ? palette.faint : style <= 1 ? palette.text : palette.line);
      ctx.lineWidth = (LINE_WIDTHS[style] ?? 1) * scale;
      ctx.globalAlpha = alpha * (mention ? 0.6 : style <= 1 ? 0.8 : 0.9);
      ctx.stroke(path);
    });
  };
  stroke(faint, 0.14, 0.8);
  stroke(base, emphasis ? 0.25 : density, emphasis ? 0.9 : density);
  if (emphasis) {
    stroke(strong, 1, 1.25);
    stroke(chain, 1, 1.6, palette.accent);
    if (emphasis.edge !== undefined) {
      const one = batch();
      if (addEdge(emphasis.edge, one)) stroke(one, 1, 2.2, palette.accent);
    }
  }
  ctx.setLineDash([]);

  // Nodes, one path per type and layer.
  const layers = [0, 1, 2].map(() => ENTITY_TYPES.map(() => new Path2D()));
  const rings = new Path2D();
  const radius = (i: number) => (scene.radii[i] ?? 3) * growth;
  let nodes = 0;
  const marks: Box[] = [];
  for (let i = 0; i < scene.xs.length; i++) {
    const scope = scene.nodeScope[i] ?? 0;
    if (scope === 0) continue;
    const x = sx(i);
    const y = sy(i);
    if (!onScreen(x, y)) continue;
    const type = scene.types[i] ?? 0;
    const r = radius(i);
    const layer = scope === FADED ? 0 : emphasis && !emphasis.nodes.has(i) ? 1 : 2;
    if (scope === IN_SCOPE) {
      nodes++;
      if (marks.length < 800) marks.push({ x0: x - r, y0: y - r, x1: x + r, y1: y + r });
    } else faded++;
    const path = layers[layer]?.[type];
    if (path) addShape(path, type, x, y, r);
    if (emphasis?.ringed.has(i)) {
      rings.moveTo(x + r + 4, y);
      rings.arc(x, y, r + 4, 0, Math.PI * 2);
    }
  }
  ctx.lineWidth = 1;
  ctx.strokeStyle = palette.background;
  [0.18, 0.4, 1].forEach((alpha, layer) => {
    ctx.globalAlpha = alpha;
    layers[layer]?.forEach((path, type) => {
      ctx.fillStyle = palette.types[type] ?? palette.text;
      ctx.fill(path);
      ctx.stroke(path);
    });
  });
  ctx.globalAlpha = 1;
  ctx.strokeStyle = palette.accent;
  ctx.lineWidth = 2.5;
  ctx.stroke(rings);

  const labels = chooseLabels(ctx, scene, view, palette, widths, emphasis, marks, sx, sy, radius);
  paintLabels(ctx, labels, palette, emphasis);
  return {
    counts: { nodes, edges, faded, labels: labels.length, labelled: labels.map((label) => label.node) },
    labels,
  };
}

/** Chooses which labels show and where: emphasised nodes first (in full), then by importance. */
function chooseLabels(
  ctx: CanvasRenderingContext2D,
  scene: Scene,
  view: Viewport,
  palette: Palette,
  widths: Float32Array,
  emphasis: Emphasis | undefined,
  marks: Box[],
  sx: (i: number) => number,
  sy: (i: number) => number,
  radius: (i: number) => number,
): DrawnLabel[] {
  ctx.font = `12px ${palette.family}`;
  const texts = new Map<number, string>();
  // Emphasised labels are drawn in full and bold; the rest shortened, their widths cached.
  const request = (i: number, emphasised: boolean, must: boolean): LabelRequest | undefined => {
    const x = sx(i);
    const y = sy(i);
    if (x < 0 || x > view.width || y < 0 || y > view.height) return undefined;
    const text = labelText(scene.labels[i] ?? '', emphasised);
    let w = emphasised ? NaN : (widths[i] ?? NaN);
    if (Number.isNaN(w)) {
      ctx.font = `${emphasised ? '600 ' : ''}12px ${palette.family}`;
      w = ctx.measureText(text).width;
      if (!emphasised) widths[i] = w;
    }
    texts.set(i, text);
    return { id: i, x, y, r: radius(i), width: w, height: LABEL_HEIGHT, must };
  };
  function* requests(): Generator<LabelRequest> {
    if (emphasis) {
      for (const i of emphasis.nodes) {
        const wanted = scene.nodeScope[i] === IN_SCOPE ? request(i, true, true) : undefined;
        if (wanted) yield wanted;
      }
    }
    const budget = Math.min(labelBudget(view), scene.labelOrder.length);
    let seen = 0;
    for (let rank = 0; rank < scene.labelOrder.length && seen < budget; rank++) {
      const i = scene.labelOrder[rank] ?? 0;
      if (scene.nodeScope[i] !== IN_SCOPE || emphasis?.nodes.has(i)) continue;
      seen++;
      // The best-connected few look harder for room: they are what a first look needs named.
      const wanted = request(i, false, rank < 12);
      if (wanted) yield wanted;
    }
  }
  const placed = placeLabels(
    requests(),
    { x0: 2, y0: 2, x1: view.width - 2, y1: view.height - 2 },
    {
      obstacles: marks,
      limit: MAX_LABELS,
    },
  );
  return placed.map((label) => ({
    node: label.id,
    text: texts.get(label.id) ?? '',
    box: label.box,
    align: label.align,
  }));
}

/** Paints placed labels over a halo of the background colour. */
function paintLabels(
  ctx: CanvasRenderingContext2D,
  labels: readonly DrawnLabel[],
  palette: Palette,
  emphasis: Emphasis | undefined,
): void {
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  ctx.strokeStyle = palette.background;
  ctx.lineWidth = 3.5;
  ctx.fillStyle = palette.text;
  for (const label of labels) {
    const strong = emphasis?.nodes.has(label.node) ?? false;
    ctx.font = `${strong ? '600 ' : ''}12px ${palette.family}`;
    ctx.textAlign = label.align === 'start' ? 'left' : label.align === 'end' ? 'right' : 'center';
    const x =
      label.align === 'start' ? label.box.x0 : label.align === 'end' ? label.box.x1 : (label.box.x0 + label.box.x1) / 2;
    const y = (label.box.y0 + label.box.y1) / 2;
    ctx.globalAlpha = emphasis && !strong ? 0.55 : 1;
    ctx.strokeText(label.text, x, y);
    ctx.fillText(label.text, x, y);
  }
  ctx.globalAlpha = 1;
  ctx.textAlign = 'left';
}
