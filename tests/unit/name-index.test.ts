import { describe, expect, test } from 'vitest';
import path from 'node:path';
import {
  nameShards,
  queryShards,
  readNameShard,
  shardOf,
  shardsOf,
  SHARDS,
  type NameEntry,
} from '../../src/lib/name-index.ts';
import { nameEntries } from '../../src/lib/name-entries.ts';
import { checkCaseFolder } from '../../src/integrations/case-files.ts';

describe('shardOf', () => {
  test.each([
    ['g', 'g'],
    ['4', '4'],
    // 高 is U+9AD8: 0x9AD8 % 64 = 0x18.
    ['高', 'h18'],
    // 新 is U+65B0: % 64 = 0x30.
    ['新', 'h30'],
    ['д', 'other'],
  ])('%s → %s', (char, shard) => {
    expect(shardOf(char)).toBe(shard);
  });

  test('every shard it can name is written', () => {
    expect(SHARDS).toHaveLength(26 + 10 + 64 + 1);
    for (const char of ['a', 'z', '0', '9', '高', '龙', 'é', 'д']) expect(SHARDS).toContain(shardOf(char));
  });
});

describe('queryShards', () => {
  test.each([
    ['GAO Qiang', ['g', 'q']],
    ['  Zhāng Shìlóng', ['z', 's']],
    ['@baobeilong', ['b']],
    ['xiaohong[.]org', ['x', 'o']],
    ['420192', ['4']],
    ['新开路', ['h30']],
    ['Tianjin Huaying Haitai Technology', ['t', 'h']],
  ])('%s is looked up in %j', (query, shards) => {
    expect(queryShards(query)).toEqual(shards);
  });

  test('a query without letters or digits has none', () => {
    expect(queryShards(' [.] ')).toEqual([]);
  });
});

describe('shardsOf', () => {
  test('ranks the first word of the name first, then the name, aliases, and hanzi inside names last', () => {
    expect(Object.fromEntries(shardsOf({ name: 'GAO Qiang', native: '高强', also: ['QQ 420192'] }))).toEqual({
      g: 0,
      q: 1,
      h18: 1,
      // 强 is U+5F3A: % 64 = 0x3a; inside the native name.
      h3a: 3,
      '4': 2,
    });
  });
});

describe('nameShards', () => {
  const entry = (slug: string, name: string, relationships: number): NameEntry => ({
    type: 'people',
    slug,
    name,
    native: undefined,
    also: [],
    grades: [relationships, 0, 0, 0, 0],
  });

  test('a crowded file keeps names that start with its letter, then the most connected, in the order given', () => {
    const files = nameShards(
      [
        entry('a', 'Tianjin Alpha', 1),
        entry('b', 'Beta of Tianjin', 9),
        entry('c', 'Tianjin Gamma', 5),
        entry('d', 'Delta Tianjin', 2),
      ],
      3,
    );
    expect(files.get('t')?.rows.map((row) => row[1])).toEqual(['a', 'b', 'c']);
    expect(files.get('d')?.rows.map((row) => row[1])).toEqual(['d']);
    expect(files.get('z')?.rows).toEqual([]);
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
