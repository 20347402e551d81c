import { describe, expect, test } from 'vitest';
import { findInlineCitations } from '../../src/lib/citations.ts';
import { checkCase } from '../../src/reader/read-case.ts';
import { memorySource } from '../../src/reader/content-source.ts';
import { formatProblems } from '../../src/lib/problems.ts';
import { company, person, source } from './small-case.ts';

/**
 * A citation broken over a line break is not a citation to the renderer: the page would show
 * `[@source-a` and `, para. 2]` as raw text. The content check refuses it, naming the file, the
 * line where the citation opens and the fix. Soft breaks (a plain new line) keep both lines in one
 * text node; a hard break (two trailing spaces or a backslash) ends the text node before the `]`.
 */

/** The problems of the three-file case whose person has this body. */
function problemsOf(body: string) {
  const files = { 'companies/acme.md': company, 'people/alice.md': person(body), 'sources/source-a.md': source };
  return checkCase(memorySource(files), { includeDrafts: false, today: '2026-06-01' }).problems;
}

const FIX =
  'keep a citation on one line, plain text from [@ to ], e.g. [@source-id, locator]; a literal [@ goes in code, `[@`';

describe('a citation split over a line break', () => {
  test('the baseline, a citation on one line, passes', () => {
    const problems = problemsOf('She said so [@source-a, para. 2].\n');
    expect(problems, formatProblems(problems)).toEqual([]);
  });

  test.each([
    ['inside its locator', 'First line.\nShe said so [@source-a,\npara. 2] and left.\n', '[@source-a,', 12],
    ['right after [@', 'She said so [@\nsource-a].\n', '[@', 11],
    ['inside a list item', '- one\n- she said so [@source-a\n  , para. 2]\n', '[@source-a', 12],
    ['inside a quotation', '> She said so\n> [@source-a, para. 2,\n> "the passage"]\n', '[@source-a, para. 2,', 12],
  ])('%s (a soft break) is refused with file, line and fix', (_where, body, raw, line) => {
    expect(problemsOf(body)).toEqual([
      {
        file: 'content/people/alice.md',
        field: 'body',
        line,
        message: `${raw}: this citation is split over a line break, so it would show as raw text`,
        fix: FIX,
      },
    ]);
  });

  test.each([
    ['two trailing spaces', 'She said so [@source-a,  \npara. 2].\n'],
    ['a backslash', 'She said so [@source-a,\\\npara. 2].\n'],
  ])('after a hard break (%s) is refused on the line it opens', (_kind, body) => {
    const problems = problemsOf(body);
    expect(problems.map((problem) => [problem.file, problem.line, problem.fix])).toEqual([
      ['content/people/alice.md', 11, FIX],
    ]);
    expect(problems[0]?.message).toMatch(/^\[@source-a,\s*\\?: this citation is not closed on its line/);
  });

  test('a citation in code stays code, across lines too', () => {
    const problems = problemsOf('Write `[@source-a,\npara. 2]` to cite.\n\n```\n[@source-a,\npara. 2]\n```\n');
    expect(problems, formatProblems(problems)).toEqual([]);
  });
});

describe('findInlineCitations', () => {
  test('reports an open [@ once per line, at the [@ after the line’s last ]', () => {
    const { found, errors } = findInlineCitations('ok [@a] then [@b\nc] and [@d]');
    expect(found.map((group) => group.raw)).toEqual(['[@a]', '[@d]']);
    expect(errors.map((error) => [error.index, error.raw])).toEqual([[13, '[@b']]);
  });

  test('an open [@ in the last line, with no ] after it, is not closed rather than split', () => {
    const { errors } = findInlineCitations('see [@a] and [@b');
    expect(errors.map((error) => error.message)).toEqual([
      'this citation is not closed on its line (or markup cuts it), so it would show as raw text',
    ]);
  });
});
