import { describe, expect, test } from 'vitest';
import {
  defang,
  defangDomain,
  defangEmail,
  defangUrl,
  findLiveIndicator,
  indicatorMatcher,
  refang,
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
});
