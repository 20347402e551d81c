import { describe, expect, test } from 'vitest';
import { findWikilinks, splitWikilinks } from '../../src/lib/wikilinks.ts';
import { findEmbeds } from '../../src/lib/embeds.ts';
import { bodyFacts } from '../../src/lib/body-tree.ts';
import { mdxToMdast } from 'satteri';

const jsxOf = (body: string) => bodyFacts(mdxToMdast(body), body).jsx;

describe('findWikilinks', () => {
  test.each([
    ['[[people/gao-qiang]]', 'people/gao-qiang', undefined],
    ['[[people/gao-qiang|GAO]]', 'people/gao-qiang', 'GAO'],
    ['[[ people/gao-qiang | GAO Qiang ]]', 'people/gao-qiang', 'GAO Qiang'],
    ['| [[people/gao-qiang\\|GAO]] |', 'people/gao-qiang', 'GAO'],
    ['[[people/gao-qiang|高强]]', 'people/gao-qiang', '高强'],
    ['[[identities/xiaohong-org|xiaohong[.]org]] was registered', 'identities/xiaohong-org', 'xiaohong[.]org'],
  ])('parses %s', (text, target, label) => {
    const [link] = findWikilinks(text);
    expect(link?.target).toBe(target);
    expect(link?.label).toBe(label);
  });

  test('finds every link with its offset', () => {
    const links = findWikilinks('A [[a/b]] then [[c/d|e]].');
    expect(links.map((l) => [l.target, l.index])).toEqual([
      ['a/b', 2],
      ['c/d', 15],
    ]);
  });

  test('ignores single brackets and links across lines', () => {
    expect(findWikilinks('[a/b] [[a/\nb]]')).toEqual([]);
  });
});

describe('splitWikilinks', () => {
  test('alternates text and links', () => {
    const pieces = splitWikilinks('x [[a/b]] y');
    expect(pieces.map((p) => p.kind)).toEqual(['text', 'wikilink', 'text']);
  });
});

describe('findEmbeds', () => {
  test('reads the ids of GraphFocus and MapFocus', () => {
    const body = `Text\n<GraphFocus entities={["people/gao-qiang", 'identities/fisherxp']} caption="x" />\n<MapFocus locations={[ "locations/a" ]}/>`;
    expect(findEmbeds(jsxOf(body)).map((e) => [e.component, e.ids])).toEqual([
      ['GraphFocus', ['people/gao-qiang', 'identities/fisherxp']],
      ['MapFocus', ['locations/a']],
    ]);
  });

  test('reports an embed without ids as empty', () => {
    expect(findEmbeds(jsxOf('<GraphFocus caption="x" />'))[0]?.ids).toEqual([]);
  });
});
