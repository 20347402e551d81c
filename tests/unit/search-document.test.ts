import { describe, expect, test } from 'vitest';
import path from 'node:path';
import { checkCaseFolder } from '../../src/integrations/case-files.ts';
import { escapeHtml, plainText, searchDocument, searchParts } from '../../src/lib/search-document.ts';

const { model } = checkCaseFolder(path.resolve('tests/fixtures/basic'), { includeDrafts: false });
const entry = (id: string) => {
  const found = model.get(id);
  if (!found) throw new Error(`the fixture has no ${id}`);
  return found;
};

describe('searchParts', () => {
  test('a person: names and identifiers apart, then own texts only', () => {
    const parts = searchParts(entry('people/li-wei'), model);
    expect(parts).toMatchObject({
      title: 'LI Wei',
      type: 'People',
      native: '李伟',
      summary: 'Named by Example Research as the operator of the Heron accounts.',
      aliases: ['heron_li'],
      ids: [],
    });
    expect(parts.text).toEqual([
      'operator',
      'Chinese name. 李伟. 李威. The two sources write the given name with different characters.',
      'claimed by one news report only',
      'Named in the press.',
    ]);
  });

  test('never the names of the entities at the other end of a relationship', () => {
    const text = searchParts(entry('people/li-wei'), model).text.join(' ');
    for (const other of ['QQ 123456789', 'Example Tech', 'RED HERON']) expect(text).not.toContain(other);
  });

  test('a location: both addresses as identifiers, the placing note as text, not the coordinates', () => {
    const parts = searchParts(entry('locations/example-tower'), model);
    expect(parts.ids).toEqual(['1 Example Road, Hexi District, Tianjin', '天津市河西区示例路1号']);
    expect(parts.text).toContain('placed at the district centre; the building itself was not found on a map');
    expect(parts.text.join(' ')).not.toMatch(/39\.1|117\.2/);
  });

  test('an identity: its value as an identifier', () => {
    expect(searchParts(entry('identities/heron-qq'), model).ids).toEqual(['123456789']);
  });

  test('a source: found by its publisher and author', () => {
    const parts = searchParts(entry('sources/example-blog'), model);
    expect(parts).toMatchObject({
      title: 'Heron sightings, part one',
      type: 'Sources',
      ids: ['Example Research Blog', 'A. Analyst'],
    });
  });
});

describe('plainText', () => {
  test('leaves inline citations out', () => {
    expect(plainText('seen there once [@example-news, p. 2]', model)).toBe('seen there once ');
  });

  test('writes wikilinks as the page shows them', () => {
    expect(plainText('works with [[people/li-wei]] and [[people/li-wei|him]]', model)).toBe(
      'works with LI Wei and him',
    );
  });
});

describe('searchDocument', () => {
  const parts = {
    title: 'LI Wei',
    type: 'People',
    native: '李伟',
    summary: 'An "operator" & more',
    aliases: ['heron_li', '李威'],
    ids: [],
    text: ['claimed by one news report only'],
  };
  const html = searchDocument(parts, '<p>The body.</p>');

  test('carries the names as metadata and the type as the filter', () => {
    expect(html).toContain(
      '<main data-pagefind-body data-pagefind-filter="type:People" data-pagefind-meta="title[data-title], summary[data-summary], native[data-native], aliases[data-aliases]" data-title="LI Wei" data-summary="An &quot;operator&quot; &amp; more" data-native="李伟" data-aliases="heron_li · 李威">',
    );
  });

  test('repeats only the hanzi among the names in the text, weighted as names', () => {
    expect(html).toContain(
      '<p data-pagefind-weight="10" lang="zh">李伟</p><p data-pagefind-weight="8" lang="zh">李威</p>',
    );
    expect(html.slice(html.indexOf('<main'))).not.toMatch(/>LI Wei</);
  });

  test('then the summary, the body and the other texts, in that order', () => {
    const summary = html.indexOf('An &quot;operator&quot; &amp; more</p>');
    const body = html.indexOf('<div><p>The body.</p></div>');
    const note = html.indexOf('<p>claimed by one news report only</p>');
    expect(summary).toBeGreaterThan(0);
    expect(body).toBeGreaterThan(summary);
    expect(note).toBeGreaterThan(body);
  });
});

describe('escapeHtml', () => {
  test('escapes what could end an attribute or open a tag', () => {
    expect(escapeHtml('a<b>"c"&d')).toBe('a&lt;b&gt;&quot;c&quot;&amp;d');
  });
});
