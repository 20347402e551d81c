import { describe, expect, test } from 'vitest';
import { indexCopy, indexQuery, markedElements, tidyExcerpt, unspaceHanzi } from '../../src/lib/search-text.ts';

const page = (body: string) =>
  `<!doctype html><html lang="en"><head><title>Li Wei · casefile</title></head><body><nav>Home</nav><main>${body}</main></body></html>`;

describe('markedElements', () => {
  test('returns the inside of the marked element and nothing around it', () => {
    expect(
      markedElements(
        page('<p>before</p><div class="prose" data-search-body><p>李伟 body</p></div><p>after</p>'),
        'data-search-body',
      ),
    ).toEqual(['<p>李伟 body</p>']);
  });

  test('keeps elements of the same name nested inside the marked one', () => {
    const inner = '<div><p>inner</p></div><p>still in</p><div></div>';
    expect(
      markedElements(page(`<div data-search-body>${inner}</div><div>not the body</div>`), 'data-search-body'),
    ).toEqual([inner]);
  });

  test('finds every marked element, and none on a page without', () => {
    expect(
      markedElements(page('<div data-search-body>a</div><section data-search-body="">b</section>'), 'data-search-body'),
    ).toEqual(['a', 'b']);
    expect(markedElements(page('<p>an index page</p>'), 'data-search-body')).toEqual([]);
  });

  test('does not take an attribute that only starts with the name', () => {
    expect(markedElements(page('<div data-search-body-x>a</div>'), 'data-search-body')).toEqual([]);
  });

  test('passes over the name written as text or as part of another name before the marked element', () => {
    expect(
      markedElements(
        page('<p>the data-search-body attribute</p><div data-search-body-x>no</div><div x data-search-body>yes</div>'),
        'data-search-body',
      ),
    ).toEqual(['yes']);
  });

  test('finds the marker in any case, among other attributes, and after a tag with a < in a value', () => {
    expect(
      markedElements(
        page('<a title="1 < 2">x</a><DIV class="prose" DATA-SEARCH-BODY id="b">one</DIV><p>two</p>'),
        'data-search-body',
      ),
    ).toEqual(['one']);
    // A < in a value does not start a tag: the element is the one whose tag holds the marker.
    expect(markedElements(page('<div title="<p" data-search-body>in</div>'), 'data-search-body')).toEqual(['in']);
  });

  test('refuses an element that is never closed', () => {
    expect(() => markedElements(page('<div data-search-body><p>cut off'), 'data-search-body')).toThrow(/never closed/);
  });
});

describe('indexCopy', () => {
  test('spaces hanzi apart in text, not in attributes, and keeps blocks apart', () => {
    expect(indexCopy('<main data-native="高强"><p lang="zh">高强</p><p>Area</p><p>Hedong</p></main>')).toBe(
      '<main data-native="高强"><p lang="zh"> 高 强 </p> <p>Area</p> <p>Hedong</p> </main>',
    );
  });
});

describe('indexQuery', () => {
  test.each([
    ['GAO Qiang', 'GAO Qiang'],
    ['高强', '"高 强"'],
    ['新开路', '"新 开 路"'],
    ['强', '强'],
    ['QQ 号', 'QQ 号'],
  ])('%s → %s', (query, term) => {
    expect(indexQuery(query)).toBe(term);
  });
});

describe('tidyExcerpt and unspaceHanzi', () => {
  test('put the hanzi back together, marks included', () => {
    expect(tidyExcerpt('at <mark>新</mark> <mark>开</mark> <mark>路</mark> 46 号')).toBe(
      'at <mark>新</mark><mark>开</mark><mark>路</mark>46号',
    );
    expect(unspaceHanzi('天 津 市 1 号')).toBe('天津市1号');
  });
});
