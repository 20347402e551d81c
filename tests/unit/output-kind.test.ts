import { describe, expect, test } from 'vitest';
import { outputKind } from '../bench/output-size.ts';

describe('outputKind', () => {
  test.each([
    ['people/gao-qiang/index.html', 'html'],
    ['index.html', 'html'],
    ['people/gao-qiang.stix.json', 'entity STIX'],
    ['people/gao-qiang.json', 'JSON records'],
    ['exports/case.json', 'exports'],
    ['exports/case.stix.json', 'exports'],
    ['exports/graph.gexf', 'exports'],
    ['graph/evidence.json', 'graph evidence'],
    ['pagefind/pagefind-entry.json', 'search'],
    ['search/names/ga.json', 'search'],
    ['graph.json', 'other'],
    ['_astro/style.C5w9OtMC.css', 'other'],
    ['graph/table.json', 'other'],
  ])('%s is %s', (file, kind) => {
    expect(outputKind(file)).toBe(kind);
  });
});
