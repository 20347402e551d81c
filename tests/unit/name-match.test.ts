import { describe, expect, test } from 'vitest';
import {
  foldText,
  foldedText,
  matchNames,
  matchScore,
  prepareName,
  typosAllowed,
  wordsOf,
  type Nameable,
} from '../../src/lib/name-match.ts';

describe('foldText', () => {
  test.each([
    ['ZHANG Shilong', 'zhang shilong'],
    ['Zhāng Shìlóng', 'zhang shilong'],
    ['Lǚ Bù', 'lu bu'],
    ['ＦＩＳＨＥＲＸＰ', 'fisherxp'],
    ['张世龙', '张世龙'],
  ])('%s → %s', (text, folded) => {
    expect(foldText(text)).toBe(folded);
  });
});

describe('wordsOf', () => {
  test.each([
    ['zhang shilong', ['zhang', 'shilong']],
    ['xiaohong[.]org', ['xiaohong', 'org']],
    ['@baobeilong', ['baobeilong']],
    ['qq号420192', ['qq', '号', '420192']],
    ['天津市河东区新开路46号', ['天津市河东区新开路', '46', '号']],
    ['gh0st rat 3.6', ['gh0st', 'rat', '3', '6']],
  ])('%s', (text, words) => {
    expect(wordsOf(text)).toEqual(words);
  });
});

describe('typosAllowed', () => {
  test.each([
    [3, 0],
    [4, 0],
    [5, 1],
    [7, 1],
    [8, 2],
    [14, 2],
  ])('%i letters: %i', (length, allowed) => {
    expect(typosAllowed(length)).toBe(allowed);
  });
});

describe('matchScore', () => {
  const score = (query: string, text: string) => matchScore(foldedText(query), foldedText(text));

  test('the same letters, whatever the spaces, case, tone marks and punctuation, score 100', () => {
    for (const query of ['ZHANG Shilong', 'Zhang Shi Long', 'zhangshilong', 'Zhāng Shìlóng', 'zhang-shilong'])
      expect(score(query, 'ZHANG Shilong'), query).toBe(100);
    expect(score('xiaohong.org', 'xiaohong[.]org')).toBe(100);
    expect(score('xiaohong[.]org', 'xiaohong[.]org')).toBe(100);
    expect(score('高强', '高强')).toBe(100);
  });

  test('the start of a name scores in the nineties, more when it covers more', () => {
    expect(score('gao', 'GAO Qiang')).toBeCloseTo(90 + 5 * (3 / 8));
    expect(score('gaoqia', 'GAO Qiang')).toBeCloseTo(90 + 5 * (6 / 8));
  });

  test('every word starting a word of the name, in any order, scores in the eighties', () => {
    expect(score('Qiang Gao', 'GAO Qiang')).toBeCloseTo(80 + 5 * (8 / 8));
    expect(
      score('Huaying Haitai Technology', 'Tianjin Huaying Haitai Science and Technology Development Co. Ltd'),
    ).toBe(80 + (5 * 23) / 56);
    expect(score('zhujiang road', '85 Zhujiang Road, Hexi District, Tianjin')).toBeCloseTo(80 + (5 * 12) / 33);
  });

  test('hanzi from the middle of a name or address score in the seventies', () => {
    expect(score('华盈海泰', '天津华盈海泰科技发展有限公司')).toBeCloseTo(70 + (5 * 4) / 14);
    expect(score('新开路', '天津市河东区新开路46号冠福大厦1102')).toBeCloseTo(70 + (5 * 3) / 20);
  });

  test('letters from inside a word count only from four on', () => {
    expect(score('long', 'ZHANG Shilong')).toBeCloseTo(70 + (5 * 4) / 12);
    expect(score('lon', 'ZHANG Shilong')).toBe(0);
  });

  test('a near miss on a longer name is forgiven, a short one is not', () => {
    expect(score('Zhang Shilnog', 'ZHANG Shilong')).toBe(50);
    expect(score('fishrexp', 'fisherxp')).toBe(50);
    expect(score('fisherpx', 'fisherxp')).toBe(50);
    expect(score('zhangshilog', 'ZHANG Shilong')).toBe(55);
    expect(score('gao', 'GUO Qiang')).toBe(0);
    expect(score('qaing', 'GAO Qiang')).toBe(0);
  });

  test('a near miss while typing matches the start of a longer name', () => {
    expect(score('zhangshil0', 'ZHANG Shilong')).toBe(50);
  });

  test('a name with only some of the query’s words is left to the full text', () => {
    expect(score('Huaying Haitai Technology', 'Huaying Haitai')).toBe(0);
    expect(score('Two Birds, One STONE PANDA', 'STONE PANDA')).toBe(0);
  });

  test('nothing in common scores 0', () => {
    expect(score('fisherxp', 'ZHANG Shilong')).toBe(0);
    expect(score('', 'ZHANG Shilong')).toBe(0);
    expect(score('...', 'ZHANG Shilong')).toBe(0);
  });
});

describe('matchNames', () => {
  const entity = (name: string, native?: string, also: string[] = []): Nameable => ({ name, native, also });
  const CASE = [
    entity('GAO Qiang', '高强'),
    entity('ZHANG Shilong', '张士龙', ['张世龙', 'Baobeilong']),
    entity('fisherxp'),
    entity('fisherxp on Twitter', undefined, ['fisherxp']),
    entity('Tianjin Huaying Haitai Science and Technology Development Co. Ltd', '天津华盈海泰科技发展有限公司', [
      'Huaying Haitai',
    ]),
    entity('xiaohong[.]org', undefined, []),
    entity('STONE PANDA', undefined, ['APT10', 'Red Apollo']),
    entity('Fuyu Mansion', '富裕大厦', ['天津市河西区解放南路中段西侧富裕大厦1-1906']),
  ].map(prepareName);
  const names = (query: string) => matchNames(query, CASE, 8).map((match) => match.entry.name);

  test.each([
    ['Zhang Shi Long', 'ZHANG Shilong'],
    ['zhangshilong', 'ZHANG Shilong'],
    ['张世龙', 'ZHANG Shilong'],
    ['fisher xp', 'fisherxp'],
    ['Huaying Haitai Technology', 'Tianjin Huaying Haitai Science and Technology Development Co. Ltd'],
    ['华盈海泰', 'Tianjin Huaying Haitai Science and Technology Development Co. Ltd'],
    ['xiaohong.org', 'xiaohong[.]org'],
    ['red apollo', 'STONE PANDA'],
    ['解放南路', 'Fuyu Mansion'],
    ['gaoqiang', 'GAO Qiang'],
  ])('%s finds %s first', (query, first) => {
    expect(names(query)[0]).toBe(first);
  });

  test('a handle finds its own dossier before the account that carries it as an alias', () => {
    expect(names('fisherxp')).toEqual(['fisherxp', 'fisherxp on Twitter']);
  });

  test('"gao" finds only what has a word starting with it', () => {
    expect(names('gao')).toEqual(['GAO Qiang']);
  });

  test('says which alias matched when it was not the name', () => {
    const [match] = matchNames('red apollo', CASE, 1);
    expect(match?.via).toBe('Red Apollo');
    expect(matchNames('GAO Qiang', CASE, 1)[0]?.via).toBeUndefined();
  });

  test('keeps to the limit', () => {
    expect(matchNames('f', CASE, 1)).toHaveLength(1);
  });
});
