import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkCase, checkCaseFolder } from '../../src/reader/read-case.ts';
import { memorySource } from '../../src/reader/content-source.ts';
import { caseDataDigest, withoutBodies } from '../../src/integrations/case-data-digest.ts';
import { dataFiles } from '../../src/site/data-files.ts';
import { caseDataPaths } from '../../src/site/data-file-paths.ts';
import type { CaseModel } from '../../src/lib/case.ts';
import { caseWith, person } from './small-case.ts';

/** The model of a case held in memory, which must have no problem. */
function modelOf(files: Record<string, string>): CaseModel {
  const checked = checkCase(memorySource(files), { includeDrafts: false });
  expect(checked.problems).toEqual([]);
  return checked.model;
}

const digestOf = (files: Record<string, string> = {}) => caseDataDigest(modelOf(caseWith(files)));
const alice = (body: string, extra = '') => ({ 'people/alice.md': person(body, extra) });

describe('caseDataDigest', () => {
  const before = digestOf();

  test('is the same for the same case read twice', () => {
    expect(digestOf()).toBe(before);
  });

  test("does not change with a body's words", () => {
    expect(digestOf(alice('Works at [[companies/acme]], since spring.\n\nA second paragraph.\n'))).toBe(before);
  });

  test('changes with what a body adds to the case: a mention, an inline citation', () => {
    const mentionless = digestOf(alice('Works at Acme.\n'));
    expect(mentionless).not.toBe(before);
    const cited = digestOf(alice('Works at [[companies/acme]] [@source-a].\n'));
    expect(cited).not.toBe(before);
    expect(cited).not.toBe(mentionless);
  });

  test('changes with the front matter: a name, a grade, a field', () => {
    const digests = [
      digestOf({ 'people/alice.md': person('Works at [[companies/acme]].\n').replace('Alice Example', 'Alice Other') }),
      digestOf({
        'people/alice.md': person('Works at [[companies/acme]].\n').replace('confidence: high', 'confidence: low'),
      }),
      digestOf(alice('Works at [[companies/acme]].\n', 'native: 爱丽丝\n')),
    ];
    for (const digest of digests) expect(digest).not.toBe(before);
    expect(new Set(digests).size).toBe(digests.length);
  });

  test('refuses an entry that holds what JSON would not keep', () => {
    const model = modelOf(caseWith({}));
    const entry = model.get('people/alice');
    if (!entry) throw new Error('the small case has no Alice');
    Object.assign(entry, { seen: new Map([['a', 1]]) });
    expect(() => caseDataDigest(model)).toThrow(/not plain data/);
  });

  test('tells a field set to undefined from a field left out', () => {
    const [model, other] = [modelOf(caseWith({})), modelOf(caseWith({}))];
    Object.assign(model.get('people/alice') ?? {}, { extra: undefined });
    expect(caseDataDigest(model)).not.toBe(caseDataDigest(other));
  });
});

describe('withoutBodies', () => {
  test("makes reading a body fail, naming the entry's file", () => {
    const model = withoutBodies(modelOf(caseWith({})));
    expect(() => model.get('people/alice')?.body).toThrow(/the data files read the body of .*people\/alice\.md/);
  });

  test.each(['tests/fixtures/basic', 'content'])(
    'every data file of %s is made without reading a body',
    async (folder) => {
      const { model } = checkCaseFolder(path.resolve(import.meta.dirname, '../..', folder), { includeDrafts: false });
      const files = dataFiles(withoutBodies(model), { origin: 'https://reports.example.org', base: '/' });
      for (const file of files) expect((await file.body()).length, file.path).toBeGreaterThan(0);
      // The files the incremental build keeps by the case's digest are those that are not records.
      const records = new Set(model.entities.map((entity) => `/${entity.id}.json`));
      expect(files.map((file) => file.path).filter((file) => !records.has(file))).toEqual(caseDataPaths(model));
    },
  );
});
