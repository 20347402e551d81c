import { describe, expect, test } from 'vitest';
import { lineLocator } from '../../src/lib/lines.ts';

describe('lineLocator', () => {
  const lineOf = lineLocator('ab\ncd\n\nef');

  test.each([
    [0, 1],
    [2, 1],
    [3, 2],
    [6, 3],
    [7, 4],
    [9, 4],
  ])('offset %i is on line %i', (offset, line) => {
    expect(lineOf(offset)).toBe(line);
  });

  test('a text without newlines is one line', () => {
    expect(lineLocator('plain')(4)).toBe(1);
  });
});
