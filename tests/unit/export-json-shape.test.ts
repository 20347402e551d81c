import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkCaseFolder } from '../../src/reader/read-case.ts';
import { caseRecord, entityRecord, sharedRecord } from '../../src/lib/export-json.ts';
import { CONFIDENCE_INFO } from '../../src/lib/schema/confidence.ts';

// The JSON records say once what many relationships share: the grades' meanings and each source, in
// the shared file for the per-entity records, in the whole case's file for its own.
const { model } = checkCaseFolder(path.resolve(import.meta.dirname, '../fixtures/basic'), { includeDrafts: false });
const li = model.entity('people/li-wei');
if (!li) throw new Error('fixture lacks people/li-wei');

describe('entity record', () => {
  const record = entityRecord(model, li);

  test('names its sources by id and leaves the grades’ meanings to the shared file', () => {
    expect(record.sources).toEqual(['example-blog', 'example-news']);
    expect(record).not.toHaveProperty('confidence_meanings');
    expect(JSON.stringify(record)).not.toContain(CONFIDENCE_INFO.high.meaning);
  });

  test('leaves the meaning off each relationship', () => {
    for (const relationship of record.relationships) expect(relationship).not.toHaveProperty('confidence_meaning');
  });
});

describe('shared record', () => {
  const shared = sharedRecord(model);

  test('holds in full every source a record names', () => {
    const byId = new Map(shared.sources.map((source) => [source.id, source]));
    expect(byId.get('example-news')).toEqual(
      expect.objectContaining({ id: 'example-news', publisher: expect.any(String) }),
    );
    for (const entity of model.entities) {
      for (const id of entityRecord(model, entity).sources) expect(byId.has(id)).toBe(true);
    }
  });

  test('says what every grade means, strongest first', () => {
    expect(Object.keys(shared.confidence_meanings)).toEqual(['confirmed', 'high', 'moderate', 'low', 'unverified']);
    expect(shared.confidence_meanings.unverified).toBe(CONFIDENCE_INFO.unverified.meaning);
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
