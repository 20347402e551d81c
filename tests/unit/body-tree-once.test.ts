import { describe, expect, test } from 'vitest';
import { checkCase } from '../../src/reader/read-case.ts';
import { memorySource } from '../../src/reader/content-source.ts';
import { formatProblems } from '../../src/lib/problems.ts';
import { caseWith, person } from './small-case.ts';

/**
 * The reader parses each body once, and the HTML allowlist's check reads that tree: the problems an
 * author is told, with their lines, are the ones the check finds parsing the body itself. Where the
 * two parsers differ (a Markdown body that itself opens with a frontmatter fence, which the
 * allowlist's parser reads as frontmatter) the check parses the body its own way.
 */

/** The body problems of a case whose person has this body. */
function bodyProblems(body: string) {
  const { problems } = checkCase(memorySource(caseWith({ 'people/alice.md': person(body) })), {
    includeDrafts: false,
    today: '2026-06-01',
  });
  return problems.filter((problem) => problem.field === 'body');
}

describe('the allowlist check on the reader’s tree', () => {
  test('reports raw HTML the page would leave out, at its file line', () => {
    const problems = bodyProblems('Works at [[companies/acme]].\n\n<marquee>hello</marquee>\n');
    expect(problems, formatProblems(problems)).toHaveLength(1);
    const [problem] = problems;
    expect(problem?.message).toBe('<marquee> is not allowed in a body: the page would leave it out');
    const personLines = person('').split('\n').length;
    expect(problem?.line).toBe(personLines + 2);
  });

  test('reports a javascript: link', () => {
    const problems = bodyProblems('Works at [[companies/acme]]. [x](javascript:alert(1))\n');
    expect(problems.map((problem) => problem.message)).toEqual([
      'a link to a javascript: address ("javascript:alert(1)"): readers\' browsers would run or open it',
    ]);
  });

  test('a body opening with a frontmatter fence is checked as the allowlist’s parser reads it', () => {
    // That parser reads the fenced block as frontmatter, not HTML: no problem, as before the
    // reader's tree was shared. Read as the reader reads it, the block would be a heading with HTML.
    const problems = bodyProblems('---\n<marquee>hello</marquee>\n---\n\nWorks at [[companies/acme]].\n');
    expect(problems.filter((problem) => problem.message.includes('<marquee>'))).toEqual([]);
  });
});
