import { describe, expect, test } from 'vitest';
import {
  defang,
  defangDomain,
  defangEmail,
  defangUrl,
  findLiveIndicator,
  indicatorMatcher,
  refang,
  type IndicatorKind,
} from '../../src/lib/defang.ts';

describe('defang', () => {
  test.each([
    ['domain', 'xiaohong.org', 'xiaohong[.]org'],
    ['domain', 'cvnx.zyns.com', 'cvnx.zyns[.]com'],
    ['email', 'someone@xiaohong.org', 'someone[@]xiaohong[.]org'],
    ['url', 'http://xiaohong.org/a.php?x=1', 'hxxp://xiaohong[.]org/a.php?x=1'],
    ['url', 'https://cvnx.zyns.com', 'hxxps://cvnx.zyns[.]com'],
  ] as const)('%s %s → %s', (kind, plain, defanged) => {
    expect(defang(kind, plain)).toBe(defanged);
  });

  test('leaves a dotless value alone', () => {
    expect(defangDomain('localhost')).toBe('localhost');
    expect(defangEmail('nobody')).toBe('nobody');
  });

  test('defangs a bare host given as a URL', () => {
    expect(defangUrl('xiaohong.org')).toBe('xiaohong[.]org');
  });
});

describe('refang', () => {
  test.each([
    ['xiaohong[.]org', 'xiaohong.org'],
    ['someone[@]xiaohong[.]org', 'someone@xiaohong.org'],
    ['hxxps://cvnx.zyns[.]com/x', 'https://cvnx.zyns.com/x'],
    ['a(.)b{.}c', 'a.b.c'],
  ])('%s → %s', (defanged, plain) => {
    expect(refang(defanged)).toBe(plain);
  });

  test('undoes defang', () => {
    expect(refang(defang('url', 'http://a.example.org/p'))).toBe('http://a.example.org/p');
  });
});

describe('findLiveIndicator', () => {
  test.each([
    ['see xiaohong.org.', 4],
    ['(xiaohong.org)', 1],
    ['http://xiaohong.org/x', 7],
    ['XIAOHONG.ORG in capitals', 0],
    ['write to admin@xiaohong.org', 9],
    ['mail.xiaohong.org answered', 0],
    ['[the site](https://www.xiaohong.org/about)', 19],
  ])('finds it in %j', (text, at) => {
    expect(findLiveIndicator(text, 'xiaohong.org')).toBe(at);
  });

  test.each(['xiaohong[.]org', 'notxiaohong.org', 'xiaohong.org.cn', 'mail.xiaohong.organic'])(
    'does not flag %j',
    (text) => {
      expect(findLiveIndicator(text, 'xiaohong.org')).toBeUndefined();
    },
  );
});

describe('indicatorMatcher', () => {
  const match = indicatorMatcher([
    { value: 'xiaohong.org', kind: 'domain' },
    { value: 'http://cvnx.zyns.com/a.php', kind: 'url' },
    { value: 'fisher@qq.example', kind: 'email' },
  ]);

  test.each([
    ['mail.xiaohong.org', 'xiaohong.org', 'mail.xiaohong[.]org'],
    ['write to admin@xiaohong.org.', 'xiaohong.org', 'admin[@]xiaohong[.]org'],
    ['see http://cvnx.zyns.com/a.php', 'http://cvnx.zyns.com/a.php', 'hxxp://cvnx.zyns[.]com/a.php'],
    ['mail fisher@qq.example', 'fisher@qq.example', 'fisher[@]qq[.]example'],
  ])('finds the whole live token in %j and says how to write it', (text, value, defanged) => {
    expect(match(text)).toEqual([expect.objectContaining({ value, defanged })]);
  });

  test.each(['cvnx.zyns.com without the path', 'x.fisher@qq.example', 'admin@notxiaohong.org', 'xiaohong[.]org'])(
    'leaves %j alone',
    (text) => {
      expect(match(text)).toEqual([]);
    },
  );

  const values = ['xiaohong.org', 'a.xiaohong.org', 'user@xiaohong.org', 'http://xiaohong.org/x', 'x.io', 'xn--f.cn'];
  const kindOf = (value: string): IndicatorKind =>
    value.includes('://') ? 'url' : value.includes('@') ? 'email' : 'domain';
  const find = indicatorMatcher(values.map((value) => ({ value, kind: kindOf(value) })));

  test.each([
    [
      'a.xiaohong.org and xiaohong.org',
      [
        ['a.xiaohong.org', 0],
        ['xiaohong.org', 19],
      ],
    ],
    ['mail user@xiaohong.org now', [['user@xiaohong.org', 5]]],
    ['go to http://xiaohong.org/x.', [['http://xiaohong.org/x', 6]]],
    [
      'X.IO, x.io; xx.io x.io.uk',
      [
        ['x.io', 0],
        ['x.io', 6],
      ],
    ],
    ['xn--f.cn-other xn--f.cn', [['xn--f.cn', 15]]],
  ])('finds each live indicator in %j, the longest where two start together', (text, expected) => {
    expect(find(text).map((match) => [match.value, match.index])).toEqual(expected);
  });

  test('agrees with one regular expression of all the values on generated texts', () => {
    // The definition the trie replaces (too slow for thousands of values, exact for a few): the
    // token, optionally a host or an address under a listed domain, standing alone.
    const alternation = (list: string[]) =>
      [...list].sort((a, b) => b.length - a.length).map((v) => v.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
    const domains = alternation(values.filter((v) => kindOf(v) === 'domain'));
    const others = alternation(values.filter((v) => kindOf(v) !== 'domain'));
    const reference = new RegExp(
      `(?<![\\w.@+-])(?:(?:[\\w.+-]+@)?(?:[\\w-]+\\.)*(?:${domains.join('|')})|${others.join('|')})(?![\\w-]|\\.[\\w])`,
      'gi',
    );
    const pieces = [...values, ' ', '.', '-', '@', '/', 'a', 'X', 'mail', '。', '天津', '[.]', 'ORG', '\n'];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let run = 0; run < 2000; run++) {
      const text = Array.from({ length: 12 }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      // Where the token runs on through an address (a.b-c.xiaohong.org@xiaohong.org) the expression
      // takes it whole and the trie the first listed domain in it: both flag the same place.
      const expected = [...text.matchAll(reference)].map((match) => match.index);
      expect(
        find(text).map((match) => match.index),
        text,
      ).toEqual(expected);
    }
  });

  test('tells thousands of similar values apart', () => {
    const many = indicatorMatcher(
      Array.from({ length: 20_000 }, (_, i) => ({ value: `host-${i}.example.org`, kind: 'domain' as const })),
    );
    const found = many('Seen on host-17.example.org, host-170.example.org and host-1700[.]example[.]org.');
    expect(found.map((match) => match.value)).toEqual(['host-17.example.org', 'host-170.example.org']);
  });
});
