import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { describeUse } from '../../src/lib/citation-uses.ts';
import { checkCaseFolder } from '../../src/reader/read-case.ts';
import type { CitationUse } from '../../src/lib/case.ts';
import { entryId } from '../../src/lib/ids.ts';

const { model } = checkCaseFolder(path.resolve(import.meta.dirname, '../fixtures/basic'), { includeDrafts: false });

describe('SourceUse.about', () => {
  test('says what kind of statement each citation supports, with its subject', () => {
    const uses = model.citedBy('example-news').filter((use) => use.id === 'people/li-wei');
    expect(uses.map((use) => use.about)).toEqual([
      { kind: 'text' },
      { kind: 'dispute', about: 'Chinese name', claim: '李威' },
      { kind: 'event', date: '2020-03-05', text: 'Named in the press.' },
      {
        kind: 'relationship',
        relation: expect.objectContaining({ key: 'people/li-wei>works-for>companies/example-tech' }),
      },
    ]);
    const alias = model.citedBy('example-blog').find((use) => use.id === 'people/li-wei' && use.about.kind === 'alias');
    expect(alias).toEqual({ id: 'people/li-wei', about: { kind: 'alias', alias: 'heron_li' } });
  });
});

describe('describeUse', () => {
  const nameOf = (id: string) => (id === 'companies/huaying-haitai' ? 'Huaying Haitai' : id);
  const relation = {
    key: 'people/gao-qiang>recruits-for>companies/huaying-haitai',
    rel: 'recruits-for',
    from: entryId('people', 'gao-qiang'),
    to: entryId('companies', 'huaying-haitai'),
    confidence: 'moderate',
    sources: [],
    note: undefined,
    since: undefined,
    until: undefined,
  } as const;
  test.each<[CitationUse, string]>([
    [{ kind: 'entry', of: 'dossier' }, 'the dossier'],
    [{ kind: 'entry', of: 'report' }, 'the report'],
    [{ kind: 'text' }, 'the text'],
    [{ kind: 'alias', alias: '张世龙' }, 'the alias 张世龙'],
    [{ kind: 'relationship', relation: { ...relation, sources: [] } }, 'recruits for Huaying Haitai'],
    [{ kind: 'dispute', about: 'Chinese name', claim: '张士龙' }, 'Chinese name: 张士龙'],
  ])('%j reads "%s"', (use, words) => {
    expect(describeUse(use, nameOf)).toBe(words);
  });
});
