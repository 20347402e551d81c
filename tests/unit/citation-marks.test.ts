import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { markdownToHtml } from 'satteri';
import { assert, describe, expect, test } from 'vitest';
import { checkCaseFolder } from '../../src/reader/read-case.ts';
import { caseNumbering, citationMarksPlugin } from '../../src/integrations/citation-marks.ts';
import { sanitiserPlugin } from '../../src/integrations/markdown-sanitiser.ts';
import {
  bodyPlaces,
  citationMarkId,
  firstCitingAnchors,
  marksOf,
  numberSources,
} from '../../src/lib/citation-marks.ts';
import { parseSourceId, type SourceId } from '../../src/lib/ids.ts';

/** A checked source id, as the schema makes them. */
function id(slug: string): SourceId {
  return parseSourceId(slug) ?? assert.fail(`${slug} is a slug`);
}

const basic = path.resolve(import.meta.dirname, '../fixtures/basic');

describe('numberSources', () => {
  test('numbers by first appearance across lists, from 1', () => {
    const numbers = numberSources([
      [{ source: id('b') }],
      [{ source: id('a') }, { source: id('b') }],
      [{ source: id('c') }],
    ]);
    expect([...numbers]).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 3],
    ]);
  });
});

describe('marks', () => {
  test('a mark id is the source id, then its occurrence', () => {
    expect(citationMarkId('example-news', 1)).toBe('cite-example-news');
    expect(citationMarkId('example-news', 3)).toBe('cite-example-news-3');
  });

  test('a group’s marks come in number order, each source once, with the first passage', () => {
    const numbers = new Map([
      ['a', 2],
      ['b', 1],
    ]);
    const marks = marksOf(
      [
        { source: id('a'), quote: 'first' },
        { source: id('b') },
        { source: id('a'), quote: 'second' },
        { source: id('unknown') },
      ],
      numbers,
    );
    expect(marks).toEqual([
      { n: 1, citation: { source: id('b') } },
      { n: 2, citation: { source: id('a'), quote: 'first' } },
    ]);
  });

  test('the source list returns to the first place that cites each source', () => {
    const anchors = firstCitingAnchors([
      { anchor: 'top', citations: [{ source: id('a') }] },
      ...bodyPlaces([{ source: id('b') }, { source: id('a') }, { source: id('b') }]),
      { anchor: 'rel-x', citations: [{ source: id('c') }, { source: id('b') }] },
    ]);
    expect([...anchors]).toEqual([
      ['a', 'top'],
      ['b', 'cite-b'],
      ['c', 'rel-x'],
    ]);
  });
});

describe('the Markdown step', () => {
  /** Renders a body as Astro would (the sanitiser, then the marks), with the page's numbering and its file. */
  function render(body: string, numbers: [string, number][], file = 'people/someone.md'): string {
    const { html } = markdownToHtml(body, {
      hastPlugins: [sanitiserPlugin('https://case.example'), citationMarksPlugin(() => new Map(numbers))],
      features: { smartPunctuation: true, rawHtml: true },
      fileURL: pathToFileURL(path.join(basic, file)),
    });
    return html;
  }

  test('renders groups as numbered marks with ids, passages and locators, the space before dropped', () => {
    const html = render('He said so [@b, p. 2, "the words"]; later [@a; @b].', [
      ['a', 1],
      ['b', 2],
    ]);
    expect(html).toBe(
      '<p>He said so<sup class="cite"><a href="#source-2" class="cite-mark" id="cite-b" aria-label="source 2" data-quote="the words" data-locator="p. 2">2</a></sup>; later<sup class="cite"><a href="#source-1" class="cite-mark" id="cite-a" aria-label="source 1">1</a><span class="sep">,</span><a href="#source-2" class="cite-mark" id="cite-b-2" aria-label="source 2">2</a></sup>.</p>\n',
    );
  });

  test('leaves text without citations, and a source’s own page, as they are', () => {
    expect(render('No [citation] here.', [])).toBe('<p>No [citation] here.</p>\n');
    expect(render('A note [@a].', [['a', 1]], 'sources/a.md')).toBe('<p>A note [@a].</p>\n');
  });

  test('a citation written in code stays code, as the content check reads it', () => {
    expect(render('Write `[@a]` to cite.', [['a', 1]])).toBe('<p>Write <code>[@a]</code> to cite.</p>\n');
  });

  test('the marks come after the sanitiser: their ids and data attributes survive, an author’s own do not', () => {
    const html = render('Said [@a, "q"]. <span id="cite-a" data-quote="forged">x</span>', [['a', 1]]);
    expect(html).toContain(
      '<a href="#source-1" class="cite-mark" id="cite-a" aria-label="source 1" data-quote="q">1</a>',
    );
    expect(html).toContain('<span>x</span>');
    expect(html).not.toContain('forged');
  });

  test('gives every body citation of a case the number its page’s source list gives it', () => {
    const { model, inputs } = checkCaseFolder(basic, { includeDrafts: false });
    const numbering = caseNumbering(basic);
    let checked = 0;
    for (const input of inputs) {
      const entry = model.get(`${input.collection}/${input.slug}`);
      if (!entry || entry.kind === 'source' || entry.bodyCitations.length === 0) continue;
      const list = model.citationsOf(entry.id);
      const numbers = numbering(pathToFileURL(input.file));
      for (const citation of entry.bodyCitations) {
        expect(numbers.get(citation.source), `${entry.id} ${citation.source}`).toBe(list.indexOf(citation.source) + 1);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(3);
  });
});
