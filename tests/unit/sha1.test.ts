import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { sha1 } from '../../src/lib/sha1.ts';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('sha1', () => {
  test.each([
    ['', 'da39a3ee5e6b4b0d3255bfef95601890afd80709'],
    ['abc', 'a9993e364706816aba3e25717850c26c9cd0d89d'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '84983e441c3bd26ebaae4aa1f95129e5e54670f1'],
  ])('hashes %j as FIPS 180 says (%s)', (text, digest) => {
    expect(hex(sha1(new TextEncoder().encode(text)))).toBe(digest);
  });

  test('agrees with node:crypto on every length around the block boundaries and on hanzi', () => {
    for (let length = 0; length <= 200; length++) {
      const text = `天津${'x'.repeat(length)}`;
      expect(hex(sha1(new TextEncoder().encode(text)))).toBe(createHash('sha1').update(text).digest('hex'));
    }
  });
});
