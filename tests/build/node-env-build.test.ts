import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runAstroBuild } from './astro-build.ts';

/**
 * A build is a build whatever its environment says. Vite's `import.meta.env.DEV` follows NODE_ENV and
 * its MODE follows MODE, so a build run where NODE_ENV or MODE is development or test (a CI box, a
 * shell profile, a test runner, which sets both) once published the fixture's drafts and told the
 * built search page's readers it had no index. The fixture has two drafts:
 * people/hidden-person.md and reports/draft-report.mdx.
 */

const out = mkdtempSync(path.join(tmpdir(), 'casefile-node-env-'));

beforeAll(() => {
  const result = runAstroBuild('tests/fixtures/basic', out, { NODE_ENV: 'development', MODE: 'development' });
  expect(result.status, result.output).toBe(0);
}, 180_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('a build under NODE_ENV=development and MODE=development', () => {
  test('publishes no draft page, record or sitemap line', () => {
    expect(existsSync(path.join(out, 'people/hidden-person/index.html'))).toBe(false);
    expect(existsSync(path.join(out, 'people/hidden-person.json'))).toBe(false);
    expect(existsSync(path.join(out, 'reports/draft-report/index.html'))).toBe(false);
    const sitemap = readFileSync(path.join(out, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).not.toContain('hidden-person');
    expect(sitemap).not.toContain('draft-report');
    expect(readFileSync(path.join(out, 'people/index.html'), 'utf8')).not.toContain('hidden-person');
  });

  test('writes the page policy and a search page without the development server notice', () => {
    const search = readFileSync(path.join(out, 'search/index.html'), 'utf8');
    expect(search).toContain('<meta http-equiv="content-security-policy"');
    expect(search).not.toContain('The development server has no search index');
  });
});
