import { describe, expect, test } from 'vitest';
import { overlaps, placeLabels, type LabelRequest } from '../../src/lib/label-placement.ts';

const bounds = { x0: 0, y0: 0, x1: 400, y1: 300 };
const label = (id: number, x: number, y: number, width = 60, must = false): LabelRequest => ({
  id,
  x,
  y,
  r: 4,
  width,
  height: 14,
  must,
});

describe('placeLabels', () => {
  test('puts a lone label to the right of its mark', () => {
    const [placed] = placeLabels([label(1, 100, 100)], bounds);
    expect(placed?.box).toEqual({ x0: 108, y0: 93, x1: 168, y1: 107 });
    expect(placed?.align).toBe('start');
  });

  test('no two placed labels overlap, however crowded the marks', () => {
    const crowd = Array.from({ length: 60 }, (_, i) => label(i, 150 + (i % 8) * 6, 120 + Math.floor(i / 8) * 5));
    const placed = placeLabels(crowd, bounds);
    for (const a of placed) for (const b of placed) if (a !== b) expect(overlaps(a.box, b.box)).toBe(false);
    expect(placed.length).toBeGreaterThan(5);
  });

  test('earlier labels win: a second label at the same place moves to the other side', () => {
    const placed = placeLabels([label(1, 100, 100), label(2, 100, 100)], bounds);
    expect(placed.map((p) => p.align)).toEqual(['start', 'end']);
  });

  test('labels keep off obstacles and out of bounds', () => {
    const placed = placeLabels([label(1, 380, 100)], bounds, { obstacles: [{ x0: 300, y0: 60, x1: 376, y1: 90 }] });
    const [first] = placed;
    expect(first && first.box.x1 <= 400).toBe(true);
    expect(first && overlaps(first.box, { x0: 300, y0: 60, x1: 376, y1: 90 })).toBe(false);
  });

  test('a label that must show looks further out before giving up', () => {
    // Something occupies everything next to the mark, but not a little further up.
    const obstacles = [{ x0: 150, y0: 125, x1: 250, y1: 175 }];
    expect(placeLabels([label(9, 200, 150, 40)], bounds, { obstacles })).toEqual([]);
    const [placed] = placeLabels([label(9, 200, 150, 40, true)], bounds, { obstacles });
    expect(placed?.box).toEqual({ x0: 180, y0: 106, x1: 220, y1: 120 });
  });

  test('stops at the limit', () => {
    const many = Array.from({ length: 20 }, (_, i) => label(i, 20 + i * 18, 20 + (i % 2) * 150, 10));
    expect(placeLabels(many, bounds, { limit: 5 })).toHaveLength(5);
  });
});
