import { describe, expect, test } from 'vitest';
import { problemsPage } from '../../src/lib/problems-page.ts';

/** The page `npm run dev` shows while the case has problems says what the build says, escaped. */
describe('problemsPage', () => {
  const html = problemsPage(
    [
      { file: 'content/sources/x.md', field: 'url', message: 'a source needs a url' },
      {
        file: 'content/people/gao-qiang.md',
        line: 7,
        field: 'links[0].to',
        message: 'nothing is at "companies/<b>x</b>"',
        fix: 'did you mean "companies/x"?',
      },
    ],
    '/base/@vite/client',
  );

  test('lists each problem with its file and line, field, message and fix, sorted by file', () => {
    expect(html).toContain('<h1>The case has 2 problems in 2 files</h1>');
    const first = html.indexOf('content/people/gao-qiang.md:7');
    const second = html.indexOf('content/sources/x.md');
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    expect(html).toContain('<code>links[0].to</code>: nothing is at &quot;companies/&lt;b&gt;x&lt;/b&gt;&quot;');
    expect(html).toContain('fix: did you mean &quot;companies/x&quot;?');
  });

  test('loads the dev server’s client, which reloads it after a fix', () => {
    expect(html).toContain('<script type="module" src="/base/@vite/client"></script>');
  });
});
