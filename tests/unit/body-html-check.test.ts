import { mkdtempSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { bodyHtmlProblems } from '../../src/reader/body-html-check.ts';
import { unreferencedAssets } from '../../src/integrations/unreferenced-assets.ts';
import { isSafeUrl, unsafeScheme } from '../../src/lib/safe-url.ts';

/** The author-facing checks of bodies and the asset sweep, on hand-written input. */

/** One problem per line of the body: its line and what it says. */
function problems(body: string, format: 'md' | 'mdx' = 'md'): string[] {
  return bodyHtmlProblems(body, 'people/x.md', 10, format).map((p) => `${p.line}: ${p.message}`);
}

describe('bodyHtmlProblems', () => {
  test('allowlisted HTML and safe links pass', () => {
    expect(
      problems('<abbr title="Limited">Ltd</abbr> [x](https://example.org/) [y](/people/y/) <!-- a note -->'),
    ).toEqual([]);
  });

  test.each([
    ['<meta http-equiv="refresh" content="0;url=https://evil.example/">', '10: <meta> is not allowed in a body'],
    ['\n\n<iframe src="x"></iframe>', '12: <iframe> is not allowed in a body'],
    ['<a href="https://example.org/">raw</a>', '10: <a> is not allowed in a body'],
    ['<svg><circle r="1"/></svg>', '10: <svg> is not allowed in a body'],
    ['<abbr onclick="alert(1)">a</abbr>', '10: the attribute onclick="alert(1)" on <abbr> is not allowed'],
    ['<q cite="javascript:alert(1)">q</q>', '10: cite uses the javascript: scheme'],
    ['[x](javascript:alert(1))', '10: a link to a javascript: address'],
    ['[x](JaVaScRiPt:alert(1))', '10: a link to a javascript: address'],
    ['[x](&#106;avascript:alert(1))', '10: a link to a javascript: address'],
    ['[x](vbscript:x)', '10: a link to a vbscript: address'],
    ['![x](data:image/svg+xml,<svg/>)', '10: an image to a data: address'],
    ['[r]\n\n[r]: javascript:alert(1)', '12: a link to a javascript: address'],
  ])('%s', (body, message) => {
    expect(problems(body).join('\n')).toContain(message);
  });

  test('an MDX report has its Markdown links checked', () => {
    expect(problems('[x](javascript:alert(1))', 'mdx').join('\n')).toContain('a link to a javascript: address');
  });
});

describe('safe URLs', () => {
  test.each([
    ['https://example.org/', undefined],
    ['/people/x/', undefined],
    ['#sources', undefined],
    ['mailto:a@example.org', undefined],
    ['javascript:alert(1)', 'javascript'],
    ['java\tscript:alert(1)', 'javascript'],
    [' JAVASCRIPT:alert(1)', 'javascript'],
    ['data:text/html,x', 'data'],
    ['file:///etc/passwd', 'file'],
  ])('%s', (value, scheme) => {
    expect(unsafeScheme(value, 'https://casefile.example/')).toBe(scheme);
    expect(isSafeUrl(value, 'https://casefile.example/')).toBe(scheme === undefined);
  });
});

const scratch = mkdtempSync(path.join(tmpdir(), 'casefile-unit-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('unreferencedAssets', () => {
  test('keeps what pages name, and what those files name in turn', () => {
    const out = path.join(scratch, 'site');
    mkdirSync(path.join(out, '_astro'), { recursive: true });
    writeFileSync(
      path.join(out, 'index.html'),
      '<link rel="stylesheet" href="/_astro/Base.abc.css"><script src="/_astro/page.x1.js"></script>',
    );
    writeFileSync(path.join(out, '_astro/Base.abc.css'), '.m { background: url(./layers.p2.png) }');
    writeFileSync(path.join(out, '_astro/page.x1.js'), 'import("./chunk.c3.js")');
    writeFileSync(path.join(out, '_astro/chunk.c3.js'), 'export {}');
    writeFileSync(path.join(out, '_astro/layers.p2.png'), '');
    writeFileSync(path.join(out, '_astro/unused.u4.js'), 'import("./only-from-unused.u5.js")');
    writeFileSync(path.join(out, '_astro/only-from-unused.u5.js'), '');
    writeFileSync(path.join(out, '_astro/draft-photo.d6.webp'), '');
    expect(unreferencedAssets(out)).toEqual(['draft-photo.d6.webp', 'only-from-unused.u5.js', 'unused.u4.js']);
  });

  test('finds a name after text in any writing system, and reads nothing of the search index', () => {
    const out = path.join(scratch, 'site-hanzi');
    mkdirSync(path.join(out, '_astro'), { recursive: true });
    mkdirSync(path.join(out, 'people/zhang'), { recursive: true });
    mkdirSync(path.join(out, 'pagefind/fragment'), { recursive: true });
    writeFileSync(
      path.join(out, 'people/zhang/index.html'),
      `<p>${'张世龙 / 张士龙 '.repeat(500)}</p><img src="/_astro/photo.p7.webp" alt="张">`,
    );
    writeFileSync(path.join(out, 'people/zhang.json'), JSON.stringify({ name: '孙杰', image: '/_astro/card.c8.webp' }));
    // Pagefind's files are its own: a name in them keeps nothing.
    writeFileSync(path.join(out, 'pagefind/fragment/en_1.pf_fragment.json'), '"/_astro/indexed-only.i9.webp"');
    for (const name of ['photo.p7.webp', 'card.c8.webp', 'indexed-only.i9.webp'])
      writeFileSync(path.join(out, '_astro', name), '');
    expect(unreferencedAssets(out)).toEqual(['indexed-only.i9.webp']);
  });

  test('with a memo, a file unchanged since the last sweep is taken as it was, and a file written again is read', () => {
    const out = path.join(scratch, 'site-memo');
    const memo = path.join(scratch, 'memo', 'asset-references.json');
    mkdirSync(path.join(out, '_astro'), { recursive: true });
    const page = path.join(out, 'index.html');
    const other = path.join(out, 'other.html');
    writeFileSync(page, '<link href="/_astro/Base.aa.css">');
    utimesSync(page, 1_700_000_000, 1_700_000_000);
    writeFileSync(other, '<img src="/_astro/old.o1.webp">');
    for (const name of ['Base.aa.css', 'Base.bb.css', 'old.o1.webp', 'new.n1.webp'])
      writeFileSync(path.join(out, '_astro', name), '');
    expect(unreferencedAssets(out, memo)).toEqual(['Base.bb.css', 'new.n1.webp']);
    // Same size, same time, other bytes: only a memo explains keeping the old name. (Whole seconds,
    // which the file system keeps exactly: Node sets a time in microseconds at best.)
    writeFileSync(page, '<link href="/_astro/Base.bb.css">');
    utimesSync(page, 1_700_000_000, 1_700_000_000);
    // Written again (another size and time): read again.
    writeFileSync(other, '<img src="/_astro/new.n1.webp" alt="">');
    expect(unreferencedAssets(out, memo)).toEqual(['Base.bb.css', 'old.o1.webp']);
    // A memo of another folder is not used, though a file of it has the same path, size and time.
    const copy = path.join(scratch, 'site-memo-copy');
    mkdirSync(path.join(copy, '_astro'), { recursive: true });
    writeFileSync(path.join(copy, 'index.html'), '<link href="/_astro/Base.bb.css">');
    utimesSync(path.join(copy, 'index.html'), 1_700_000_000, 1_700_000_000);
    writeFileSync(path.join(copy, '_astro', 'Base.aa.css'), '');
    writeFileSync(path.join(copy, '_astro', 'Base.bb.css'), '');
    expect(unreferencedAssets(copy, memo)).toEqual(['Base.aa.css']);
    // Without a memo, every file is read.
    expect(unreferencedAssets(out)).toEqual(['Base.aa.css', 'old.o1.webp']);
  });
});
