import { describe, expect, test } from 'vitest';
import { pagePolicy, parseCsp } from '../../src/lib/security-policy.ts';

describe('pagePolicy', () => {
  test('scripts and styles from the site only, with no hashes, and Pagefind’s WebAssembly', () => {
    const policy = parseCsp(pagePolicy({ tileOrigin: undefined }));
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:']);
    expect(policy.get('object-src')).toEqual(["'none'"]);
  });

  test('images may come from the tile host the site is set to', () => {
    expect(parseCsp(pagePolicy({ tileOrigin: 'https://tiles.example' })).get('img-src')).toEqual([
      "'self'",
      'data:',
      'https://tiles.example',
    ]);
  });

  test('is one line a <meta> and a _headers entry can both carry', () => {
    expect(pagePolicy({ tileOrigin: 'https://tiles.example' })).toBe(
      "default-src 'self'; img-src 'self' data: https://tiles.example; connect-src 'self'; font-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; worker-src 'self' blob:; manifest-src 'self'; " +
        "script-src 'self' 'wasm-unsafe-eval'; style-src 'self'",
    );
  });
});
