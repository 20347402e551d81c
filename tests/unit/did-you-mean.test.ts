import { describe, expect, test } from 'vitest';
import { didYouMean, editDistance } from '../../src/lib/did-you-mean.ts';

describe('editDistance', () => {
  test.each([
    ['', '', 0],
    ['abc', 'abc', 0],
    ['abc', 'abd', 1],
    ['abc', 'ab', 1],
    ['kitten', 'sitting', 3],
  ])('%j → %j is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });
});

describe('didYouMean', () => {
  const ids = ['companies/huaying-haitai', 'people/gao-qiang', 'people/zhang-shilong'];

  test('suggests the closest id', () => {
    expect(didYouMean('companies/huaying-haitia', ids)).toBe('companies/huaying-haitai');
  });

  test('suggests the same slug under another type', () => {
    expect(didYouMean('people/huaying-haitai', ids)).toBe('companies/huaying-haitai');
  });

  test('suggests nothing when nothing is close', () => {
    expect(didYouMean('tools/redleaves', ids)).toBeUndefined();
  });
});
