import { markdownToHtml, mdxToJs } from 'satteri';
import { describe, expect, test } from 'vitest';
import { sanitiserPlugin } from '../../src/integrations/markdown-sanitiser.ts';

/**
 * The sanitising step of the Markdown pipeline, through Sätteri as the build runs it (raw HTML
 * parsed into elements): what the allowlist keeps, what it drops, and what it adds.
 */

const plugin = sanitiserPlugin('https://casefile.example/');

function render(markdown: string): string {
  return markdownToHtml(markdown, { hastPlugins: [plugin], features: { rawHtml: true, gfm: true } }).html.trim();
}

describe('kept', () => {
  test.each([
    ['<abbr title="Limited">Ltd</abbr>', '<p><abbr title="Limited">Ltd</abbr></p>'],
    ['<kbd>Ctrl</kbd> H<sub>2</sub>O x<sup>2</sup>', '<p><kbd>Ctrl</kbd> H<sub>2</sub>O x<sup>2</sup></p>'],
    ['<span lang="zh">高强</span>', '<p><span lang="zh">高强</span></p>'],
    ['[site](/people/x/)', '<p><a href="/people/x/">site</a></p>'],
    ['[mail](mailto:desk@example.org)', '<p><a href="mailto:desk@example.org">mail</a></p>'],
    ['![a photo](./photo.jpg)', '<p><img src="./photo.jpg" alt="a photo"></p>'],
  ])('%s', (markdown, html) => {
    expect(render(markdown)).toBe(html);
  });

  test('details, tables with their alignment, footnotes', () => {
    expect(render('<details open><summary>More</summary>\n\nText\n\n</details>')).toBe(
      '<details open><summary>More</summary>\n<p>Text</p>\n</details>',
    );
    expect(render('| a | b |\n|:--|--:|\n| 1 | 2 |')).toContain('<th align="left">a</th>');
    const footnote = render('Note.[^1]\n\n[^1]: Said.');
    expect(footnote).toContain('<a href="#user-content-fn-1" id="user-content-fnref-1"');
    expect(footnote).toContain('<li id="user-content-fn-1">');
  });
});

describe('added', () => {
  test('external links open without opener or referrer', () => {
    expect(render('[out](https://example.org/x)')).toBe(
      '<p><a href="https://example.org/x" rel="noopener noreferrer">out</a></p>',
    );
    expect(render('<https://example.org/y>')).toContain('rel="noopener noreferrer"');
  });
});

describe('dropped', () => {
  test.each([
    ['<meta http-equiv="refresh" content="0;url=https://evil.example/">', ''],
    ['<script>alert(1)</script>', ''],
    ['<iframe src="https://evil.example/"></iframe>', ''],
    ['<svg onload="alert(1)"><script>alert(2)</script></svg>', '<p></p>'],
    ['<style>body{display:none}</style>', ''],
    ['<base href="https://evil.example/">', ''],
    ['<object data="x.swf"></object>', '<p></p>'],
    ['<form action="https://evil.example/"><input name="p"><button>go</button></form>', 'go'],
    ['<abbr title="x" onmouseover="alert(1)" style="color:red">a</abbr>', '<p><abbr title="x">a</abbr></p>'],
    ['<span id="search" class="callout">s</span>', '<p><span>s</span></p>'],
    ['[x](javascript:alert(1))', '<p><a>x</a></p>'],
    ['[x](JaVaScRiPt:alert(1))', '<p><a>x</a></p>'],
    ['[x](&#106;avascript:alert(1))', '<p><a>x</a></p>'],
    ['[x](<java\tscript:alert(1)>)', '<p><a>x</a></p>'],
    ['[x](vbscript:msgbox(1))', '<p><a>x</a></p>'],
    ['[x](data:text/html,hi)', '<p><a>x</a></p>'],
    ['<q cite="javascript:alert(1)">q</q>', '<p><q>q</q></p>'],
    ['![pixel](https://tracker.example/p.gif)', '<p><img alt="pixel"></p>'],
  ])('%s', (markdown, html) => {
    expect(render(markdown)).toBe(html);
  });
});

describe('in a report’s MDX', () => {
  const compile = (mdx: string) => mdxToJs(mdx, { hastPlugins: [plugin], jsxImportSource: 'astro' }).code;

  test('the site’s components stay, with their props', () => {
    const code = compile('<GraphFocus entities={["people/x"]} caption="c" />');
    expect(code).toContain('_jsx(GraphFocus');
    expect(code).toContain('"people/x"');
  });

  test('imports, expressions and other JSX are dropped', () => {
    const code = compile(
      "import { execSync } from 'node:child_process'\n\n{execSync('id')}\n\n<script>alert(1)</script>\n\n<a href=\"javascript:alert(2)\">j</a>",
    );
    expect(code).not.toContain('child_process');
    expect(code).not.toContain('execSync');
    expect(code).not.toContain('alert');
  });

  test('Markdown links are sanitised as in Markdown', () => {
    const code = compile('[x](javascript:alert(1)) and [y](https://example.org/)');
    expect(code).not.toContain('javascript:');
    expect(code).toContain('"noopener noreferrer"');
  });
});
