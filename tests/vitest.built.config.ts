import { defineConfig } from 'vitest/config';

/**
 * Checks of the built sites (dist/ and dist-fixture/) against published standards: HTML, feeds,
 * sitemaps. `npm run test:built`, after both builds; `npm test` runs it between the builds and the
 * browser tests.
 */
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['tests/built/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
  },
});
