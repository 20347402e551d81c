import { describe, expect, test } from 'vitest';
import { excerptRuns, rankByName, toHit, typeOfFilter } from '../../src/lib/search-results.ts';

describe('toHit', () => {
  const data = (excerpt: string) => ({
    url: '/people/gao-qiang/',
    excerpt,
    meta: { title: 'GAO Qiang', native: '高强', summary: 'Chinese national sanctioned by the EU in 2020.' },
    filters: { type: ['People'] },
  });

  test('shows the matched passage of the text, marked', () => {
    const hit = toHit(data('IntrusionTruth tied <mark>fisherxp</mark> to him'));
    expect(hit).toMatchObject({
      title: 'GAO Qiang',
      collection: 'people',
      type: 'Person',
      native: '高强',
      passage: true,
    });
    expect(hit.excerpt).toEqual([
      { text: 'IntrusionTruth tied ', marked: false },
      { text: 'fisherxp', marked: true },
      { text: ' to him', marked: false },
    ]);
  });

  test('shows the summary when only the name matched', () => {
    const hit = toHit(data('IntrusionTruth tied fisherxp to him'));
    expect(hit.passage).toBe(false);
    expect(hit.excerpt).toEqual([{ text: 'Chinese national sanctioned by the EU in 2020.', marked: false }]);
  });
});

describe('excerptRuns', () => {
  test('joins the marks of neighbouring hanzi and unescapes the text', () => {
    expect(excerptRuns('at <mark>新</mark> <mark>开</mark> <mark>路</mark> &amp; more')).toEqual([
      { text: 'at ', marked: false },
      { text: '新开路', marked: true },
      { text: ' & more', marked: false },
    ]);
  });
});

describe('typeOfFilter', () => {
  test.each([
    ['People', 'people', 'Person'],
    ['Online identities', 'identities', 'Online identity'],
    ['Reports', 'reports', 'Report'],
    ['Sources', 'sources', 'Source'],
  ])('%s', (plural, collection, label) => {
    expect(typeOfFilter(plural)).toEqual({ collection, label });
  });
});

describe('rankByName', () => {
  const result = (title: string, meta: Record<string, string> = {}) => ({ meta: { title, ...meta } });

  test('puts the page named by the query first, then one carrying it as an alias, then the rest in order', () => {
    const ranked = rankByName('fisher xp', [
      result('GAO Qiang'),
      result('fisherxp on Twitter', { aliases: 'fisherxp' }),
      result('fisherxp'),
    ]);
    expect(ranked.map((r) => r.meta.title)).toEqual(['fisherxp', 'fisherxp on Twitter', 'GAO Qiang']);
  });

  test('matches a defanged identifier written plainly', () => {
    const ranked = rankByName('xiaohong.org', [
      result('ZHANG Shilong'),
      result('The domain', { ids: 'xiaohong[.]org' }),
    ]);
    expect(ranked.map((r) => r.meta.title)).toEqual(['The domain', 'ZHANG Shilong']);
  });
});
