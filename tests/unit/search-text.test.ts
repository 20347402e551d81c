import { describe, expect, test } from 'vitest';
import { searchableCopy } from '../../src/lib/search-text.ts';

const page = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Li Wei · casefile</title>` +
  `<style>.x{color:red}</style></head><body><header><nav>Home</nav></header><main>${body}</main>` +
  `<footer>casefile</footer><dialog><input></dialog></body></html>`;

describe('searchableCopy', () => {
  test('keeps the html tag, the title and the marked element, and drops the rest of the page', () => {
    const article =
      '<article class="dossier" data-pagefind-body data-title="Li Wei"><h1>Li Wei</h1><p>李伟</p></article>';
    expect(searchableCopy(page(`<p>before</p>${article}<p>after</p>`))).toBe(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Li Wei · casefile</title></head><body>${article}</body></html>`,
    );
  });

  test('keeps elements of the same name nested inside the marked one', () => {
    const article =
      '<article data-pagefind-body><article><p>inner</p></article><p>still in</p><article></article></article>';
    expect(searchableCopy(page(`${article}<article>not searched</article>`))).toContain(`<body>${article}</body>`);
  });

  test('finds the attribute where the tag carries it last', () => {
    expect(searchableCopy(page('<section class="a" data-pagefind-body><p>x</p></section>'))).toContain(
      '<body><section class="a" data-pagefind-body><p>x</p></section></body>',
    );
  });

  test('says there is nothing to search on a page without the attribute', () => {
    expect(searchableCopy(page('<p>an index page</p>'))).toBeUndefined();
  });

  test.each([
    ['an element that is never closed', '<article data-pagefind-body><p>cut off'],
    ['an attribute it cannot read', '<article title="a>b" data-pagefind-body>text</article>'],
  ])('hands over the whole page when it meets %s', (_, body) => {
    expect(searchableCopy(page(body))).toBe(page(body));
  });
});
