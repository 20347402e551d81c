import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../e2e/built-site.ts';

/**
 * The files static hosts read from a built site besides its pages: `_redirects` (Cloudflare Pages,
 * Netlify) answers the fixture's one renamed entry (`redirect_from: [wei-li]` on people/li-wei)
 * with a 301, under the base path the site was built for. (`_headers` is checked against every
 * page's own policy in tests/e2e/site-checks.ts, and served by nginx in nginx-recipe.test.ts.)
 */

describe.each([
  { dist: 'dist-fixture', base: '/' },
  { dist: 'dist-fixture-base', base: '/case/' },
])('$dist', ({ dist, base }) => {
  const file = path.join(ROOT, dist, '_redirects');

  test.skipIf(!existsSync(path.join(ROOT, dist)))('has a _redirects file with the old slug’s 301', () => {
    expect(readFileSync(file, 'utf8')).toBe(
      `# Old addresses of renamed entries, forwarded to where the entries are now.\n${base}people/wei-li/ ${base}people/li-wei/ 301\n`,
    );
  });
});
