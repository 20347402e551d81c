import { describe, expect, test } from 'vitest';
import { indicatorMatcher } from '../../src/lib/defang.ts';
import { PublishedChecker, type FindingKind } from '../../src/lib/published-check.ts';

/**
 * The shortcuts the check of the built pages takes, each against what would slip through if it were
 * wrong: an address the check does not parse because it keeps the page's origin, and a text passed
 * at once because no indicator could be in it.
 */

const indicators = [{ value: 'xiaohong.org', kind: 'domain' as const, id: 'identities/xiaohong-org' }];

/** The kinds of finding a page with this body yields, on a site at `site`. */
function kinds(body: string, site = 'https://casefile.example/', more = indicators): FindingKind[] {
  const checker = new PublishedChecker({ site, indicators: more });
  const html = `<!doctype html><html><head><title>t</title></head><body><div data-content-body>${body}</div></body></html>`;
  return checker.check('people/x/index.html', html).map((finding) => finding.kind);
}

describe('addresses that keep the page’s origin are not parsed', () => {
  test.each([
    ['a path from the root', '/people/y/'],
    ['a fragment', '#sources'],
    ['a query', '?q=x'],
    ['a relative path with a dot', '../y/'],
  ])('%s passes', (_name, href) => {
    expect(kinds(`<p><a href="${href}">x</a></p>`)).toEqual([]);
  });

  test.each([
    ['two slashes (another host)', '//xiaohong.org/x'],
    ['a slash and a backslash', '/\\xiaohong.org/x'],
    ['a slash, a tab and a slash (the tab is dropped)', '/&#9;/xiaohong.org/x'],
    ['a slash, a newline and a slash', '/\n/xiaohong.org/x'],
    ['a character reference for the second slash', '/&#47;xiaohong.org/x'],
  ])('%s still leads to the indicator', (_name, href) => {
    expect(kinds(`<p><a href="${href}" rel="noopener noreferrer">x</a></p>`)).toContain('live-indicator');
  });

  test('on a site whose own host is an indicator, even a path from the root is live', () => {
    expect(kinds('<p><a href="/people/y/">x</a></p>', 'https://xiaohong.org/')).toEqual(['live-indicator']);
  });

  test('in a srcset and a data file alike', () => {
    expect(kinds('<p><img src="/a.png" srcset="/a.png 1x, //cdn.xiaohong.org/b.png 2x" alt=""></p>')).toEqual([
      'live-indicator',
      'third-party',
    ]);
    const checker = new PublishedChecker({ site: 'https://casefile.example/', indicators });
    const json = JSON.stringify({ sources: [{ url: '/x/' }, { url: '/\t/xiaohong.org/' }] });
    expect(checker.check('people/x.json', json).map((finding) => finding.kind)).toEqual(['live-indicator']);
  });
});

describe('texts no indicator could be in are passed at once', () => {
  test('an indicator without a dot is still found in a text without one', () => {
    const match = indicatorMatcher([
      { value: 'xiaohong.org', kind: 'domain' },
      { value: 'intranet', kind: 'domain' },
    ]);
    expect(match('reach intranet now').map((found) => found.value)).toEqual(['intranet']);
  });

  test('a dot written as another character is folded before the text is passed', () => {
    expect(kinds('<p>see xiaohong。org and xiaohong&#x2e;org</p>')).toEqual(['indicator-in-text', 'indicator-in-text']);
  });

  test('upper case and the Kelvin sign fold as a browser lower-cases them', () => {
    const match = indicatorMatcher([{ value: 'kx.org', kind: 'domain' }]);
    expect(match('see KX.ORG and \u212Ax.org').map((found) => found.index)).toEqual([4, 15]);
  });
});
