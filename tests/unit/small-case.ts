/**
 * A small valid case for tests of the reader and its checks, held in memory: a company, a source,
 * and a person who works at the company, whose body starts on line 11 of its file.
 */

export const company = `---
name: Acme Fixture Ltd
kind: company
summary: A fixture company.
sources: [source-a]
---
`;
export const source = `---
title: A fixture source
publisher: Fixture Press
date: 2021-01-01
url: https://fixture.example.org/a
---
`;
/** The person's file with this body, and `extra` front-matter lines after the links. */
export const person = (body: string, extra = '') => `---
name: Alice Example
summary: A fixture person.
sources: [source-a]
links:
  - rel: works-for
    to: companies/acme
    confidence: high
    sources: [source-a]
${extra}---
${body}`;

/** A valid case of three entries, with the given files added or replaced. */
export function caseWith(files: Record<string, string>): Record<string, string> {
  return {
    'companies/acme.md': company,
    'people/alice.md': person('Works at [[companies/acme]].\n'),
    'sources/source-a.md': source,
    ...files,
  };
}
