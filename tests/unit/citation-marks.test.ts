import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { markdownToHtml } from 'satteri';
import { describe, expect, test } from 'vitest';
import { checkCaseFolder } from '../../src/integrations/case-files.ts';
import { citationMarksPlugin } from '../../src/integrations/citation-marks.ts';
import {
  bodyCitationNumbers,
  bodyPlaces,
  citationMarkId,
  firstCitingAnchors,
  marksOf,
  numberSources,
} from '../../src/lib/citation-marks.ts';

const basic = path.resolve(import.meta.dirname, '../fixtures/basic');

describe('numberSources', () => {
  test('numbers by first appearance across lists, from 1', () => {
    const numbers = numberSources([[{ source: 'b' }], [{ source: 'a' }, { source: 'b' }], [{ source: 'c' }]]);
    expect([...numbers]).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 3],
    ]);
  });
});

describe('bodyCitationNumbers', () => {
  test('counts own sources, then disputes, then the body, from raw frontmatter', () => {
    const frontmatter = {
      sources: ['own', { source: 'quoted', quote: 'q' }],
      disputes: [
        {
          about: 'name',
          claims: [
            { value: 'x', sources: ['disputed'] },
            { value: 'y', sources: ['own'] },
          ],
        },
      ],
    };
    const numbers = bodyCitationNumbers(frontmatter, 'Text [@body; @own] and [@disputed, p. 2].');
    expect([...numbers]).toEqual([
      ['own', 1],
      ['quoted', 2],
      ['disputed', 3],
      ['body', 4],
    ]);
  });

  test('tolerates frontmatter the content check has refused', () => {
    expect([...bodyCitationNumbers({ sources: 'not a list' }, '[@only]')]).toEqual([['only', 1]]);
  });

  test('gives every body citation the number the page’s source list gives it', () => {
    const { model, inputs } = checkCaseFolder(basic, { includeDrafts: false });
    let checked = 0;
    for (const input of inputs) {
      const entry = model.get(`${input.collection}/${input.slug}`);
      if (!entry || entry.kind === 'source' || entry.bodyCitations.length === 0) continue;
      const list = model.citationsOf(entry.id);
      const numbers = bodyCitationNumbers(input.data, input.body);
      for (const citation of entry.bodyCitations) {
        expect(numbers.get(citation.source), `${entry.id} ${citation.source}`).toBe(list.indexOf(citation.source) + 1);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(3);
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
      [{ source: 'a', quote: 'first' }, { source: 'b' }, { source: 'a', quote: 'second' }, { source: 'unknown' }],
      numbers,
    );
    expect(marks).toEqual([
      { n: 1, citation: { source: 'b' } },
      { n: 2, citation: { source: 'a', quote: 'first' } },
    ]);
  });

  test('the source list returns to the first place that cites each source', () => {
    const anchors = firstCitingAnchors([
      { anchor: 'top', citations: [{ source: 'a' }] },
      ...bodyPlaces([{ source: 'b' }, { source: 'a' }, { source: 'b' }]),
      { anchor: 'rel-x', citations: [{ source: 'c' }, { source: 'b' }] },
    ]);
    expect([...anchors]).toEqual([
      ['a', 'top'],
      ['b', 'cite-b'],
      ['c', 'rel-x'],
    ]);
  });
});

describe('the Markdown step', () => {
  /** Renders a body as Astro would, with its frontmatter and file. */
  function render(body: string, frontmatter: Record<string, unknown>, file = 'people/someone.md'): string {
    const { html } = markdownToHtml(body, {
      mdastPlugins: [citationMarksPlugin()],
      features: { smartPunctuation: true },
      fileURL: pathToFileURL(path.join(basic, file)),
      data: { astro: { frontmatter, headings: [], localImagePaths: new Set(), remoteImagePaths: new Set() } },
    });
    return html;
  }

  test('renders groups as numbered marks with ids, passages and locators, the space before dropped', () => {
    const html = render('He said so [@b, p. 2, "the words"]; later [@a; @b].', { sources: ['a'] });
    expect(html).toBe(
      '<p>He said so<sup class="cite"><a href="#source-2" class="cite-mark" id="cite-b" aria-label="source 2" data-quote="the words" data-locator="p. 2">2</a></sup>; later<sup class="cite"><a href="#source-1" class="cite-mark" id="cite-a" aria-label="source 1">1</a><span class="sep">,</span><a href="#source-2" class="cite-mark" id="cite-b-2" aria-label="source 2">2</a></sup>.</p>\n',
    );
  });

  test('leaves text without citations, and a source’s own page, as they are', () => {
    expect(render('No [citation] here.', {})).toBe('<p>No [citation] here.</p>\n');
    expect(render('A note [@a].', {}, 'sources/a.md')).toBe('<p>A note [@a].</p>\n');
  });
});
