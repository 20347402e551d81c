/**
 * Collision-free label placement, shared by the link diagram and the map: labels are placed in
 * priority order, each in the first of a few positions around its mark where it overlaps neither a
 * label placed before it nor any obstacle (the marks themselves), and left out when none is free.
 * Labels that must show (the neighbours of what the reader points at) try more positions, further
 * out, and failing that may cross another mark (never another label) before they give up.
 * Rectangles are bucketed in a grid, so a frame of hundreds of labels stays well under a millisecond.
 */

/** A rectangle in screen pixels. */
export interface Box {
  /** Left. */
  x0: number;
  /** Top. */
  y0: number;
  /** Right. */
  x1: number;
  /** Bottom. */
  y1: number;
}

/** A label to place beside its mark. */
export interface LabelRequest {
  /** Caller's id for the label (e.g. the node index). */
  id: number;
  /** Centre of the mark, screen pixels. */
  x: number;
  /** Centre of the mark, screen pixels. */
  y: number;
  /** Radius of the mark: labels keep clear of it. */
  r: number;
  /** Width of the label text, pixels. */
  width: number;
  /** Height of the label text, pixels. */
  height: number;
  /** Whether to try harder (more positions, further out) before leaving it out. */
  must?: boolean;
  /** Whether the label is best centred on its point (a district's name) before trying around it. */
  centred?: boolean;
}

/** A placed label: where its text box goes. */
export interface PlacedLabel {
  /** The request's id. */
  id: number;
  /** The text box. */
  box: Box;
  /** Where the text is anchored inside it: `start` (text grows right) or `end`. */
  align: 'start' | 'end' | 'center';
}

const CELL = 48;

/** Rectangles taken so far, bucketed by grid cell. */
export class BoxGrid {
  readonly #cells = new Map<number, Box[]>();

  /** True when the box overlaps nothing taken so far. */
  fits(box: Box): boolean {
    for (let cx = Math.floor(box.x0 / CELL); cx <= Math.floor(box.x1 / CELL); cx++) {
      for (let cy = Math.floor(box.y0 / CELL); cy <= Math.floor(box.y1 / CELL); cy++) {
        for (const other of this.#cells.get(cx * 100_003 + cy) ?? []) {
          if (box.x0 < other.x1 && box.x1 > other.x0 && box.y0 < other.y1 && box.y1 > other.y0) return false;
        }
      }
    }
    return true;
  }

  /** Takes a box. */
  add(box: Box): void {
    for (let cx = Math.floor(box.x0 / CELL); cx <= Math.floor(box.x1 / CELL); cx++) {
      for (let cy = Math.floor(box.y0 / CELL); cy <= Math.floor(box.y1 / CELL); cy++) {
        const key = cx * 100_003 + cy;
        const list = this.#cells.get(key);
        if (list) list.push(box);
        else this.#cells.set(key, [box]);
      }
    }
  }
}

/** Candidate boxes around a mark, best first: right, left, above, below, then the diagonals (further out for a must). */
function candidates(label: LabelRequest): { box: Box; align: PlacedLabel['align'] }[] {
  const { x, y, r, width: w, height: h } = label;
  const gap = 4;
  const out: { box: Box; align: PlacedLabel['align'] }[] = label.centred
    ? [{ box: { x0: x - w / 2, y0: y - h / 2, x1: x + w / 2, y1: y + h / 2 }, align: 'center' }]
    : [];
  const rings = label.must ? [0, 10, 22, 36, 54] : [0];
  for (const extra of rings) {
    const d = r + gap + extra;
    out.push(
      { box: { x0: x + d, y0: y - h / 2, x1: x + d + w, y1: y + h / 2 }, align: 'start' },
      { box: { x0: x - d - w, y0: y - h / 2, x1: x - d, y1: y + h / 2 }, align: 'end' },
      { box: { x0: x - w / 2, y0: y - d - h, x1: x + w / 2, y1: y - d }, align: 'center' },
      { box: { x0: x - w / 2, y0: y + d, x1: x + w / 2, y1: y + d + h }, align: 'center' },
      { box: { x0: x + d * 0.7, y0: y - d * 0.7 - h, x1: x + d * 0.7 + w, y1: y - d * 0.7 }, align: 'start' },
      { box: { x0: x + d * 0.7, y0: y + d * 0.7, x1: x + d * 0.7 + w, y1: y + d * 0.7 + h }, align: 'start' },
      { box: { x0: x - d * 0.7 - w, y0: y - d * 0.7 - h, x1: x - d * 0.7, y1: y - d * 0.7 }, align: 'end' },
      { box: { x0: x - d * 0.7 - w, y0: y + d * 0.7, x1: x - d * 0.7, y1: y + d * 0.7 + h }, align: 'end' },
    );
  }
  return out;
}

/**
 * Places labels in the order given (most important first) inside `bounds`, never overlapping each
 * other or an obstacle; stops after `limit` labels. Returns the labels placed.
 */
export function placeLabels(
  labels: Iterable<LabelRequest>,
  bounds: Box,
  options: { obstacles?: Iterable<Box>; limit?: number } = {},
): PlacedLabel[] {
  const marks = new BoxGrid();
  for (const box of options.obstacles ?? []) marks.add(box);
  const taken = new BoxGrid();
  const limit = options.limit ?? Infinity;
  const placed: PlacedLabel[] = [];
  const inside = (box: Box) => box.x0 >= bounds.x0 && box.x1 <= bounds.x1 && box.y0 >= bounds.y0 && box.y1 <= bounds.y1;
  // A little air around each label keeps neighbours readable.
  const pad = (box: Box) => ({ x0: box.x0 - 2, y0: box.y0 - 1, x1: box.x1 + 2, y1: box.y1 + 1 });
  for (const label of labels) {
    if (placed.length >= limit) break;
    const options_ = candidates(label).filter(({ box }) => inside(box));
    // Clear of marks and labels; a label that must show may, failing that, cross another mark, never a label.
    const spot =
      options_.find(({ box }) => taken.fits(pad(box)) && marks.fits(box)) ??
      (label.must ? options_.find(({ box }) => taken.fits(pad(box))) : undefined);
    if (!spot) continue;
    taken.add(pad(spot.box));
    placed.push({ id: label.id, box: spot.box, align: spot.align });
  }
  return placed;
}

/** True when two boxes overlap (for tests and callers that check a placement). */
export function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && a.x1 > b.x0 && a.y0 < b.y1 && a.y1 > b.y0;
}
