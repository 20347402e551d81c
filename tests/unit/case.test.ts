import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkCaseFolder } from '../../src/reader/read-case.ts';
import { CaseError, formatProblems } from '../../src/lib/problems.ts';
import { loadCase } from '../../src/lib/case.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures');
const basic = path.join(fixtures, 'basic');

describe('buildCase on a valid case', () => {
  const { model, problems } = checkCaseFolder(basic, { includeDrafts: false });

  test('reports no problems', () => {
    expect(formatProblems(problems)).toContain('0 problems');
    expect(problems).toEqual([]);
  });

  test('leaves drafts out of a production case', () => {
    expect(model.get('people/hidden-person')).toBeUndefined();
    expect(model.get('reports/draft-report')).toBeUndefined();
    expect(model.relations.some((r) => r.from === 'people/hidden-person')).toBe(false);
  });

  test('includes drafts for the development server', () => {
    const dev = checkCaseFolder(basic, { includeDrafts: true });
    expect(dev.model.get('people/hidden-person')?.draft).toBe(true);
    expect(
      dev.model
        .relationsOf('companies/example-tech')
        .some((g) => g.items.some((v) => v.other === 'people/hidden-person')),
    ).toBe(true);
  });

  test('shows a relationship on both of its pages, under each end’s label', () => {
    const person = model.relationsOf('people/li-wei').find((g) => g.rel === 'works-for');
    const company = model.relationsOf('companies/example-tech').find((g) => g.rel === 'works-for');
    expect(person).toMatchObject({ direction: 'out', label: 'works for' });
    expect(person?.items.map((v) => v.other)).toEqual(['companies/example-tech']);
    expect(company).toMatchObject({ direction: 'in', label: 'employs' });
    expect(company?.items.map((v) => v.other)).toEqual(['people/li-wei']);
  });

  test('shows a symmetric relationship the same way from both ends', () => {
    const a = model.relationsOf('locations/second-site').find((g) => g.rel === 'associated-with');
    const b = model.relationsOf('locations/example-tower').find((g) => g.rel === 'associated-with');
    expect(a?.label).toBe('associated with');
    expect(b?.label).toBe('associated with');
    expect(b?.direction).toBe('out');
  });

  test('lists groups by their strongest grade, then outgoing before incoming, then in vocabulary order', () => {
    // operates is high, member-of moderate, works-for unverified
    const groups = model.relationsOf('people/li-wei').map((g) => `${g.direction}:${g.rel}`);
    expect(groups).toEqual(['out:operates', 'out:member-of', 'out:works-for']);
  });

  test('records mentions from bodies as backlinks, reports first', () => {
    expect(model.mentionedIn('people/li-wei')).toEqual(['reports/first-report', 'actors/red-heron']);
    expect(model.mentionsFrom('companies/example-tech')).toEqual(['locations/example-tower']);
  });

  test('numbers a dossier’s sources in page order', () => {
    // own sources first, then disputes, aliases, relationships and events
    expect(model.citationsOf('people/li-wei')).toEqual(['example-blog', 'example-news']);
    expect(model.citationsOf('companies/example-tech')).toEqual(['print-only', 'example-news']);
  });

  test('knows where each source is cited', () => {
    const citing = new Set(model.citedBy('print-only').map((c) => c.id));
    expect(citing).toEqual(new Set(['companies/example-tech', 'locations/example-tower', 'reports/first-report']));
  });

  test('keeps old slugs as redirects', () => {
    expect(model.redirects).toEqual([{ from: 'people/wei-li', to: 'people/li-wei' }]);
  });

  test('orders entities by type, then name', () => {
    expect(model.entities.map((e) => e.id).slice(0, 4)).toEqual([
      'actors/red-heron',
      'people/chen-jie',
      'people/li-wei',
      'companies/example-tech',
    ]);
  });

  test('marks hanzi native names as zh', () => {
    expect(model.entity('people/li-wei')?.nativeLang).toBe('zh');
  });
});

describe('loadCase', () => {
  test('throws a CaseError listing every problem', () => {
    const { inputs } = checkCaseFolder(path.join(fixtures, 'broken', 'link-to-self'), { includeDrafts: false });
    expect(() => loadCase(inputs, { includeDrafts: false })).toThrow(CaseError);
    try {
      loadCase(inputs, { includeDrafts: false });
    } catch (error) {
      expect(error).toBeInstanceOf(CaseError);
      expect((error as CaseError).problems).toHaveLength(1);
      expect((error as CaseError).message).toContain('links[1].to: an entity cannot link to itself');
    }
  });
});

interface Expectation {
  file: string;
  field: string;
  message: string;
  fix?: string;
}

const broken = readdirSync(path.join(fixtures, 'broken')).sort();

describe('every broken fixture fails with the file, the field and the fix', () => {
  test('the fixtures share a valid baseline', () => {
    expect(checkCaseFolder(path.join(fixtures, 'minimal'), { includeDrafts: false }).problems).toEqual([]);
  });

  test.each(broken)('%s', (name) => {
    const folder = path.join(fixtures, 'broken', name);
    const expected = JSON.parse(readFileSync(path.join(folder, 'expect.json'), 'utf8')) as Expectation;
    const { problems } = checkCaseFolder(folder, { includeDrafts: false });
    const file = path.join(path.relative(process.cwd(), folder), expected.file);
    const match = problems.find((p) => p.file === file && p.field === expected.field);
    expect(match, formatProblems(problems)).toBeDefined();
    expect(match?.message).toContain(expected.message);
    if (expected.fix) expect(match?.fix).toContain(expected.fix);
  });
});
