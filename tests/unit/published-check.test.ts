import { describe, expect, test } from 'vitest';
import { foldForMatching, PublishedChecker, type FindingKind } from '../../src/lib/published-check.ts';

/**
 * The check of what is published, on pages written by hand: each attack once as a browser would
 * read it, and the site's own markup, which must pass.
 */

const checker = new PublishedChecker({
  site: 'https://casefile.example/',
  indicators: [
    { value: 'xiaohong.org', kind: 'domain', id: 'identities/xiaohong-org' },
    { value: 'http://evil-url.example/payload.exe', kind: 'url', id: 'identities/evil-url' },
    { value: 'operator@mail.example', kind: 'email', id: 'identities/operator-mail' },
  ],
});

/** A page with the given markup in its Markdown body and, optionally, in its head. */
function page(body: string, head = ''): string {
  return `<!doctype html><html><head><title>t</title>${head}</head><body><header><a href="/">home</a></header><div class="prose" data-content-body>${body}</div></body></html>`;
}

/** The kinds of finding a file yields, in order. */
function kinds(file: string, text: string): FindingKind[] {
  return checker.check(file, text).map((finding) => finding.kind);
}

describe('an indicator is never live', () => {
  test.each<[string, string]>([
    ['a link to it', '<a href="https://xiaohong.org/" rel="noopener noreferrer">x</a>'],
    ['a link in mixed case', '<a href="HTTPS://XiaoHong.ORG/" rel="noopener noreferrer">x</a>'],
    ['a host under it', '<a href="https://mail.xiaohong.org/" rel="noopener noreferrer">x</a>'],
    ['a percent-escaped dot in the host', '<a href="http://xiaohong%2Eorg/" rel="noopener noreferrer">x</a>'],
    ['an ideographic full stop in the host', '<a href="http://xiaohong。org/" rel="noopener noreferrer">x</a>'],
    ['a full-width host', '<a href="http://ｘｉａｏｈｏｎｇ．ｏｒｇ/" rel="noopener noreferrer">x</a>'],
    ['a character reference in the address', '<a href="http://xiaohong&#46;org/" rel="noopener noreferrer">x</a>'],
    ['a fully qualified name with its final dot', '<a href="http://xiaohong%2Eorg./" rel="noopener noreferrer">x</a>'],
    ['credentials before the host', '<a href="http://casefile.example@xiaohong.org/" rel="noopener noreferrer">x</a>'],
    ['a port after the host', '<a href="http://xiaohong.org:8443/" rel="noopener noreferrer">x</a>'],
    ['a soft hyphen in the host', '<a href="http://xiao&shy;hong.org/" rel="noopener noreferrer">x</a>'],
    ['a tab in the host', '<a href="http://xiao&#9;hong.org/" rel="noopener noreferrer">x</a>'],
    ['a protocol-relative address', '<a href="//xiaohong.org/x" rel="noopener noreferrer">x</a>'],
    ['a backslash for a slash', '<a href="\\\\xiaohong.org/x" rel="noopener noreferrer">x</a>'],
    [
      "another path on a URL identity's host",
      '<a href="http://evil-url.example/other.exe" rel="noopener noreferrer">x</a>',
    ],
    ['a mail link to the address', '<a href="mailto:Operator@mail.example">x</a>'],
    ['a mail link at the domain', '<a href="mailto:anyone@xiaohong.org">x</a>'],
    ['an image from it', '<img src="https://xiaohong.org/p.png" alt="">'],
    ['a srcset candidate', '<img src="/a.png" srcset="/a.png 1x, https://cdn.xiaohong.org/b.png 2x" alt="">'],
    ['a percent-escaped ideographic dot', '<a href="http://xiaohong%E3%80%82org/" rel="noopener noreferrer">x</a>'],
    ['a form posting to it', '<form action="https://xiaohong.org/login"></form>'],
  ])('%s', (_name, markup) => {
    expect(kinds('people/x/index.html', page(markup))).toContain('live-indicator');
  });

  test.each<[string, string]>([
    ['plainly', 'see xiaohong.org today'],
    ['in capitals', 'see XIAOHONG.ORG today'],
    ['as a character reference', 'see xiaohong&#46;org today'],
    ['as a hex character reference', 'see xiaohong&#x2e;org today'],
    ['split by a comment', 'see xiaohong<!-- -->.org today'],
    ['split by inline elements', 'see xiao<em>hong</em>.<span>org</span> today'],
    ['split by an empty element', 'see xiaohong<span></span>.org today'],
    ['with an ideographic full stop', 'see xiaohong。org today'],
    ['in full-width letters', 'see ｘｉａｏｈｏｎｇ．ｏｒｇ today'],
    ['with a soft hyphen', 'see xiao\u00adhong.org today'],
    ['with a zero-width space', 'see xiaohong\u200b.org today'],
    ['percent-escaped', 'see xiaohong%2eorg today'],
    ['as a host under it', 'see cdn.xiaohong.org today'],
    ["the URL identity's host", 'see evil-url.example/other.exe'],
    ['the email', 'write to operator@mail.example'],
  ])('written %s in a text', (_name, text) => {
    expect(kinds('people/x/index.html', page(`<p>${text}</p>`))).toEqual(['indicator-in-text']);
  });

  test('a block edge ends a run of text', () => {
    expect(kinds('people/x/index.html', page('<p>xiaohong</p><p>.org</p>'))).toEqual([]);
  });

  test('written plainly in an attribute a reader sees', () => {
    expect(kinds('people/x/index.html', page('<abbr title="xiaohong.org">x</abbr>'))).toEqual(['indicator-in-text']);
    expect(kinds('x/index.html', page('', '<meta name="description" content="on xiaohong.org">'))).toEqual([
      'indicator-in-text',
    ]);
  });

  test.each([
    'xiaohong[.]org',
    'hxxp://xiaohong[.]org/',
    'notxiaohong.org',
    'xiaohong.org.cn',
    'operator[@]mail[.]example',
    'evil-url[.]example',
  ])('defanged or another name passes: %s', (text) => {
    expect(kinds('people/x/index.html', page(`<p>${text}</p>`))).toEqual([]);
  });
});

describe('only the web and mail schemes', () => {
  test.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java&#x09;script:alert(1)',
    ' javascript:alert(1)',
    '&#106;avascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'blob:https://casefile.example/x',
  ])('%s is refused', (href) => {
    expect(kinds('people/x/index.html', page(`<p><a href="${href}">x</a></p>`))).toEqual(['unsafe-scheme']);
  });

  test.each([
    'https://example.org/',
    'http://example.org/',
    'mailto:desk@example.org',
    '/people/y/',
    '#sources',
    '../y/',
  ])('%s passes', (href) => {
    const rel = href.startsWith('http') ? ' rel="noopener noreferrer"' : '';
    expect(kinds('people/x/index.html', page(`<p><a href="${href}"${rel}>x</a></p>`))).toEqual([]);
  });

  test('a form button’s formaction and an SVG link are addresses too', () => {
    const form = '<form action="/search/"><button formaction="javascript:alert(1)">go</button></form>';
    expect(kinds('x/index.html', `<html><body>${form}</body></html>`)).toEqual(['unsafe-scheme']);
    expect(kinds('x.svg', '<svg><a href="javascript:alert(1)"><text>x</text></a></svg>')).toEqual(['unsafe-scheme']);
  });
});

describe('no redirect, frame, embed, handler or foreign script on any page', () => {
  test.each<[string, string, string, FindingKind[]]>([
    [
      'a meta refresh to another site',
      '',
      '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
      ['redirect'],
    ],
    ['a meta refresh in a body', '<meta http-equiv="Refresh" content="0;url=/x/">', '', ['redirect', 'element']],
    ['a base element', '', '<base href="https://evil.example/">', ['redirect']],
    ['an iframe', '', '<iframe src="https://example.org/"></iframe>', ['element', 'third-party']],
    ['an object', '', '<object data="https://example.org/x.swf"></object>', ['element', 'third-party']],
    ['an inline script', '', '<script>alert(1)</script>', ['script']],
    ['a script from another site', '', '<script src="https://evil.example/x.js"></script>', ['script', 'third-party']],
    ['an event handler', '', '<link rel="icon" href="/x.svg" onload="alert(1)">', ['attribute']],
    ['a link out without rel', '<p><a href="https://example.org/">x</a></p>', '', ['rel']],
    ['an image from another site', '<p><img src="https://tracker.example/p.gif" alt=""></p>', '', ['third-party']],
    [
      'a style sheet from another site',
      '',
      '<link rel="stylesheet" href="https://cdn.example/x.css">',
      ['third-party'],
    ],
    [
      'a srcset candidate from another site',
      '<p><img src="/a.png" srcset="https://cdn.example/b.png 2x" alt=""></p>',
      '',
      ['third-party'],
    ],
  ])('%s', (_name, body, head, expected) => {
    expect(kinds('x/index.html', page(body, head))).toEqual(expected);
  });

  test('an SVG file with a script', () => {
    expect(kinds('_astro/x.svg', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')).toEqual([
      'script',
    ]);
  });

  test('the site’s own markup passes', () => {
    const head =
      '<meta charset="utf-8"><meta http-equiv="content-security-policy" content="default-src \'self\'"><link rel="stylesheet" href="/_astro/Base.css"><script type="module" src="/_astro/Base.js"></script><script type="application/ld+json">{"@type":"Person"}</script>';
    const body = '<p>See <a href="/people/y/" class="wikilink type-people">Y</a> and <abbr title="Ltd">Ltd</abbr>.</p>';
    expect(kinds('people/x/index.html', page(body, head))).toEqual([]);
    // A renamed entry's page forwards to its new address on the site.
    expect(kinds('people/old/index.html', page('', '<meta http-equiv="refresh" content="0;url=/people/x/">'))).toEqual(
      [],
    );
  });
});

describe('the allowlist inside a body', () => {
  test.each<[string, FindingKind[]]>([
    ['<svg><circle r="1"></circle></svg>', ['element', 'element']],
    ['<div>x</div>', ['element']],
    ['<p style="color:red">x</p>', ['attribute']],
    ['<video src="/v.mp4"></video>', ['element']],
    ['<form action="/x"></form>', ['element']],
  ])('%s is refused', (markup, expected) => {
    expect(kinds('people/x/index.html', page(markup))).toEqual(expected);
  });

  test('a report’s own components are the site’s code', () => {
    const html = `<html><body><div data-content-body="with-components"><p>x</p><figure data-site-component><case-local-graph data-graph="{}"><svg></svg></case-local-graph></figure><script type="module" src="/_astro/g.js"></script></div></body></html>`;
    expect(kinds('reports/r/index.html', html)).toEqual([]);
    // In a dossier's body, the marker exempts nothing.
    expect(kinds('people/x/index.html', page('<figure data-site-component><svg></svg></figure>'))).toEqual(['element']);
  });

  test('the same markup outside a body is the site’s', () => {
    const html =
      '<html><body><nav><svg viewBox="0 0 1 1"><path d="M0 0"></path></svg><button>b</button></nav></body></html>';
    expect(kinds('x/index.html', html)).toEqual([]);
  });
});

describe('data files and feeds', () => {
  test('a JSON address field', () => {
    expect(kinds('people/x.json', JSON.stringify({ sources: [{ url: 'javascript:alert(1)' }] }))).toEqual([
      'unsafe-scheme',
    ]);
    expect(kinds('people/x.json', JSON.stringify({ sources: [{ url: 'https://xiaohong.org/' }] }))).toEqual([
      'live-indicator',
    ]);
  });

  test('an indicator in a JSON text, but not as the value of its own identity or observable', () => {
    expect(kinds('x.json', JSON.stringify({ note: 'at xiaohong.org' }))).toEqual(['indicator-in-text']);
    expect(kinds('x.json', JSON.stringify({ fields: { kind: 'domain', value: 'xiaohong.org' } }))).toEqual([]);
    expect(kinds('x.stix.json', JSON.stringify({ objects: [{ type: 'domain-name', value: 'xiaohong.org' }] }))).toEqual(
      [],
    );
    expect(kinds('x.stix.json', JSON.stringify({ objects: [{ type: 'identity', name: 'xiaohong.org' }] }))).toEqual([
      'indicator-in-text',
    ]);
  });

  test('a feed', () => {
    const rss = (link: string, description: string) =>
      `<?xml version="1.0"?><rss><channel><item><link>${link}</link><description>${description}</description></item></channel></rss>`;
    expect(kinds('rss.xml', rss('https://casefile.example/r/', 'fine'))).toEqual([]);
    expect(kinds('rss.xml', rss('javascript:alert(1)', 'fine'))).toEqual(['unsafe-scheme']);
    expect(kinds('rss.xml', rss('https://casefile.example/r/', 'on xiaohong&amp;#46;org'))).toEqual([]);
    expect(kinds('rss.xml', rss('https://casefile.example/r/', '&lt;script&gt;alert(1)&lt;/script&gt;'))).toEqual([
      'script',
    ]);
  });
});

describe('the exports for spreadsheets and graph tools', () => {
  test('an indicator in the evidence CSV, plain or defanged', () => {
    const csv = (note: string) => `relationship,note\r\npeople/a>uses>tools/b,"${note}"\r\n`;
    expect(kinds('exports/evidence.csv', csv('seen at xiaohong.org'))).toEqual(['indicator-in-text']);
    expect(kinds('exports/evidence.csv', csv('seen at xiaohong[.]org'))).toEqual([]);
  });

  test.each(['exports/graph.gexf', 'exports/graph.graphml'])('an indicator in %s, as the tool reads it', (file) => {
    const xml = (label: string) => `<?xml version="1.0"?><graph><node id="0" label="${label}"/></graph>`;
    expect(kinds(file, xml('xiaohong.org'))).toEqual(['indicator-in-text']);
    expect(kinds(file, xml('xiaohong&#46;org'))).toEqual(['indicator-in-text']);
    expect(kinds(file, xml('xiaohong&#x2E;org'))).toEqual(['indicator-in-text']);
    expect(kinds(file, xml('xiaohong[.]org'))).toEqual([]);
    // A reference that stays text once decoded is no indicator.
    expect(kinds(file, xml('xiaohong&amp;#46;org'))).toEqual([]);
  });
});

describe('foldForMatching', () => {
  test.each([
    ['plain ascii', 'plain ascii'],
    ['ｘｉａｏｈｏｎｇ．ｏｒｇ', 'xiaohong.org'],
    ['xiaohong。org', 'xiaohong.org'],
    ['xiao\u00adhong\u200b.org', 'xiaohong.org'],
    ['xiaohong%2Eorg and 100%', 'xiaohong.org and 100%'],
    ['%3Cscript%3E', '%3Cscript%3E'],
  ])('%s → %s', (text, folded) => {
    expect(foldForMatching(text)).toBe(folded);
  });
});
