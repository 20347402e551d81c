import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, assert, describe, expect, test } from 'vitest';
import { checkCaseFolder } from '../../src/reader/read-case.ts';
import { EVIDENCE_COLUMNS, evidenceRows, toCsv } from '../../src/lib/evidence-csv.ts';
import { cjkCharacters, collectionFace, unicodeRange } from '../../src/lib/font-subset.ts';
import { checkCorrections, checkFrontPage, findingsOf, frontPageOf } from '../../src/lib/front-page.ts';
import { caseCorrections, lastUpdated } from '../../src/lib/corrections.ts';
import { byImportance, gradeCounts, roleOf, seenRange, statusesOf } from '../../src/lib/dossier-facts.ts';
import {
  entityJsonLd,
  gradeLine,
  jsonLdText,
  ogImagePath,
  shareImagesFor,
  suggestedCitation,
} from '../../src/lib/page-meta.ts';
import { entityPreview } from '../../src/lib/entity-preview.ts';
import { eventAnchors } from '../../src/lib/timeline.ts';
import { entityOgCard, ogTree } from '../../src/lib/og-card.ts';
import type { PartialDate } from '../../src/lib/dates.ts';

const basic = path.resolve(import.meta.dirname, '../fixtures/basic');
const { model } = checkCaseFolder(basic, { includeDrafts: false });

/** An entity of the fixture case, by id. */
function entity(id: string) {
  return model.entity(id) ?? assert.fail(`${id} is in the fixture`);
}
const copies: string[] = [];
afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of the basic fixture with one file's text changed. */
function withEdit(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'casefile-reader-'));
  copies.push(dir);
  cpSync(basic, dir, { recursive: true });
  const target = path.join(dir, file);
  writeFileSync(target, edit(readFileSync(target, 'utf8')));
  return dir;
}

describe('toCsv (RFC 4180)', () => {
  test.each([
    ['plain', 'plain'],
    ['a, comma', '"a, comma"'],
    ['say "so"', '"say ""so"""'],
    ['two\nlines', '"two\nlines"'],
    ['天津市河西区', '天津市河西区'],
    [' leading space', '" leading space"'],
    ['', ''],
    // What a spreadsheet would run as a formula is written as text.
    ['=HYPERLINK("http://example.com","x")', '"\'=HYPERLINK(""http://example.com"",""x"")"'],
    ['+1', "'+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\tTAB', "'\tTAB"],
    ['\r=1', '"\'\r=1"'],
    ['a = b', 'a = b'],
  ])('writes %j as %s', (field, written) => {
    expect(toCsv(['h'], [[field]])).toBe(`h\r\n${written}\r\n`);
  });
});

describe('evidenceRows', () => {
  const rows = evidenceRows(model);
  test('has one row per relationship and cited source, each of every column', () => {
    // 8 relationships; RED HERON uses HeronRAT and the firm's address rest on two sources each.
    expect(rows).toHaveLength(10);
    for (const row of rows) expect(row).toHaveLength(EVIDENCE_COLUMNS.length);
  });

  test('carries the grade, the passage and its locator', () => {
    const row = rows.find((r) => r[0] === 'people/li-wei>works-for>companies/example-tech');
    const at = (column: (typeof EVIDENCE_COLUMNS)[number]) => row?.[EVIDENCE_COLUMNS.indexOf(column)];
    expect(at('grade')).toBe('unverified');
    expect(at('quote')).toBe('LI Wei, who the paper says works for Example Tech');
    expect(at('locator')).toBe('para. 2');
    expect(at('source_archived_url')).toBe('https://web.archive.org/web/2020/https://news.example.com/heron');
  });
});

describe('the CJK subset', () => {
  test('collects each CJK character once, by code point, with CJK punctuation', () => {
    expect(cjkCharacters(['李伟 and 李威', '天津市，河西区'])).toEqual(
      ['伟', '天', '威', '市', '李', '河', '津', '西', '区', '，'].sort(
        (a, b) => (a.codePointAt(0) ?? 0) - (b.codePointAt(0) ?? 0),
      ),
    );
  });

  test('writes a unicode-range with runs of neighbours as ranges', () => {
    expect(unicodeRange(['一', '丁', '丂', '七', '万'])).toBe('U+4E00-4E03, U+4E07');
    expect(unicodeRange([])).toBe('');
  });

  test('takes one face out of a TrueType collection, tables copied and re-pointed', () => {
    // A collection of two faces sharing one 4-byte table "abcd", and face 1 with a second, "wxyz".
    const bytes = new Uint8Array(200);
    const view = new DataView(bytes.buffer);
    bytes.set(new TextEncoder().encode('ttcf'), 0);
    view.setUint32(4, 0x00010000);
    view.setUint32(8, 2);
    view.setUint32(12, 20);
    view.setUint32(16, 60);
    const face = (at: number, tables: [string, number, number][]) => {
      view.setUint32(at, 0x00010000);
      view.setUint16(at + 4, tables.length);
      tables.forEach(([tag, offset, length], t) => {
        bytes.set(new TextEncoder().encode(tag), at + 12 + 16 * t);
        view.setUint32(at + 12 + 16 * t + 4, 0xabad1dea);
        view.setUint32(at + 12 + 16 * t + 8, offset);
        view.setUint32(at + 12 + 16 * t + 12, length);
      });
    };
    face(20, [['abcd', 120, 4]]);
    face(60, [
      ['abcd', 120, 4],
      ['wxyz', 124, 3],
    ]);
    bytes.set([1, 2, 3, 4, 9, 8, 7], 120);
    const one = collectionFace(bytes, 1);
    const oneView = new DataView(one.buffer);
    expect(oneView.getUint16(4)).toBe(2);
    // Directory (12 + 2 × 16 = 44 bytes), then "abcd" at 44, then "wxyz" at 48 padded to 52.
    expect(one.length).toBe(52);
    expect([oneView.getUint32(12 + 8), oneView.getUint32(12 + 12)]).toEqual([44, 4]);
    expect([oneView.getUint32(28 + 8), oneView.getUint32(28 + 12)]).toEqual([48, 3]);
    expect(oneView.getUint32(28 + 4)).toBe(0xabad1dea);
    expect([...one.subarray(44, 51)]).toEqual([1, 2, 3, 4, 9, 8, 7]);
    expect(() => collectionFace(bytes, 2)).toThrow('no face 2');
    const single = new Uint8Array([0, 1, 0, 0, 0, 0]);
    expect(collectionFace(single)).toBe(single);
  });
});

describe('the front page', () => {
  test('resolves the declared findings to relationships and their evidence rows', () => {
    const front = frontPageOf(model);
    expect(front?.report.id).toBe('reports/heron-findings');
    const findings = front ? findingsOf(model, front) : [];
    expect(findings.map((finding) => [finding.evidence.confidence, finding.path])).toEqual([
      ['confirmed', '/actors/red-heron/#rel-uses-tools-heron-rat'],
      ['confirmed', '/companies/example-tech/#rel-registered-at-locations-example-tower'],
      ['high', '/people/li-wei/#rel-operates-identities-heron-qq'],
      ['unverified', '/people/li-wei/#rel-works-for-companies-example-tech'],
    ]);
    expect(checkFrontPage(model)).toEqual([]);
  });

  test('a finding that names no relationship fails with the file, the field and the fix', () => {
    const dir = withEdit('reports/heron-findings.mdx', (text) =>
      text.replace(
        '      rel: operates\n      to: identities/heron-qq',
        '      rel: operates\n      to: identities/heron-domain',
      ),
    );
    const broken = checkCaseFolder(dir, { includeDrafts: false }).model;
    expect(checkFrontPage(broken)).toEqual([
      {
        file: expect.stringContaining('reports/heron-findings.mdx'),
        field: 'front_page.findings[2]',
        message: 'no relationship "people/li-wei operates identities/heron-domain" in the case',
        fix: 'people/li-wei has no relationship with identities/heron-domain; point the finding at one of its relationships, or add the link',
      },
    ]);
  });

  test('a finding with a mistyped end suggests the entity meant', () => {
    const dir = withEdit('reports/heron-findings.mdx', (text) =>
      text.replace('from: people/li-wei\n      rel: operates', 'from: people/li-wie\n      rel: operates'),
    );
    const broken = checkCaseFolder(dir, { includeDrafts: false }).model;
    expect(checkFrontPage(broken)).toEqual([
      expect.objectContaining({ field: 'front_page.findings[2].from', fix: 'did you mean "people/li-wei"?' }),
    ]);
  });

  test('a correction citing an unknown source fails', () => {
    const dir = withEdit('people/li-wei.md', (text) =>
      text.replace('    sources: [example-blog]\n---', '    sources: [example-blgo]\n---'),
    );
    const broken = checkCaseFolder(dir, { includeDrafts: false }).model;
    expect(checkCorrections(broken)).toEqual([
      {
        file: expect.stringContaining('people/li-wei.md'),
        field: 'corrections[0].sources',
        message: 'unknown source id "example-blgo"',
        fix: 'did you mean "example-blog"?',
      },
    ]);
  });
});

describe('corrections', () => {
  test('the last update is the later of updated and the latest correction', () => {
    expect(lastUpdated(model.get('people/li-wei') ?? assert.fail('people/li-wei is in the fixture'))).toBe(
      '2024-02-01',
    );
    expect(
      lastUpdated(model.get('tools/heron-rat') ?? assert.fail('tools/heron-rat is in the fixture')),
    ).toBeUndefined();
  });

  test('the site lists them newest first, each pointing at its anchor', () => {
    expect(caseCorrections(model).map((c) => `${c.date} ${c.path}#${c.anchor}`)).toEqual([
      '2024-02-01 /people/li-wei/#correction-1',
      '2020-06-03 /reports/heron-findings/#correction-1',
    ]);
  });
});

describe('dossier facts', () => {
  test('a charge and a sanction are statuses, with their dates and who made them', () => {
    const dir = withEdit('people/chen-jie.md', (text) =>
      text.replace(
        'links:\n',
        'links:\n  - rel: sanctioned-by\n    to: companies/example-tech\n    confidence: confirmed\n    since: 2021-07\n    sources: [example-news]\n  - rel: charged-by\n    to: companies/example-tech\n    confidence: high\n    since: 2020-12-20\n    sources: [example-news]\n',
      ),
    );
    const edited = checkCaseFolder(dir, { includeDrafts: false }).model;
    expect(statusesOf(edited, 'people/chen-jie').map((s) => [s.label, s.date, s.by.name, s.confidence])).toEqual([
      ['Charged', '2020-12-20', 'Example Trading Technology Co.', 'high'],
      ['Sanctioned', '2021-07', 'Example Trading Technology Co.', 'confirmed'],
    ]);
    // The other end is not charged or sanctioned.
    expect(statusesOf(edited, 'companies/example-tech')).toEqual([]);
  });

  test('first and last seen span the events; a declared first_seen wins', () => {
    expect(seenRange(model, entity('companies/example-tech'))).toEqual({ first: '2019', last: undefined });
    expect(seenRange(model, entity('actors/red-heron'))).toEqual({ first: '2015', last: '2020-03' });
  });

  test('counts relationships by grade, strongest first', () => {
    expect(gradeCounts(model, 'people/li-wei')).toEqual([
      { confidence: 'high', count: 1 },
      { confidence: 'moderate', count: 1 },
      { confidence: 'unverified', count: 1 },
    ]);
    expect(gradeLine(model, 'people/li-wei')).toBe(
      '3 relationships: 1 high confidence, 1 moderate confidence, 1 unverified',
    );
  });

  test('indexes put the most connected first and say what each is', () => {
    expect(byImportance(model, model.entitiesOfType('people')).map((p) => p.id)).toEqual([
      'people/li-wei',
      'people/chen-jie',
    ]);
    expect(roleOf(entity('people/li-wei'))).toBe('operator');
    expect(roleOf(entity('identities/heron-qq'))).toBe('qq · Tencent QQ · scrubbed');
  });
});

describe('page metadata', () => {
  const absolute = (p: string) => `https://cases.example.org${p}`;

  test('a person’s JSON-LD names it in every script, with its page and image', () => {
    expect(entityJsonLd(entity('people/li-wei'), absolute, 'casefile')).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Person',
      name: 'LI Wei',
      alternateName: ['李伟', 'heron_li'],
      description: 'Named by Example Research as the operator of the Heron accounts.',
      url: 'https://cases.example.org/people/li-wei/',
      image: 'https://cases.example.org/og/people/li-wei.png',
      subjectOf: { '@type': 'WebPage', name: 'LI Wei · casefile', url: 'https://cases.example.org/people/li-wei/' },
      dateModified: '2024-02-01',
    });
  });

  test('a page has its own sharing image as the setting allows, else the site’s', () => {
    expect(ogImagePath('people/li-wei', 'all')).toBe('/og/people/li-wei.png');
    expect(ogImagePath('people/li-wei', 'reports')).toBe('/og/site.png');
    expect(ogImagePath('reports/first-report', 'reports')).toBe('/og/reports/first-report.png');
    expect(ogImagePath('reports/first-report', 'none')).toBe('/og/site.png');
  });

  test('auto draws every dossier’s card for a small case and only the reports’ for a large one', () => {
    expect(shareImagesFor('auto', 45)).toBe('all');
    expect(shareImagesFor('auto', 200)).toBe('all');
    expect(shareImagesFor('auto', 201)).toBe('reports');
    expect(shareImagesFor('all', 5000)).toBe('all');
    expect(shareImagesFor('none', 10)).toBe('none');
  });

  test('JSON-LD text cannot close its script element', () => {
    expect(jsonLdText({ name: '</script><script>alert(1)</script>' })).toBe(
      '{"name":"\\u003c/script>\\u003cscript>alert(1)\\u003c/script>"}',
    );
  });

  test('a suggested citation names the author, the title, the site, the dates and the address', () => {
    expect(
      suggestedCitation({
        author: 'Fixture Desk',
        title: 'What the trail shows',
        site: 'casefile',
        published: '2020-06-01' as PartialDate,
        updated: '2020-06-03' as PartialDate,
        url: 'https://cases.example.org/reports/x/',
      }),
    ).toBe(
      'Fixture Desk, “What the trail shows,” casefile, 1 June 2020, last updated 3 June 2020, https://cases.example.org/reports/x/.',
    );
    expect(suggestedCitation({ title: 'LI Wei', site: 'casefile', url: 'https://c.example/p/' })).toBe(
      '“LI Wei,” casefile, https://c.example/p/.',
    );
  });

  test('a sharing card shows the type, the names, the summary and the grades', () => {
    const card = entityOgCard(model, entity('companies/example-tech'), 'casefile');
    expect(card).toMatchObject({
      kicker: 'Organisation',
      title: 'Example Trading Technology Co.',
      native: '示例贸易科技有限公司',
      footer: '2 relationships: 1 confirmed, 1 unverified',
    });
    expect(JSON.stringify(ogTree(card, 1200, 630))).toContain('示例贸易科技有限公司');
  });
});

describe('entityPreview', () => {
  test('reads a dossier record into a preview with grade counts', () => {
    const record = {
      id: 'people/x',
      type_label: 'Person',
      name: 'X',
      native: '某',
      summary: 'S',
      relationships: [{ confidence: 'low' }, { confidence: 'confirmed' }, { confidence: 'low' }],
      extra: 'ignored',
    };
    expect(entityPreview(record)).toEqual({
      name: 'X',
      native: '某',
      typeLabel: 'Person',
      summary: 'S',
      grades: [
        { confidence: 'confirmed', count: 1 },
        { confidence: 'low', count: 2 },
      ],
    });
  });

  test('refuses what is not a record', () => {
    expect(() => entityPreview({ name: 'X' })).toThrow();
  });
});

describe('eventAnchors', () => {
  test('are the date, numbered within a day, prefixed by the owner on a case timeline', () => {
    const d = (date: string) => date as PartialDate;
    expect(eventAnchors([{ date: d('2019') }, { date: d('2019') }, { date: d('2020-03-05') }])).toEqual([
      'event-2019',
      'event-2019-2',
      'event-2020-03-05',
    ]);
    expect(eventAnchors([{ date: d('2019'), entityId: 'companies/acme' }])).toEqual(['event-companies-acme-2019']);
  });
});
