import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkCaseFolder } from '../../src/reader/read-case.ts';
import { citeMarksHtml, entityLinkHtml, gradeTagHtml, inlineHtml, runsHtml } from '../../src/lib/dossier-markup.ts';
import { parseSourceId } from '../../src/lib/ids.ts';
import { inlinePieces } from '../../src/lib/inline.ts';

const fixture = path.resolve(import.meta.dirname, '../fixtures/basic');
const { model } = checkCaseFolder(fixture, { includeDrafts: false });
const entry = (id: string) => {
  const found = model.get(id);
  if (!found) throw new Error(`the fixture has no ${id}`);
  return found;
};

describe('runsHtml', () => {
  test('marks hanzi runs as Chinese and escapes the rest', () => {
    expect(runsHtml('LI Wei 李伟 & <co>')).toBe('LI Wei <span lang="zh">李伟</span> &amp; &lt;co&gt;');
  });
});

describe('entityLinkHtml', () => {
  test('links the entry under the base, with its native name marked in its language', () => {
    expect(entityLinkHtml(entry('people/li-wei'), '/case/')).toBe(
      '<a class="entity-link type-people" href="/case/people/li-wei/">LI Wei' +
        '<span class="native" lang="zh">李伟</span></a>',
    );
  });

  test('leaves the native name out when asked', () => {
    expect(entityLinkHtml(entry('people/li-wei'), '/', false)).toBe(
      '<a class="entity-link type-people" href="/people/li-wei/">LI Wei</a>',
    );
  });

  test('links a source, which has no native name', () => {
    expect(entityLinkHtml(entry('sources/example-news'), '/')).toBe(
      '<a class="entity-link type-sources" href="/sources/example-news/">' +
        'Researchers tie Heron group to a trading firm</a>',
    );
  });
});

describe('gradeTagHtml', () => {
  test('names the grade in words, with its meaning as a tooltip only when asked', () => {
    expect(gradeTagHtml('high', false)).toBe('<span class="grade-tag grade-high">high confidence</span>');
    expect(gradeTagHtml('confirmed', true)).toBe(
      '<span class="grade-tag grade-confirmed" title="Two independent sources each checked it; or it is an official act and its own record.">confirmed</span>',
    );
  });
});

describe('inlineHtml', () => {
  const lookup = (id: string) => (id === 'people/li-wei' ? { name: 'LI Wei', collection: 'people' } : undefined);

  test('links a wikilink under the base by its label, and marks hanzi in the text around it', () => {
    expect(inlineHtml(inlinePieces('Met [[people/li-wei|LI]] at 天津 & left', lookup), '/case/')).toBe(
      'Met <a href="/case/people/li-wei/" class="wikilink type-people">LI</a> at <span lang="zh">天津</span> &amp; left',
    );
  });

  test('marks a wikilink to nothing as broken, saying why', () => {
    expect(inlineHtml(inlinePieces('See [[people/nobody]].', lookup), '/')).toBe(
      'See <em class="wikilink-broken" title="No entry at people/nobody">people/nobody</em>.',
    );
  });
});

describe('citeMarksHtml', () => {
  const source = (slug: string) => {
    const id = parseSourceId(slug);
    if (!id) throw new Error(`${slug} is not a source id`);
    return id;
  };

  test('writes nothing when there are no marks', () => {
    expect(citeMarksHtml([])).toBe('');
  });

  test('links each source to the list, with the passage and locator escaped for the preview', () => {
    expect(
      citeMarksHtml([
        { n: 1, citation: { source: source('example-news'), quote: 'a "front" & more', locator: 'para. 4' } },
        { n: 3, citation: { source: source('other-report') } },
      ]),
    ).toBe(
      '<sup class="cite">' +
        '<a class="cite-mark" href="#source-1" aria-label="source 1" data-quote="a &quot;front&quot; &amp; more" data-locator="para. 4">1</a>' +
        '<span class="sep">,</span>' +
        '<a class="cite-mark" href="#source-3" aria-label="source 3">3</a>' +
        '</sup>',
    );
  });
});
