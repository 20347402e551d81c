import { describe, expect, test } from 'vitest';
import { checkCase } from '../../src/reader/read-case.ts';
import { memorySource } from '../../src/reader/content-source.ts';
import { digestOf, idsInOutput, PageFingerprints } from '../../src/integrations/page-fingerprints.ts';
import { caseWith, company, source } from './small-case.ts';

/** The fingerprints of a case held in memory, every entry's file as its source. */
function fingerprintsOf(files: Record<string, string>, caseWide = 'case'): PageFingerprints {
  const checked = checkCase(memorySource(files), { includeDrafts: false });
  expect(checked.problems).toEqual([]);
  const sources = new Map(
    checked.files.map((file) => [`${file.input.collection}/${file.input.slug}`, { text: file.text, images: false }]),
  );
  return new PageFingerprints(checked.model, sources, caseWide);
}

const other = company.replace('Acme Fixture Ltd', 'Other Fixture Ltd');
const bob = `---
name: Bob Example
summary: A second fixture person, who works elsewhere.
sources: [source-a]
links:
  - rel: works-for
    to: companies/other
    confidence: low
    sources: [source-a]
---
`;
/** The small case with Bob and the company he works for beside Alice and hers. */
const withBob = (files: Record<string, string> = {}) =>
  caseWith({ 'people/bob.md': bob, 'companies/other.md': other, ...files });

describe('idsInOutput', () => {
  test('finds entry ids in links and data, once each, sorted, and nothing else', () => {
    const html =
      '<a href="/case/people/alice/">Alice</a> <a href="/companies/acme/">Acme</a> ' +
      '{"id":"people/alice"} <a href="/graph/">graph</a> notpeople/x <a href="/sources/source-a/">';
    expect(idsInOutput(html, ['people', 'companies', 'sources'])).toEqual([
      'companies/acme',
      'people/alice',
      'sources/source-a',
    ]);
  });
});

describe('digestOf', () => {
  test('tells apart lists whose joined text is the same', () => {
    expect(digestOf(['ab', 'c'])).not.toBe(digestOf(['a', 'bc']));
    expect(digestOf(['ab', 'c'])).toBe(digestOf(['ab', 'c']));
  });

  test('is the SHA-256 of the length-prefixed parts, as records of earlier builds were written', () => {
    // printf '2:ab1:c' | sha256sum
    expect(digestOf(['ab', 'c'])).toBe('430fb1b4ac43316eca81fab27a1930ab8eff8fef6a1dc7903dce44bbc2790dc5');
    // printf '' | sha256sum
    expect(digestOf([])).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});

describe('PageFingerprints', () => {
  test('a page reaches its entry, what it links to, what links to it, and the sources it cites', () => {
    const fingerprints = fingerprintsOf(withBob());
    expect(fingerprints.modelReach('people/alice')).toEqual(['companies/acme', 'people/alice', 'sources/source-a']);
    expect(fingerprints.modelReach('companies/acme')).toEqual(['companies/acme', 'people/alice', 'sources/source-a']);
    expect(fingerprints.modelReach('people/bob')).toEqual(['companies/other', 'people/bob', 'sources/source-a']);
  });

  test("a linked entry's edit changes the page; an unrelated entry's edit does not", () => {
    const before = fingerprintsOf(withBob());
    const renamed = fingerprintsOf(
      withBob({ 'companies/acme.md': company.replace('Acme Fixture Ltd', 'Acme Renamed Ltd') }),
    );
    const bobEdited = fingerprintsOf(withBob({ 'people/bob.md': `${bob}A new sentence.\n` }));
    const alice = (fingerprints: PageFingerprints) => fingerprints.page('dossier', 'people/alice', []);
    expect(alice(renamed)).not.toBe(alice(before));
    expect(alice(bobEdited)).toBe(alice(before));
    expect(bobEdited.page('dossier', 'people/bob', [])).not.toBe(before.page('dossier', 'people/bob', []));
  });

  test("a source's edit reaches the pages near an entry that cites it, and no others", () => {
    const sourceB = source.replace('A fixture source', 'A second fixture source').replace('/a\n', '/b\n');
    const citingB = {
      'companies/other.md': other.replace('sources: [source-a]', 'sources: [source-b]'),
      'sources/source-b.md': sourceB,
    };
    const before = fingerprintsOf(withBob(citingB));
    const retitled = fingerprintsOf(
      withBob({ ...citingB, 'sources/source-b.md': sourceB.replace('A second', 'The second') }),
    );
    // Bob's page reaches source-b through the company he works for, which cites it.
    expect(retitled.page('dossier', 'people/bob', [])).not.toBe(before.page('dossier', 'people/bob', []));
    expect(retitled.page('record', 'people/bob', [])).not.toBe(before.page('record', 'people/bob', []));
    expect(retitled.page('dossier', 'people/alice', [])).toBe(before.page('dossier', 'people/alice', []));
  });

  test("a dossier and its entity's record, the same neighbourhood, have digests of their own", () => {
    const fingerprints = fingerprintsOf(withBob());
    expect(fingerprints.page('record', 'people/alice', [])).not.toBe(fingerprints.page('dossier', 'people/alice', []));
  });

  test('a new link to an entry changes its page, through the entry that links', () => {
    const before = fingerprintsOf(withBob());
    const linked = fingerprintsOf(
      withBob({
        'people/bob.md': bob.replace(
          'links:\n',
          'links:\n  - rel: works-for\n    to: companies/acme\n    confidence: low\n    sources: [source-a]\n',
        ),
      }),
    );
    expect(linked.page('dossier', 'companies/acme', [])).not.toBe(before.page('dossier', 'companies/acme', []));
  });

  test('an entry named in the previous output counts, and so does the case-wide digest', () => {
    const fingerprints = fingerprintsOf(withBob());
    const plain = fingerprints.page('dossier', 'people/alice', []);
    expect(fingerprints.page('dossier', 'people/alice', ['people/bob'])).not.toBe(plain);
    expect(fingerprintsOf(withBob(), 'other').page('dossier', 'people/alice', [])).not.toBe(plain);
  });

  test('an entry gone from the case is a part of its own, never equal to what it was', () => {
    const fingerprints = fingerprintsOf(caseWith({}));
    expect(fingerprints.part('people/bob')).toBe('absent');
    expect(fingerprints.alwaysRendered('people/bob')).toBe(true);
    expect(fingerprints.alwaysRendered('people/alice')).toBe(false);
  });
});
