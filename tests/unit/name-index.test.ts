import { describe, expect, test } from 'vitest';
import path from 'node:path';
import { nameShards, queryShard, readNameShard, shardOf, shardsOf, SHARDS } from '../../src/lib/name-index.ts';
import { nameEntries } from '../../src/lib/name-entries.ts';
import { checkCaseFolder } from '../../src/integrations/case-files.ts';

describe('shardOf', () => {
  test.each([
    ['g', 'g'],
    ['4', '4'],
    // 高 is U+9AD8: 0x9AD8 % 16 = 8.
    ['高', 'h8'],
    // 新 is U+65B0.
    ['新', 'h0'],
    ['д', 'other'],
  ])('%s → %s', (char, shard) => {
    expect(shardOf(char)).toBe(shard);
  });

  test('every shard it can name is written', () => {
    expect(SHARDS).toHaveLength(26 + 10 + 16 + 1);
    for (const char of ['a', 'z', '0', '9', '高', '龙', 'é', 'д']) expect(SHARDS).toContain(shardOf(char));
  });
});

describe('queryShard', () => {
  test.each([
    ['GAO Qiang', 'g'],
    ['  Zhāng Shìlóng', 'z'],
    ['@baobeilong', 'b'],
    ['xiaohong[.]org', 'x'],
    ['420192', '4'],
    ['新开路', 'h0'],
  ])('%s is looked up in %s', (query, shard) => {
    expect(queryShard(query)).toBe(shard);
  });

  test('a query without letters or digits has none', () => {
    expect(queryShard(' [.] ')).toBeUndefined();
  });
});

describe('shardsOf', () => {
  test('lists an entity under the first letter of each word and under each of its hanzi', () => {
    expect([...shardsOf({ name: 'GAO Qiang', native: '高强', also: ['QQ 420192'] })].sort()).toEqual(
      // 强 is U+5F3A.
      ['4', 'g', 'h8', 'ha', 'q'].sort(),
    );
  });
});

describe('the name index of the fixture case', () => {
  const { model } = checkCaseFolder(path.resolve('tests/fixtures/basic'), { includeDrafts: false });
  const entries = nameEntries(model);

  test('has every published entity, with its grades counted', () => {
    const li = entries.find((entry) => entry.slug === 'li-wei');
    expect(li).toMatchObject({ type: 'people', name: 'LI Wei', native: '李伟', also: ['heron_li'] });
    // LI Wei's own links (high, unverified, moderate); nothing else in the fixture links to him.
    expect(li?.grades).toEqual([0, 1, 1, 0, 1]);
    expect(entries.some((entry) => entry.slug === 'hidden-person')).toBe(false);
  });

  test('gives an identity its value, never an indicator undefanged, and no text twice', () => {
    expect(entries.find((entry) => entry.slug === 'heron-qq')?.also).toEqual(['123456789']);
    // The domain's name is its defanged value already.
    expect(entries.find((entry) => entry.slug === 'heron-domain')).toMatchObject({
      name: 'heron-example[.]net',
      also: [],
    });
  });

  test('reads back what it writes', () => {
    const shards = nameShards(entries);
    const g = readNameShard(JSON.parse(JSON.stringify(shards.get('l'))));
    expect(g.map((entry) => entry.name)).toContain('LI Wei');
    expect(() => readNameShard({ v: 2, rows: [] })).toThrow();
  });
});
