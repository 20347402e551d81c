import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkCaseFolder } from '../../src/reader/read-case.ts';
import { caseRecord, entityRecord } from '../../src/lib/export-json.ts';
import { CONFIDENCE_INFO } from '../../src/lib/schema/confidence.ts';

// The JSON records say once what many relationships share: the grades' meanings, and in the whole
// case each source.
const { model } = checkCaseFolder(path.resolve(import.meta.dirname, '../fixtures/basic'), { includeDrafts: false });
const li = model.entity('people/li-wei');
if (!li) throw new Error('fixture lacks people/li-wei');

describe('entity record', () => {
  const record = entityRecord(model, li);

  test('names what each grade its relationships use means, strongest first, once', () => {
    expect(Object.keys(record.confidence_meanings)).toEqual(['high', 'moderate', 'unverified']);
    expect(record.confidence_meanings.unverified).toBe(CONFIDENCE_INFO.unverified.meaning);
  });

  test('leaves the meaning off each relationship', () => {
    for (const relationship of record.relationships) expect(relationship).not.toHaveProperty('confidence_meaning');
  });
});

describe('whole case record', () => {
  const whole = caseRecord(model);

  test('lists an entity’s sources as ids, each found in the case’s own sources', () => {
    const entry = whole.entities.find((entity) => entity.id === 'people/li-wei');
    expect(entry?.sources).toEqual(['example-blog', 'example-news']);
    const ids = new Set(whole.sources.map((source) => source.id));
    for (const entity of whole.entities) for (const id of entity.sources) expect(ids.has(id)).toBe(true);
  });

  test('says once what every grade means', () => {
    expect(Object.keys(whole.confidence_meanings)).toEqual(['confirmed', 'high', 'moderate', 'low', 'unverified']);
    expect(JSON.stringify(whole).split(CONFIDENCE_INFO.high.meaning).length - 1).toBe(1);
  });
});
