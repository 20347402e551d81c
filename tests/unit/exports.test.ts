import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkCaseFolder } from '../../src/reader/read-case.ts';
import { caseBundle, countryCode, entityBundle, type StixObject } from '../../src/lib/stix.ts';
import { caseRecord, entityRecord, sharedRecord } from '../../src/lib/export-json.ts';

const { model } = checkCaseFolder(path.resolve(import.meta.dirname, '../fixtures/basic'), { includeDrafts: false });
const options = { siteUrl: 'https://example.org/case', publisher: 'Example Desk' };
const ID = /^[a-z0-9-]+--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function byType(objects: readonly StixObject[], type: string): StixObject[] {
  return objects.filter((object) => object.type === type);
}

describe('countryCode', () => {
  test.each([
    ['China', 'CN'],
    ['united states', 'US'],
    ['CN', 'CN'],
    ['Atlantis', undefined],
  ])('%s → %s', (name, code) => {
    expect(countryCode(name)).toBe(code);
  });
});

describe('caseBundle', async () => {
  const bundle = await caseBundle(model, options);
  const ids = new Set(bundle.objects.map((object) => object.id));

  test('is a STIX 2.1 bundle whose ids are well formed and unique', () => {
    expect(bundle.type).toBe('bundle');
    expect(bundle.id).toMatch(ID);
    for (const object of bundle.objects) {
      expect(object.id).toMatch(ID);
      expect(object.id.startsWith(`${object.type}--`)).toBe(true);
      expect(object.spec_version).toBe('2.1');
    }
    expect(ids.size).toBe(bundle.objects.length);
  });

  test('has one object per published entity, the publisher and each report', () => {
    const entityTypes = new Set(['intrusion-set', 'identity', 'location', 'malware', 'tool', 'vulnerability']);
    const observables = new Set(['user-account', 'domain-name', 'url', 'email-addr']);
    const entities = bundle.objects.filter((o) => entityTypes.has(o.type) || observables.has(o.type));
    // the publisher is an identity too
    expect(entities).toHaveLength(model.entities.length + 1);
    expect(byType(bundle.objects, 'report')).toHaveLength(model.reports.length);
    expect(JSON.stringify(bundle)).not.toContain('CASEFILE-DRAFT-MARKER');
  });

  test('maps each entity type to its STIX type', () => {
    const named = (name: string) => bundle.objects.find((o) => o.name === name);
    expect(named('RED HERON')).toMatchObject({ type: 'intrusion-set', aliases: ['HERON-1', 'Grey Stork'] });
    expect(byType(bundle.objects, 'identity').map((o) => o.identity_class)).toEqual(
      expect.arrayContaining(['individual', 'organization']),
    );
    const domain = byType(bundle.objects, 'domain-name')[0];
    expect(domain?.value).toBe('heron-example.net');
    const location = bundle.objects.find((o) => o.type === 'location' && o.name === 'Example Tower');
    expect(location).toMatchObject({ latitude: 39.1, longitude: 117.22, precision: 800, city: 'Tianjin' });
  });

  test('gives observables the ids STIX derives from their values', () => {
    const domain = byType(bundle.objects, 'domain-name')[0];
    // UUIDv5 of {"value":"heron-example.net"} in STIX's SCO namespace, computed apart with Python's uuid.uuid5.
    expect(domain?.id).toBe('domain-name--85b55511-b2d0-5c65-87dd-3604ae02e485');
  });

  test('has one relationship per typed relation, with its confidence and sources, both ends in the bundle', () => {
    const relationships = byType(bundle.objects, 'relationship');
    expect(relationships).toHaveLength(model.relations.length);
    for (const relationship of relationships) {
      expect(ids.has(String(relationship.source_ref))).toBe(true);
      expect(ids.has(String(relationship.target_ref))).toBe(true);
      expect(relationship.confidence).toBeGreaterThanOrEqual(0);
      expect(relationship.confidence).toBeLessThanOrEqual(100);
      expect(relationship.external_references).not.toEqual([]);
    }
    const unverified = model.relations.find((r) => r.confidence === 'unverified');
    expect(relationships.some((r) => r.confidence === 10 && String(r.description).includes('unverified'))).toBe(
      unverified !== undefined,
    );
  });

  test('refers every report to objects in the bundle', () => {
    for (const report of byType(bundle.objects, 'report')) {
      const refs = report.object_refs as string[];
      expect(refs.length).toBeGreaterThan(0);
      for (const ref of refs) expect(ids.has(ref)).toBe(true);
    }
  });

  test('takes its timestamps from the content, so two exports are identical', async () => {
    const again = await caseBundle(model, options);
    expect(JSON.stringify(again)).toBe(JSON.stringify(bundle));
    for (const object of bundle.objects) {
      if ('created' in object) expect(object.created).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/);
    }
  });

  test('links each entity back to its dossier', () => {
    const location = bundle.objects.find((o) => o.type === 'location' && o.name === 'Example Tower');
    expect(location?.external_references).toContainEqual(
      expect.objectContaining({ url: 'https://example.org/case/locations/example-tower/' }),
    );
  });
});

describe('entityBundle', () => {
  test('holds the entity, its neighbours and the relationships between them', async () => {
    const views = model.relationViews('people/li-wei');
    const bundle = await entityBundle(model, 'people/li-wei', options);
    expect(byType(bundle.objects, 'relationship')).toHaveLength(views.length);
    const ids = new Set(bundle.objects.map((o) => o.id));
    for (const relationship of byType(bundle.objects, 'relationship')) {
      expect(ids.has(String(relationship.source_ref)) && ids.has(String(relationship.target_ref))).toBe(true);
    }
  });

  test('refuses an entity that is not published', async () => {
    await expect(entityBundle(model, 'people/hidden-person', options)).rejects.toThrow(/no published entity/);
  });
});

describe('entityRecord', () => {
  const li = model.entity('people/li-wei');
  if (!li) throw new Error('fixture lacks people/li-wei');
  const record = entityRecord(model, li);

  test('lists every relationship from its own side, with the label read from that side', () => {
    expect(record.relationships).toHaveLength(model.relationViews('people/li-wei').length);
    expect(record.relationships).toContainEqual(
      expect.objectContaining({ rel: 'works-for', direction: 'out', label: 'works for', confidence: 'unverified' }),
    );
  });

  test('shows the other end of a relationship under the reverse label', () => {
    const company = model.entity('companies/example-tech');
    if (!company) throw new Error('fixture lacks companies/example-tech');
    expect(entityRecord(model, company).relationships).toContainEqual(
      expect.objectContaining({ rel: 'works-for', direction: 'in', label: 'employs' }),
    );
  });

  test('names the sources the dossier cites; the shared file has their addresses or the reason for none', () => {
    expect(record.sources).toEqual(model.citationsOf('people/li-wei'));
    const shared = new Map(sharedRecord(model).sources.map((source) => [source.id, source]));
    for (const id of record.sources) expect(shared.get(id)?.url ?? shared.get(id)?.no_url_reason).toBeTruthy();
  });

  test('leaves out links, drafts and redirects, which the record carries otherwise or not at all', () => {
    expect(record.fields).not.toHaveProperty('links');
    expect(record.fields).not.toHaveProperty('draft');
    expect(record.fields).not.toHaveProperty('redirect_from');
    expect(record.fields).toHaveProperty('roles', ['operator']);
  });
});

describe('caseRecord', () => {
  test('has every published entity, report and source, and the relation vocabulary', () => {
    const record = caseRecord(model);
    expect(record.entities).toHaveLength(model.entities.length);
    expect(record.reports).toHaveLength(model.reports.length);
    expect(record.sources).toHaveLength(model.sources.length);
    expect(record.relations).toContainEqual({ rel: 'works-for', label: 'works for', reverse_label: 'employs' });
  });
});
