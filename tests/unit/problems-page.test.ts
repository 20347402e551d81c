import { describe, expect, test } from 'vitest';
import { problemsPage, problemsToken } from '../../src/lib/problems-page.ts';

/** The page `npm run dev` shows while the case has problems says what the build says, escaped. */
describe('problemsPage', () => {
  const problems = [
    { file: 'content/sources/x.md', field: 'url', message: 'a source needs a url' },
    {
      file: 'content/people/gao-qiang.md',
      line: 7,
      field: 'links[0].to',
      message: 'nothing is at "companies/<b>x</b>"',
      fix: 'did you mean "companies/x"?',
    },
  ];
  const html = problemsPage(problems, '/base/@vite/client', '/base/@casefile/problems-token');

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

  test('asks every second for the token of the problems as they are now, and reloads when it is not its own', () => {
    const script = /<script type="module">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(script).toContain(`const shown = "${problemsToken(problems)}";`);
    expect(script).toContain('fetch("/base/@casefile/problems-token", { cache: \'no-store\' })');
    expect(script).toContain('if (now !== shown) location.reload();');
    expect(script).toContain('setInterval(look, 1000);');
  });

  test('a token address cannot close the script', () => {
    const page = problemsPage(problems, '/@vite/client', '/</script><b>/@casefile/problems-token');
    expect(page).not.toContain('</script><b>');
    expect(page).toContain('"/\\u003c/script>\\u003cb>/@casefile/problems-token"');
  });
});

describe('problemsToken', () => {
  const a = { file: 'content/a.md', field: 'name', message: 'a name is needed' };
  const b = { file: 'content/b.md', line: 3, field: 'links[0].to', message: 'nothing is at "x"' };

  test('is empty when there are no problems, the same for the same list in any order, and differs for another', () => {
    expect(problemsToken([])).toBe('');
    expect(problemsToken([a, b])).toMatch(/^[0-9a-f]{16}$/);
    expect(problemsToken([a, b])).toBe(problemsToken([b, a]));
    expect(problemsToken([a])).not.toBe(problemsToken([a, b]));
    expect(problemsToken([{ ...b, line: 4 }])).not.toBe(problemsToken([b]));
  });
});
