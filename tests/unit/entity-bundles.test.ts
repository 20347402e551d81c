import { describe, expect, test } from 'vitest';
import { entityBundlesFor } from '../../src/lib/entity-bundles.ts';

describe('entityBundlesFor', () => {
  test.each([
    ['auto', 45, true],
    ['auto', 4000, true],
    ['auto', 4001, false],
    ['auto', 5000, false],
    ['all', 20000, true],
    ['none', 10, false],
  ] as const)('%s at %i entities: %s', (setting, entities, expected) => {
    expect(entityBundlesFor(setting, entities)).toBe(expected);
  });
});
