import { describe, expect, test } from 'vitest';
import { checkCase } from '../../src/reader/read-case.ts';
import { memorySource } from '../../src/reader/content-source.ts';
import { formatProblems, type CaseProblem } from '../../src/lib/problems.ts';
import { caseWith, company, person } from './small-case.ts';

/**
 * The reader and the checks, run in memory on small cases: each rule an author can break, with the
 * file, field, line and fix the author is told. (A handful of real builds, tests/build/, prove
 * that `astro build` stops on the same problems.)
 */

const TODAY = '2026-06-01';

/** Checks a case held in memory, as a production build would. */
function check(files: Record<string, string>) {
  return checkCase(memorySource(files), { includeDrafts: false, today: TODAY });
}

/** The one problem of a case, failing with the whole report when there is not exactly one. */
function onlyProblem(files: Record<string, string>): CaseProblem {
  const { problems } = check(files);
  expect(problems, formatProblems(problems)).toHaveLength(1);
  return problems[0] as CaseProblem;
}

describe('the baseline case', () => {
  test('has no problems', () => {
    expect(check(caseWith({})).problems).toEqual([]);
  });
});

describe('wikilinks come from the syntax tree', () => {
  const body = [
    'Works at [[companies/acme]].',
    '',
    'Write a wikilink as `[[people/nobody-here]]`.',
    '',
    '```',
    '[[people/nobody-here]] in a fence',
    '```',
    '',
    '    [[people/nobody-here]] in an indented block',
    '',
  ].join('\n');

  test('a wikilink in inline code, a fence or an indented block is code: it does not fail', () => {
    expect(check(caseWith({ 'people/alice.md': person(body) })).problems).toEqual([]);
  });

  test('nor does it become a mention', () => {
    const { model } = check(caseWith({ 'people/alice.md': person(body) }));
    expect(model.mentionsFrom('people/alice')).toEqual(['companies/acme']);
  });

  test('in prose it still fails, on its own line', () => {
    const problem = onlyProblem(
      caseWith({ 'people/alice.md': person('Hello.\n\nSeen with [[people/nobody-here]].\n') }),
    );
    expect(problem).toMatchObject({ file: 'content/people/alice.md', field: 'body', line: 13 });
    expect(problem.message).toBe('nothing is at "people/nobody-here"');
  });

  test('an inline citation in code is code too', () => {
    const files = caseWith({
      'people/alice.md': person('Cite as `[@no-such-source]`. Works at [[companies/acme]].\n'),
    });
    expect(check(files).problems).toEqual([]);
  });

  test('an inline citation in prose is checked and numbered', () => {
    const files = caseWith({ 'people/alice.md': person('Works at [[companies/acme]] [@source-a, p. 2].\n') });
    const { problems, model } = check(files);
    expect(problems).toEqual([]);
    expect(model.entity('people/alice')?.bodyCitations).toEqual([{ source: 'source-a', locator: 'p. 2' }]);
  });
});

describe('a report is code: only the site’s components, with literal props', () => {
  const report = (body: string) => `---
title: A report
date: 2021-02-01
author: Desk
summary: On Alice.
---
${body}`;
  const reportCase = (body: string) => caseWith({ 'reports/r.mdx': report(body) });

  test('GraphFocus and MapFocus with literal props pass, and their ids are mentions', () => {
    const { problems, model } = check(
      reportCase(`<GraphFocus entities={['people/alice', "companies/acme"]} caption="The two" depth={1} />\n`),
    );
    expect(problems).toEqual([]);
    expect(model.mentionsFrom('reports/r')).toEqual(['people/alice', 'companies/acme']);
  });

  test.each([
    ["import { execSync } from 'node:child_process'\n\nText.\n", 'import and export statements run code'],
    ['export const x = 1\n\nText.\n', 'import and export statements run code'],
    ["Text {execSync('id')}.\n", "{execSync('id')} is a JavaScript expression"],
    ["{'xiaohong' + '.org'}\n", 'is a JavaScript expression'],
    ['<script>alert(1)</script>\n', "<script> is not one of the site's components"],
    ['<a href="javascript:alert(1)">x</a>\n', "<a> is not one of the site's components"],
    ['<GraphFocus entities={people.map((p) => p)} />\n', '<GraphFocus entities>: people.map((p) => p) is code'],
    ['<GraphFocus {...props} />\n', 'spread props'],
  ])('refuses %j', (body, message) => {
    const { problems } = check(reportCase(body));
    const problem = problems.find((p) => p.message.includes(message));
    expect(problem, formatProblems(problems)).toMatchObject({ file: 'content/reports/r.mdx', field: 'body', line: 7 });
  });

  test('an MDX comment is not code', () => {
    expect(check(reportCase('{/* a note to the editor */}\n\nText on [[people/alice]].\n')).problems).toEqual([]);
  });

  test('a dossier cannot be MDX', () => {
    const { 'people/alice.md': dossier = '', ...rest } = caseWith({});
    const { problems } = check({ ...rest, 'people/alice.mdx': dossier });
    const problem = problems.find((p) => p.file === 'content/people/alice.mdx');
    expect(problem).toMatchObject({ field: 'file name', fix: 'rename it to alice.md' });
    expect(problem?.message).toContain('only reports may be MDX');
  });
});

describe('identifiers are text', () => {
  const identity = (value: string) => `---
name: A phone
summary: A number.
kind: phone
value: ${value}
sources: [source-a]
links:
  - rel: associated-with
    to: people/alice
    confidence: low
    sources: [source-a]
---
`;

  test('an unquoted number is refused with the quoted form as the fix', () => {
    const problem = onlyProblem(caseWith({ 'identities/phone.md': identity('02283281234') }));
    expect(problem).toMatchObject({ file: 'content/identities/phone.md', field: 'value', line: 5 });
    expect(problem.fix).toBe("quote it: value: '02283281234'");
  });

  test('a long number keeps its digits in the fix', () => {
    const problem = onlyProblem(caseWith({ 'identities/phone.md': identity('1029384756102938475') }));
    expect(problem.fix).toBe("quote it: value: '1029384756102938475'");
  });

  test('a quoted one passes, exactly as written', () => {
    const { problems, model } = check(caseWith({ 'identities/phone.md': identity("'02283281234'") }));
    expect(problems).toEqual([]);
    const entity = model.entity('identities/phone');
    expect(entity?.type === 'identities' ? entity.data.value : undefined).toBe('02283281234');
  });
});

describe('nothing is dropped silently', () => {
  test.each([
    ['people/bob.MD', 'rename it to bob.md'],
    ['people/bob.markdown', 'rename it to bob.md'],
    ['people/sub/bob.md', 'move it to people/bob.md (images may stay in subfolders)'],
  ])('%s is refused', (file, fix) => {
    const problem = onlyProblem(caseWith({ [file]: person('Hi.') }));
    expect(problem).toMatchObject({ file: `content/${file}`, field: 'file name', fix });
  });

  test('an image in a subfolder is fine', () => {
    const files = caseWith({
      'people/photos/a.jpg': 'jpeg',
      'people/alice.md': person('Works at [[companies/acme]].\n\n![The office](./photos/a.jpg)\n'),
    });
    expect(check(files).problems).toEqual([]);
  });

  test('an empty content folder is refused', () => {
    const problem = onlyProblem({});
    expect(problem).toMatchObject({ file: 'content', field: '(content root)' });
    expect(problem.message).toContain('holds no entries');
  });
});

describe('dates in the future', () => {
  const withEvent = (date: string, planned = '') =>
    person(
      'Works at [[companies/acme]].\n',
      `events:\n  - date: ${date}\n    text: A hearing.\n    sources: [source-a]\n${planned}`,
    );

  test('are refused, naming the field and today', () => {
    const problem = onlyProblem(caseWith({ 'people/alice.md': withEvent('2999-01-01') }));
    expect(problem).toMatchObject({ field: 'events[0].date', line: 11 });
    expect(problem.message).toBe('2999-01-01 is in the future (today is 2026-06-01)');
  });

  test('are allowed for an event marked planned', () => {
    expect(check(caseWith({ 'people/alice.md': withEvent('2027-03', '    planned: true\n') })).problems).toEqual([]);
  });

  test('a report dated 2999 is refused', () => {
    const report = '---\ntitle: R\ndate: 2999-01-01\nauthor: Desk\nsummary: S.\n---\nOn [[people/alice]].\n';
    const problem = onlyProblem(caseWith({ 'reports/r.md': report }));
    expect(problem).toMatchObject({ file: 'content/reports/r.md', field: 'date', line: 3 });
  });

  test('this year and this month are not in the future', () => {
    expect(check(caseWith({ 'people/alice.md': withEvent('2026-06') })).problems).toEqual([]);
  });
});

describe('lineage', () => {
  const tool = (name: string, from: string) => `---
name: ${name}
summary: A tool.
kind: rat
sources: [source-a]
links:
  - rel: derived-from
    to: tools/${from}
    confidence: high
    sources: [source-a]
---
Used by [[people/alice]].
`;

  test('a derived-from cycle is refused at the link that closes it', () => {
    const problem = onlyProblem(
      caseWith({
        'tools/redleaves.md': tool('RedLeaves', 'trochilus'),
        'tools/trochilus.md': tool('Trochilus', 'redleaves'),
      }),
    );
    expect(problem).toMatchObject({ file: 'content/tools/trochilus.md', field: 'links[0]', line: 7 });
    expect(problem.message).toBe(
      'derived-from goes round in a circle: tools/redleaves → tools/trochilus → tools/redleaves',
    );
  });

  test('a chain that ends is fine', () => {
    const root = tool('PlugX', 'plugx').replace(/links:[\s\S]*?---/, '---');
    expect(
      check(caseWith({ 'tools/redleaves.md': tool('RedLeaves', 'plugx'), 'tools/plugx.md': root })).problems,
    ).toEqual([]);
  });
});

describe('the file itself', () => {
  test('a UTF-8 byte-order mark is accepted', () => {
    expect(check(caseWith({ 'companies/acme.md': `\uFEFF${company}` })).problems).toEqual([]);
  });

  test('a missing body image is named with the file and its line', () => {
    const problem = onlyProblem(
      caseWith({ 'people/alice.md': person('Works at [[companies/acme]].\n\n![The office](./missing.jpg)\n') }),
    );
    expect(problem).toMatchObject({ file: 'content/people/alice.md', field: 'body', line: 13 });
    expect(problem.message).toBe('no image file at "./missing.jpg"');
  });

  test('an image shown in a code block is not an image', () => {
    const files = caseWith({
      'people/alice.md': person('Works at [[companies/acme]].\n\n`![x](https://evil.example/a.png)`\n'),
    });
    expect(check(files).problems).toEqual([]);
  });

  test('an unclosed quotation is located at the field where it starts', () => {
    const broken = company.replace('summary: A fixture company.', 'summary: "A fixture company.');
    const problem = onlyProblem(caseWith({ 'companies/acme.md': broken }));
    expect(problem).toMatchObject({ file: 'content/companies/acme.md', field: 'summary', line: 4 });
    expect(problem.message).toContain('never closed');
  });

  test('an unknown nested field gets a suggestion from the schema', () => {
    const typo = person('Works at [[companies/acme]].\n').replace('confidence: high', 'confidance: high');
    const { problems } = check(caseWith({ 'people/alice.md': typo }));
    expect(problems.find((p) => p.field === 'links[0].confidance')?.fix).toBe('did you mean "confidence"?');
  });
});
