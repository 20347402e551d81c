import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkCaseFolder } from '../../src/reader/read-case.ts';
import { caseBundle, entityBundle, type StixBundle } from '../../src/lib/stix.ts';
import { SCHEMA_OF, errorsOf, schema, withoutLocations } from './stix-validator.ts';

/**
 * casefile's STIX exports are valid STIX 2.1 by the OASIS CTI committee's own JSON schemas
 * (tests/fixtures/stix2.1-schemas, vendored with their licence), checked with Ajv: the whole bundle
 * against bundle.json, and each object against the schema of its type, which names the property
 * that is wrong where the bundle's oneOf could only say "no match".
 */

const root = path.resolve(import.meta.dirname, '../..');

const options = { siteUrl: 'https://casefile.example/', publisher: 'casefile' };

describe.each([
  ['the sample case', 'content'],
  ['the fixture case', 'tests/fixtures/basic'],
])('%s exports valid STIX 2.1', async (_name, folder) => {
  const { model, problems } = checkCaseFolder(path.join(root, folder), { includeDrafts: false });
  const bundle: StixBundle = await caseBundle(model, options);

  test('the content builds', () => {
    expect(problems).toEqual([]);
  });

  test('exports/case.stix.json is a valid bundle', () => {
    expect(bundle.objects.some((object) => object.type === 'location')).toBe(true);
    expect(errorsOf(schema('common/bundle.json'), withoutLocations(bundle))).toEqual([]);
  });

  test('each object is valid against the schema of its type', () => {
    const invalid = bundle.objects.flatMap((object) => {
      const file = SCHEMA_OF[object.type];
      if (!file) return [`${object.id}: no schema listed for ${object.type}`];
      return errorsOf(schema(file), object).map((error) => `${object.id}: ${error}`);
    });
    expect(invalid).toEqual([]);
  });

  test('each entity bundle is valid', async () => {
    const invalid: string[] = [];
    for (const entity of model.entities) {
      const errors = errorsOf(
        schema('common/bundle.json'),
        withoutLocations(await entityBundle(model, entity.id, options)),
      );
      invalid.push(...errors.map((error) => `${entity.id}: ${error}`));
    }
    expect(invalid).toEqual([]);
  });
});

describe('the schemas catch what they should', () => {
  test('a relationship without source_ref is refused', () => {
    const relationship = {
      type: 'relationship',
      spec_version: '2.1',
      id: 'relationship--6b0e8a3e-2f5c-4f4e-9d0c-7a61c1f0b4d2',
      created: '2018-01-01T00:00:00.000Z',
      modified: '2018-01-01T00:00:00.000Z',
      relationship_type: 'uses',
      target_ref: 'malware--6b0e8a3e-2f5c-4f4e-9d0c-7a61c1f0b4d2',
    };
    expect(errorsOf(schema('sros/relationship.json'), relationship).join('\n')).toContain('source_ref');
  });
});
