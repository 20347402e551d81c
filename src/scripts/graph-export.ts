import { ENTITY_TYPES, ENTITY_TYPE_INFO } from '../lib/schema/entity-types.ts';
import { CONFIDENCE_INFO, CONFIDENCE_LEVELS } from '../lib/schema/confidence.ts';
import { shapePath } from '../lib/shapes.ts';
import { MENTION_RANK } from '../lib/graph-chains.ts';
import { FADED, IN_SCOPE, type Scene } from '../lib/graph-scene.ts';
import { screenOf, zoomGrowth, type Viewport } from '../lib/graph-camera.ts';
import { LINE_WIDTHS, type DrawnLabel, type Palette } from './graph-canvas.ts';

/**
 * Exports the explorer's current view as a figure: PNG (the canvas as drawn, at the screen's pixel
 * density) or SVG (the same marks as vectors), each with a legend of entity types and line styles
 * and a caption saying what is shown and where it came from. Loaded only when the reader asks.
 */

/** What an export needs from the explorer. */
export interface ExportInput {
  /** The explorer's canvas, as last drawn. */
  canvas: HTMLCanvasElement;
  /** The scene. */
  scene: Scene;
  /** The view it was drawn at. */
  view: Viewport;
  /** Colours. */
  palette: Palette;
  /** Labels as last placed. */
  labels: readonly DrawnLabel[];
  /** What the figure shows, in one line. */
  caption: string;
}

const LEGEND_HEIGHT = 74;

/** Legend rows: entity types, then grades with their line style. */
function legendItems(): { types: string[]; grades: { label: string; style: number }[] } {
  return {
    types: ENTITY_TYPES.map((type) => ENTITY_TYPE_INFO[type].plural),
    grades: [
      ...CONFIDENCE_LEVELS.map((level, style) => ({ label: CONFIDENCE_INFO[level].label, style })),
      { label: 'mention in text', style: MENTION_RANK },
    ],
  };
}

/** Dash of a line style. */
function dash(style: number): number[] {
  const level = CONFIDENCE_LEVELS[style];
  return level ? [...CONFIDENCE_INFO[level].dash] : [];
}

/** Offers a file to the reader. */
function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The view as a PNG, legend and caption below the picture. */
export async function exportPng(input: ExportInput, name: string): Promise<void> {
  const { canvas, view, palette, caption } = input;
  const scale = canvas.width / view.width;
  const out = document.createElement('canvas');
  out.width = canvas.width;
  out.height = Math.round((view.height + LEGEND_HEIGHT) * scale);
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas to export with');
  ctx.fillStyle = palette.background;
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(canvas, 0, 0);
  ctx.scale(scale, scale);
  const { types, grades } = legendItems();
  const top = view.height + 8;
  ctx.font = `12px ${palette.family}`;
  ctx.textBaseline = 'middle';
  let x = 12;
  types.forEach((label, type) => {
    const path = new Path2D(shapePath(ENTITY_TYPE_INFO[ENTITY_TYPES[type] ?? 'people'].shape, 5));
    ctx.save();
    ctx.translate(x + 5, top + 10);
    ctx.fillStyle = palette.types[type] ?? palette.text;
    ctx.fill(path);
    ctx.restore();
    ctx.fillStyle = palette.text;
    ctx.fillText(label, x + 14, top + 10);
    x += 22 + ctx.measureText(label).width;
  });
  x = 12;
  for (const { label, style } of grades) {
    ctx.setLineDash(dash(style));
    ctx.lineWidth = LINE_WIDTHS[style] ?? 1;
    ctx.strokeStyle = style === MENTION_RANK ? palette.faint : palette.text;
    ctx.beginPath();
    ctx.moveTo(x, top + 32);
    ctx.lineTo(x + 24, top + 32);
    ctx.stroke();
    ctx.fillStyle = palette.text;
    ctx.fillText(label, x + 30, top + 32);
    x += 42 + ctx.measureText(label).width;
  }
  ctx.setLineDash([]);
  ctx.fillStyle = palette.line;
  ctx.fillText(caption, 12, top + 54, view.width - 24);
  const blob = await new Promise<Blob | null>((resolve) => out.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the browser could not encode the PNG');
  download(blob, name);
}

/** Escapes text for SVG. */
function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The view as SVG: the same lines, marks and labels, with the legend and caption. */
export function exportSvg(input: ExportInput, name: string): void {
  const { scene, view, palette, labels, caption } = input;
  const width = view.width;
  const height = view.height + LEGEND_HEIGHT;
  const r = (n: number) => Math.round(n * 10) / 10;
  const inside = (x: number, y: number) => x >= -20 && x <= view.width + 20 && y >= -20 && y <= view.height + 20;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${xml(palette.family)}" font-size="12">`,
    `<title>${xml(caption)}</title>`,
    `<rect width="100%" height="100%" fill="${xml(palette.background)}"/>`,
    `<g fill="none" stroke-linecap="round">`,
  ];
  const line = (e: number, faded: boolean) => {
    const [x1, y1] = screenOf(scene, view, scene.sources[e] ?? 0);
    const [x2, y2] = screenOf(scene, view, scene.targets[e] ?? 0);
    if (!inside(x1, y1) && !inside(x2, y2)) return;
    const style = scene.styles[e] ?? MENTION_RANK;
    const stroke = style === MENTION_RANK ? palette.faint : style <= 1 ? palette.text : palette.line;
    const dashes = dash(style);
    parts.push(
      `<line x1="${r(x1)}" y1="${r(y1)}" x2="${r(x2)}" y2="${r(y2)}" stroke="${xml(stroke)}" stroke-width="${LINE_WIDTHS[style] ?? 1}"${dashes.length > 0 ? ` stroke-dasharray="${dashes.join(' ')}"` : ''}${faded ? ' opacity="0.15"' : ' opacity="0.8"'}/>`,
    );
  };
  for (const e of scene.edgesFaded) line(e, true);
  for (const e of scene.edgesInScope) line(e, false);
  parts.push('</g><g stroke-width="1">');
  const growth = zoomGrowth(view);
  scene.nodeScope.forEach((scope, i) => {
    if (scope !== IN_SCOPE && scope !== FADED) return;
    const [x, y] = screenOf(scene, view, i);
    if (!inside(x, y)) return;
    const type = ENTITY_TYPES[scene.types[i] ?? 0] ?? 'people';
    const d = shapePath(ENTITY_TYPE_INFO[type].shape, (scene.radii[i] ?? 3) * growth);
    parts.push(
      `<path d="${d}" transform="translate(${r(x)} ${r(y)})" fill="${xml(palette.types[scene.types[i] ?? 0] ?? palette.text)}" stroke="${xml(palette.background)}"${scope === FADED ? ' opacity="0.2"' : ''}/>`,
    );
  });
  parts.push(
    `</g><g fill="${xml(palette.text)}" stroke="${xml(palette.background)}" stroke-width="3.5" paint-order="stroke" dominant-baseline="middle">`,
  );
  for (const label of labels) {
    const anchor = label.align === 'start' ? 'start' : label.align === 'end' ? 'end' : 'middle';
    const x =
      label.align === 'start' ? label.box.x0 : label.align === 'end' ? label.box.x1 : (label.box.x0 + label.box.x1) / 2;
    parts.push(
      `<text x="${r(x)}" y="${r((label.box.y0 + label.box.y1) / 2)}" text-anchor="${anchor}">${xml(label.text)}</text>`,
    );
  }
  parts.push('</g>');
  const { types, grades } = legendItems();
  const top = view.height + 8;
  let x = 12;
  parts.push(`<g fill="${xml(palette.text)}" dominant-baseline="middle">`);
  types.forEach((label, type) => {
    const shape = ENTITY_TYPE_INFO[ENTITY_TYPES[type] ?? 'people'].shape;
    parts.push(
      `<path d="${shapePath(shape, 5)}" transform="translate(${x + 5} ${top + 10})" fill="${xml(palette.types[type] ?? palette.text)}"/>`,
      `<text x="${x + 14}" y="${top + 10}">${xml(label)}</text>`,
    );
    x += 30 + label.length * 7;
  });
  x = 12;
  for (const { label, style } of grades) {
    const dashes = dash(style);
    parts.push(
      `<line x1="${x}" y1="${top + 32}" x2="${x + 24}" y2="${top + 32}" stroke="${xml(style === MENTION_RANK ? palette.faint : palette.text)}" stroke-width="${LINE_WIDTHS[style] ?? 1}"${dashes.length > 0 ? ` stroke-dasharray="${dashes.join(' ')}"` : ''}/>`,
      `<text x="${x + 30}" y="${top + 32}">${xml(label)}</text>`,
    );
    x += 48 + label.length * 7;
  }
  parts.push(`<text x="12" y="${top + 54}" fill="${xml(palette.line)}">${xml(caption)}</text></g></svg>`);
  download(new Blob([parts.join('\n')], { type: 'image/svg+xml' }), name);
}

/** Exports the view in one of the two formats. */
export async function exportView(kind: 'png' | 'svg', input: ExportInput): Promise<void> {
  if (kind === 'png') await exportPng(input, 'link-diagram.png');
  else exportSvg(input, 'link-diagram.svg');
}
