import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, assert, describe, expect, test } from 'vitest';
import { parseSourceId } from '../../src/lib/ids.ts';
import { checkCaseFolder } from '../../src/reader/read-case.ts';
import { findInlineCitations, parseCitationItem, sourceIdsOf, splitInlineCitations } from '../../src/lib/citations.ts';
import { relationAnchor, relationEvidence } from '../../src/lib/evidence.ts';

const basic = path.resolve(import.meta.dirname, '../fixtures/basic');

describe('parseCitationItem', () => {
  test.each([
    ['@example-blog', { source: 'example-blog' }],
    ['@example-blog, para. 4', { source: 'example-blog', locator: 'para. 4' }],
    ['@example-blog, "a passage, with a comma"', { source: 'example-blog', quote: 'a passage, with a comma' }],
    ['@example-blog, p. 3, "the passage"', { source: 'example-blog', locator: 'p. 3', quote: 'the passage' }],
    ['@example-blog, §2, “curly quotes”', { source: 'example-blog', locator: '§2', quote: 'curly quotes' }],
    ['@example-blog, "an escaped \\" quote"', { source: 'example-blog', quote: 'an escaped " quote' }],
  ])('%s', (item, expected) => {
    expect(parseCitationItem(item)).toEqual(expected);
  });

  test.each([
    ['example-blog', 'is not a citation'],
    ['@Example_Blog', 'is not a citation'],
    ['@example-blog, "never closed', 'not closed'],
    ['@example-blog, "quoted" then more', 'not closed'],
  ])('refuses %s', (item, message) => {
    expect(parseCitationItem(item)).toMatchObject({ error: expect.stringContaining(message) });
  });
});

describe('findInlineCitations', () => {
  test('finds groups with several sources, and where each starts', () => {
    const text = 'One claim [@a-source]. Two [@b; @c, p. 2, "x; y"] and done.';
    const { found, errors } = findInlineCitations(text);
    expect(errors).toEqual([]);
    expect(found.map((group) => group.index)).toEqual([10, 27]);
    expect(found[1]?.citations).toEqual([{ source: 'b' }, { source: 'c', locator: 'p. 2', quote: 'x; y' }]);
  });

  test('leaves Markdown links whose text starts with @ alone', () => {
    expect(findInlineCitations('[@handle](https://example.com) and [@ref][1]').found).toEqual([]);
  });

  test('reports a malformed group once per bad item, and does not use it', () => {
    const { found, errors } = findInlineCitations('See [@good; nonsense].');
    expect(found).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ index: 4, raw: '[@good; nonsense]' });
  });

  test('splits text around groups, in order', () => {
    const pieces = splitInlineCitations('a [@x] b');
    expect(pieces.map((piece) => piece.kind)).toEqual(['text', 'citation', 'text']);
  });
});

describe('sourceIdsOf', () => {
  test('keeps each source once, in first-cited order', () => {
    const a = parseSourceId('a') ?? assert.fail('a is a slug');
    const b = parseSourceId('b') ?? assert.fail('b is a slug');
    expect(sourceIdsOf([{ source: b }, { source: a, quote: 'q' }, { source: b, locator: 'p. 1' }])).toEqual(['b', 'a']);
  });
});

describe('citations in the case', () => {
  const { model, problems } = checkCaseFolder(basic, { includeDrafts: false });

  test('a link may cite a source with its passage and locator', () => {
    expect(problems).toEqual([]);
    const works = model.relations.find((r) => r.rel === 'works-for' && r.from === 'people/li-wei');
    expect(works?.sources).toEqual([
      { source: 'example-news', quote: 'LI Wei, who the paper says works for Example Tech', locator: 'para. 2' },
    ]);
  });

  test('the evidence record reads the relationship in words, with its grade and its passage', () => {
    const works = model.relations.find((r) => r.rel === 'works-for' && r.from === 'people/li-wei');
    if (!works) throw new Error('fixture relationship missing');
    const evidence = relationEvidence(model, works);
    expect(evidence).toMatchObject({
      key: 'people/li-wei>works-for>companies/example-tech',
      sentence: 'LI Wei works for Example Trading Technology Co.',
      confidence: 'unverified',
      confidenceLabel: 'unverified',
      note: 'claimed by one news report only',
    });
    expect(evidence.sources).toEqual([
      expect.objectContaining({
        id: 'example-news',
        title: 'Researchers tie Heron group to a trading firm',
        publisher: 'Example News',
        url: 'https://news.example.com/heron',
        path: '/sources/example-news/',
        quote: 'LI Wei, who the paper says works for Example Tech',
        locator: 'para. 2',
      }),
    ]);
    expect(relationAnchor(works, 'people/li-wei')).toBe('rel-works-for-companies-example-tech');
    expect(relationAnchor(works, 'companies/example-tech')).toBe('rel-works-for-by-people-li-wei');
  });
});

describe('inline citations are checked like every reference', () => {
  const copies: string[] = [];
  afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  /** A copy of the basic fixture with one report body replaced. */
  function withReportBody(body: string): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'casefile-cite-'));
    copies.push(dir);
    cpSync(basic, dir, { recursive: true });
    const file = path.join(dir, 'reports/first-report.mdx');
    const text = readFileSync(file, 'utf8');
    const end = text.indexOf('---', 3) + 3;
    writeFileSync(file, `${text.slice(0, end)}\n${body}\n`);
    return dir;
  }

  test('an unknown source id fails with the file, the line and a did-you-mean', () => {
    const dir = withReportBody('First line.\n\nThe claim [@example-newz, para. 2].');
    const { problems } = checkCaseFolder(dir, { includeDrafts: false });
    expect(problems).toEqual([
      expect.objectContaining({
        file: expect.stringContaining('reports/first-report.mdx'),
        field: 'body',
        line: 10,
        message: 'unknown source id "example-newz"',
        fix: 'did you mean "example-news"?',
      }),
    ]);
  });

  test('a malformed group fails and says how to write one', () => {
    const dir = withReportBody('The claim [@example-news, "unclosed].');
    const { problems } = checkCaseFolder(dir, { includeDrafts: false });
    expect(problems).toEqual([
      expect.objectContaining({ field: 'body', message: expect.stringContaining('not closed') }),
    ]);
  });

  test('body citations join the page’s numbered sources', () => {
    const dir = withReportBody('The claim [@print-only].');
    const { model, problems } = checkCaseFolder(dir, { includeDrafts: false });
    expect(problems).toEqual([]);
    expect(model.citationsOf('reports/first-report')).toEqual(['example-blog', 'example-news', 'print-only']);
  });
});
