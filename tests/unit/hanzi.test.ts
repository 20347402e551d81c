import { describe, expect, test } from 'vitest';
import { hasHanzi, nativeLang, splitHanziRuns } from '../../src/lib/hanzi.ts';

describe('splitHanziRuns', () => {
  test('marks hanzi runs inside Latin text', () => {
    expect(splitHanziRuns('GAO Qiang (高强) and 张世龙.')).toEqual([
      { text: 'GAO Qiang (', lang: undefined },
      { text: '高强', lang: 'zh' },
      { text: ') and ', lang: undefined },
      { text: '张世龙', lang: 'zh' },
      { text: '.', lang: undefined },
    ]);
  });

  test('keeps an address with digits and hyphens as one run', () => {
    const runs = splitHanziRuns('天津市河西区解放南路中段西侧富裕大厦1-1906');
    expect(runs).toEqual([{ text: '天津市河西区解放南路中段西侧富裕大厦1-1906', lang: 'zh' }]);
  });

  test('keeps CJK punctuation between hanzi in the run', () => {
    expect(splitHanziRuns('in 天津市，河西区 too')[1]).toEqual({ text: '天津市，河西区', lang: 'zh' });
  });

  test('returns Latin text as one unmarked run', () => {
    expect(splitHanziRuns('fisherxp')).toEqual([{ text: 'fisherxp', lang: undefined }]);
  });
});

describe('hasHanzi and nativeLang', () => {
  test('detects hanzi', () => {
    expect(hasHanzi('Qiang/强')).toBe(true);
    expect(hasHanzi('Qiang')).toBe(false);
  });

  test('declares zh for hanzi unless the author says otherwise', () => {
    expect(nativeLang('高强', undefined)).toBe('zh');
    expect(nativeLang('高強', 'zh-Hant')).toBe('zh-Hant');
    expect(nativeLang('Gao', undefined)).toBeUndefined();
  });
});
