import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { caseBundle, type StixBundle, type StixObject } from '../../src/lib/stix.ts';
import { importStixBundle, type StixImport } from '../../src/lib/stix-import.ts';
import { gradeOf } from '../../src/lib/stix-import/relations.ts';
import { summaryAndBody } from '../../src/lib/stix-import/prose.ts';
import { checkCase, checkCaseFolder } from '../../src/reader/read-case.ts';
import { memorySource } from '../../src/reader/content-source.ts';
import { objectsBesideRelationships, relationshipIds, stixErrors } from './stix-validator.ts';
import { slugOf } from '../../src/lib/slug.ts';
import { runCli } from './run-cli.ts';

/**
 * `npm run import -- stix` inverts the STIX export: the fixture case exported, imported into an
 * empty folder, checked and exported again gives the same entities, relationships, grades and
 * sources; a bundle written the way OpenCTI writes one imports into a case that passes the build's
 * check, and what it cannot carry is listed by id.
 */

const root = path.resolve(import.meta.dirname, '../..');
const options = { siteUrl: 'https://casefile.example/', publisher: 'casefile' };
const folders: string[] = [];

afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** Writes imported files into a new temporary folder. */
function writeCase(result: StixImport): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'casefile-import-'));
  folders.push(folder);
  for (const file of result.files) {
    mkdirSync(path.dirname(path.join(folder, file.path)), { recursive: true });
    writeFileSync(path.join(folder, file.path), file.text);
  }
  return folder;
}

/** An object's name as a reader would call it: its name, or an observable's value. */
function labelOf(object: StixObject): string {
  return String(object['name'] ?? object['value'] ?? object['account_login']);
}

/** Every relationship as "source name | type | target name | confidence". */
function relationshipsOf(bundle: StixBundle): string[] {
  const byId = new Map(bundle.objects.map((object) => [object.id, object]));
  return bundle.objects
    .filter((object) => object.type === 'relationship')
    .map((object) => {
      const from = byId.get(String(object['source_ref']));
      const to = byId.get(String(object['target_ref']));
      return `${from ? labelOf(from) : '?'} | ${String(object['relationship_type'])} | ${to ? labelOf(to) : '?'} | ${String(object['confidence'])}`;
    })
    .sort();
}

describe('the fixture case, exported, imported and exported again', async () => {
  const first = await caseBundle(
    checkCaseFolder(path.join(root, 'tests/fixtures/basic'), { includeDrafts: false }).model,
    options,
  );
  const imported = importStixBundle(JSON.parse(JSON.stringify(first)), { bundleName: 'case.stix.json' });
  const folder = writeCase(imported);
  const checked = checkCaseFolder(folder, { includeDrafts: false });
  const second = await caseBundle(checked.model, options);

  test('the imported case passes the build’s check', () => {
    expect(checked.problems).toEqual([]);
  });

  test('has the same entities and reports, by type and name', () => {
    const expected = [
      'identity | CHEN Jie',
      'identity | Example Trading Technology Co.',
      'identity | LI Wei',
      'identity | casefile',
      'domain-name | heron-example.net',
      'intrusion-set | RED HERON',
      'location | Example Tower',
      'location | Second Site',
      'malware | HeronRAT',
      'report | How the Heron trail was followed',
      'report | What the Heron trail shows',
      'user-account | 123456789',
    ].sort();
    const names = (bundle: StixBundle) =>
      bundle.objects
        .filter((o) => o.type !== 'relationship')
        .map((o) => `${o.type} | ${labelOf(o)}`)
        .sort();
    expect(names(first)).toEqual(expected);
    expect(names(second)).toEqual(expected);
  });

  test('has the same relationships, with the same grades', () => {
    const expected = [
      'CHEN Jie | visited | Second Site | 25',
      'Example Trading Technology Co. | located-at | Example Tower | 95',
      'LI Wei | member-of | RED HERON | 50',
      'LI Wei | owns | 123456789 | 80',
      'LI Wei | works-for | Example Trading Technology Co. | 10',
      'RED HERON | uses | HeronRAT | 95',
      'Second Site | related-to | Example Tower | 25',
      '123456789 | related-to | heron-example.net | 50',
    ].sort();
    expect(relationshipsOf(first)).toEqual(expected);
    expect(relationshipsOf(second)).toEqual(expected);
  });

  test('each relationship reads as the same casefile relation, with the same note', () => {
    const file = imported.files.find((entry) => entry.path === 'companies/example-tech.md');
    expect(file?.text).toContain('rel: registered-at');
    const person = imported.files.find((entry) => entry.path === 'people/li-wei.md')?.text ?? '';
    expect(person).toContain('note: claimed by one news report only');
    expect(person).toContain('quote: LI Wei, who the paper says works for Example Tech');
    expect(person).toContain('locator: para. 2');
  });

  test('cites the same sources, with the same passages, on every object', () => {
    const references = (bundle: StixBundle) =>
      bundle.objects.flatMap((object) =>
        ((object['external_references'] ?? []) as { source_name: string; description?: string; url?: string }[]).map(
          (reference) =>
            `${object.type === 'relationship' ? String(object['description']) : labelOf(object)} | ${reference.source_name} | ${reference.description ?? ''} | ${reference.url ?? ''}`,
        ),
      );
    expect(references(second).sort()).toEqual(references(first).sort());
    expect(references(first)).toContain(
      'works for (unverified): claimed by one news report only | Example News | Researchers tie Heron group to a trading firm, 2020-03-05: “LI Wei, who the paper says works for Example Tech” (para. 2) | https://news.example.com/heron',
    );
  });

  test('gives back the three sources, with their titles, publishers, dates and addresses', () => {
    const sources = checked.model.sources.map(
      (source) =>
        `${source.data.publisher} | ${source.data.title} | ${source.data.date ?? ''} | ${source.data.url ?? 'no url'}`,
    );
    expect(sources).toEqual(
      expect.arrayContaining([
        'Example Research Blog | Heron sightings, part one | 2020-03-01 | https://research.example.org/heron-1',
        'Example News | Researchers tie Heron group to a trading firm | 2020-03-05 | https://news.example.com/heron',
        'Example Registry | Annual register of firms | 2019 | no url',
      ]),
    );
  });

  test('every object other than a relationship comes back byte for byte, ids included', () => {
    expect(objectsBesideRelationships(second)).toEqual(objectsBesideRelationships(first));
  });

  test('every relationship keeps its id, those at an online identity too (whose slug the import names anew)', () => {
    expect(relationshipIds(second)).toEqual(relationshipIds(first));
    expect(relationshipIds(first)).toHaveLength(8);
    // The import names the QQ account after its number: the export's slug is not in the bundle.
    expect(imported.files.map((entry) => entry.path)).toContain('identities/qq-123456789.md');
  });

  test('the second export is valid STIX 2.1', () => {
    expect(stixErrors(second)).toEqual([]);
  });
});

describe('a bundle as OpenCTI writes one', () => {
  const bundle: unknown = JSON.parse(
    readFileSync(path.join(root, 'tests/fixtures/stix-import/opencti-bundle.json'), 'utf8'),
  );
  const result = importStixBundle(bundle, { bundleName: 'opencti-bundle.json' });
  const files = Object.fromEntries(result.files.map((file) => [file.path, file.text]));

  test('imports into a case that passes the build’s check', () => {
    const { problems } = checkCase(memorySource(files), { includeDrafts: false });
    expect(problems).toEqual([]);
  });

  test('lists what it could not map, each by id with the reason', () => {
    expect(result.unmapped.map((note) => note.id).sort()).toEqual(
      [
        'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
        'identity--0b1f6a52-1c8f-4e55-9b0e-000000000010',
        'ipv4-addr--0b1f6a52-1c8f-4e55-9b0e-000000000071',
        'indicator--0b1f6a52-1c8f-4e55-9b0e-000000000081',
        'attack-pattern--0b1f6a52-1c8f-4e55-9b0e-000000000090',
        'note--0b1f6a52-1c8f-4e55-9b0e-000000000091',
        'relationship--0b1f6a52-1c8f-4e55-9b0e-000000000104',
        'relationship--0b1f6a52-1c8f-4e55-9b0e-000000000107',
      ].sort(),
    );
    const reason = (id: string) => result.unmapped.find((note) => note.id === id)?.reason;
    expect(reason('attack-pattern--0b1f6a52-1c8f-4e55-9b0e-000000000090')).toContain('casefile has no attack-pattern');
    expect(reason('relationship--0b1f6a52-1c8f-4e55-9b0e-000000000104')).toContain('is not an imported entity');
    expect(reason('marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487')).toContain('TLP');
  });

  test('writes each kind of object as its casefile type', () => {
    expect(Object.keys(files).sort()).toEqual(
      [
        'actors/otter-crew.md',
        'actors/silver-otter.md',
        'companies/northwind-example-logistics.md',
        'identities/mail-otter-example-net.md',
        'identities/otter-example-org.md',
        'identities/otter-relay.md',
        'locations/harbour-office.md',
        'locations/netherlands.md',
        'people/mira-example.md',
        'reports/imported-from-opencti-bundle.md',
        'reports/silver-otter-a-test-report.md',
        'sources/otters-at-sea.md',
        'sources/silver-otter-activity-report.md',
        'sources/stix-bundle-opencti-bundle.md',
        'tools/cve-2099-0001.md',
        'tools/otterloader.md',
        'tools/pebbledump.md',
      ].sort(),
    );
    expect(files['tools/otterloader.md']).toContain('kind: rat');
    expect(files['tools/cve-2099-0001.md']).toContain('kind: vulnerability');
    expect(files['actors/silver-otter.md']).toContain('system: MITRE ATT&CK\n    id: G9999');
    expect(files['people/mira-example.md']).toContain('roles:\n  - developer');
  });

  test('grades each relationship from its confidence number, and cites its references', () => {
    const actor = files['actors/silver-otter.md'] ?? '';
    expect(actor).toContain(
      '  - rel: uses\n    to: tools/otterloader\n    confidence: high\n    sources:\n      - silver-otter-activity-report\n    since: 2021-05-01',
    );
    expect(actor).toContain('  - rel: attributed-to\n    to: actors/otter-crew\n    confidence: moderate');
  });

  test('keeps a description from being read as casefile syntax: a wikilink only to another imported entry', () => {
    expect(files['actors/silver-otter.md']).toContain(
      'note: Shared infrastructure with [[actors/otter-crew]] and [ [actors/silver-otter]], not [ [people/nobody]] [ @cert-report] &lt;b>bold&lt;/b>.',
    );
  });

  test('a relationship with no grade and no reference is unverified, resting on the bundle itself', () => {
    expect(files['people/mira-example.md']).toContain(
      '    confidence: unverified\n    sources:\n      - stix-bundle-opencti-bundle\n    note: STIX relationship "part-of"',
    );
    expect(result.approximated).toContainEqual({
      id: 'relationship--0b1f6a52-1c8f-4e55-9b0e-000000000102',
      reason: 'no confidence given: graded unverified',
    });
  });

  test('writes adversary domains defanged everywhere but in their own value', () => {
    expect(files['actors/silver-otter.md']).toContain('such as otter-example[.]org.');
    expect(files['actors/silver-otter.md']).not.toContain('otter-example.org');
    expect(files['identities/otter-example-org.md']).toContain('value: otter-example.org');
    expect(files['identities/otter-example-org.md']).toContain('name: otter-example[.]org');
  });

  test('never plots a point it has no precision for', () => {
    expect(files['locations/harbour-office.md']).not.toContain('lat:');
    expect(result.approximated.map((note) => note.id)).toContain('location--0b1f6a52-1c8f-4e55-9b0e-000000000040');
  });

  test('refuses what is not a bundle, saying so', () => {
    expect(() => importStixBundle({ type: 'report', objects: [] }, { bundleName: 'x.json' })).toThrow(
      /not a STIX bundle/,
    );
  });
});

describe('gradeOf', () => {
  test.each([
    [95, 'confirmed'],
    [100, 'confirmed'],
    [88, 'confirmed'],
    [85, 'high'],
    [80, 'high'],
    [70, 'high'],
    [69, 'moderate'],
    [50, 'moderate'],
    [30, 'moderate'],
    [25, 'low'],
    [18, 'low'],
    [10, 'unverified'],
    [0, 'unverified'],
  ])('%i reads as %s', (confidence, grade) => {
    expect(gradeOf(confidence)).toBe(grade);
  });
});

describe('slugOf', () => {
  test.each([
    ['LI Wei', 'li-wei'],
    ['Zhāng Shìlóng', 'zhang-shilong'],
    ['Example Trading Technology Co.', 'example-trading-technology-co'],
    ['高强', ''],
  ])('%s → %s', (name, slug) => {
    expect(slugOf(name)).toBe(slug);
  });
});

describe('npm run import', () => {
  const bundleFile = path.join(root, 'tests/fixtures/stix-import/opencti-bundle.json');
  const out = mkdtempSync(path.join(tmpdir(), 'casefile-import-cli-'));
  folders.push(out);
  /** Runs the command; its exit code and output. */
  const run = (args: string[]) => runCli('import.ts', args);

  test('writes the case, lists what it could not map by id, and says the case passes the check', () => {
    const result = run(['stix', bundleFile, '--out', out]);
    expect(result.code).toBe(0);
    expect(result.output).toContain('wrote 17 files');
    expect(result.output).toContain('not imported (8):');
    expect(result.output).toContain('  ipv4-addr--0b1f6a52-1c8f-4e55-9b0e-000000000071: casefile has no ipv4-addr');
    expect(result.output).toContain('passes the build’s content check');
  });

  test('writes nothing over files that exist', () => {
    const result = run(['stix', bundleFile, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.output).toContain('17 of the files this import would write exist already; nothing was written');
  });

  test('says how to call it', () => {
    const result = run(['misp', bundleFile]);
    expect(result.code).toBe(2);
    expect(result.output).toContain('usage: npm run import -- stix bundle.json [--out DIR]');
  });
});

describe('summaryAndBody', () => {
  const long = `${'word '.repeat(70).trim()}.`; // 350 characters, one sentence

  test('a one-line description within the limit is the summary, with no body', () => {
    expect(summaryAndBody(long, 'fallback', 400)).toEqual({ summary: long, body: '' });
  });

  test('a longer one is cut at a word, and the whole text becomes the body', () => {
    const { summary, body } = summaryAndBody(long, 'fallback', 300);
    expect(summary.endsWith('word…')).toBe(true);
    expect(summary.length).toBeLessThanOrEqual(300);
    expect(body).toBe(long);
  });

  test('several paragraphs: the first sentence is the summary', () => {
    expect(summaryAndBody('First sentence of it here. Second one.\n\nMore.', 'fallback', 300)).toEqual({
      summary: 'First sentence of it here.',
      body: 'First sentence of it here. Second one.\n\nMore.',
    });
  });

  test('no description: the fallback', () => {
    expect(summaryAndBody(undefined, 'fallback', 300)).toEqual({ summary: 'fallback', body: '' });
  });
});
