import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readCaseFolder } from '../../src/reader/read-case.ts';
import { buildCase, type AnyCaseInput, type CaseInput } from '../../src/lib/case.ts';
import { caseBundle, versionStamp, type StixObject } from '../../src/lib/stix.ts';
import { parsePartialDate } from '../../src/lib/dates.ts';

/**
 * STIX ids and versions a platform can rely on across re-imports: a relationship's id comes from
 * what it is, so reordering links in a file moves no id; `modified` changes exactly when an
 * object's content does, and stays within the day its entry is dated.
 */

const inputs = readCaseFolder(path.resolve(import.meta.dirname, '../fixtures/basic')).files.map((file) => file.input);
const options = { siteUrl: 'https://example.org/case/', publisher: 'Example Desk' };

/** The inputs with Li Wei's entry changed. */
function withLiWei(change: (input: CaseInput<'people'>) => CaseInput<'people'>): AnyCaseInput[] {
  return inputs.map((input) => (input.collection === 'people' && input.slug === 'li-wei' ? change(input) : input));
}

async function bundleOf(caseInputs: readonly AnyCaseInput[]): Promise<StixObject[]> {
  const { model, problems } = buildCase(caseInputs, { includeDrafts: false });
  expect(problems).toEqual([]);
  return (await caseBundle(model, options)).objects;
}

/** Relationships by what they say: "source_ref relationship_type target_ref". */
function relationships(objects: readonly StixObject[]): Map<string, StixObject> {
  return new Map(
    objects
      .filter((object) => object.type === 'relationship')
      .map((object) => [
        `${String(object.source_ref)} ${String(object.relationship_type)} ${String(object.target_ref)}`,
        object,
      ]),
  );
}

const original = await bundleOf(inputs);

describe('relationship ids', () => {
  test('do not move when the links of a file are reordered', async () => {
    const reversed = await bundleOf(
      withLiWei((input) => ({ ...input, data: { ...input.data, links: [...input.data.links].reverse() } })),
    );
    const before = relationships(original);
    const after = relationships(reversed);
    expect(before.size).toBeGreaterThan(1);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [what, relationship] of before) expect(after.get(what)?.id, what).toBe(relationship.id);
  });
});

describe('modified', () => {
  test('changes for the relationship whose content changed, and for no other object', async () => {
    const edited = await bundleOf(
      withLiWei((input) => ({
        ...input,
        data: {
          ...input.data,
          links: input.data.links.map((link) =>
            link.rel === 'works-for' ? { ...link, note: 'claimed by one news report; the firm denies it' } : link,
          ),
        },
      })),
    );
    const byId = new Map(original.map((object) => [object.id, object]));
    const changed = edited.filter((object) => byId.get(object.id)?.['modified'] !== object['modified']);
    expect(changed.map((object) => object.type)).toEqual(['relationship']);
    expect(String(changed[0]?.['description'])).toContain('the firm denies it');
    expect(changed[0]?.['created']).toBe(byId.get(changed[0]?.id ?? '')?.['created']);
  });

  test('is later when the entry says it was updated later', async () => {
    const updated = await bundleOf(
      withLiWei((input) => ({ ...input, data: { ...input.data, updated: parsePartialDate('2030-01-02') } })),
    );
    const person = (objects: readonly StixObject[]) => objects.find((object) => object.name === 'LI Wei');
    expect(person(updated)?.['created']).toBe('2030-01-02T00:00:00.000Z');
    expect(String(person(updated)?.['modified']) > String(person(original)?.['modified'])).toBe(true);
  });

  test('falls within the day of created, at or after it', () => {
    for (const object of original) {
      if (!('created' in object)) continue;
      const created = Date.parse(String(object['created']));
      const modified = Date.parse(String(object['modified']));
      expect(modified - created, object.id).toBeGreaterThanOrEqual(0);
      expect(modified - created, object.id).toBeLessThan(86_400_000);
    }
  });

  test('is the same for the same content, whatever the order of its keys', () => {
    const day = '2018-08-30T00:00:00.000Z';
    expect(versionStamp(day, { a: 1, b: [1, 2] })).toBe(versionStamp(day, { b: [1, 2], a: 1 }));
    expect(versionStamp(day, { a: 1 })).not.toBe(versionStamp(day, { a: 2 }));
    expect(versionStamp(day, { a: 1 }).startsWith('2018-08-30T')).toBe(true);
  });
});
