import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { z } from 'astro/zod';
import { afterAll, describe, expect, test } from 'vitest';
import { entryTemplate, templateFields } from '../../src/lib/entry-template.ts';
import { collectionSchemas } from '../../src/lib/schema/index.ts';
import { COLLECTIONS } from '../../src/lib/schema/entity-types.ts';
import { parsePartialDate, type PartialDate } from '../../src/lib/dates.ts';
import { splitFrontmatter } from '../../src/reader/frontmatter.ts';
import { checkCase, checkCaseFolder } from '../../src/reader/read-case.ts';
import { memorySource } from '../../src/reader/content-source.ts';
import { starterCase } from '../../src/lib/starter-case.ts';
import { schemaDocs } from '../../src/cli/schema-docs.ts';
import { runCli } from './run-cli.ts';

/**
 * `npm run new` starts an entry from its type's schema (required fields filled, optional ones
 * commented with their doc comments) and refuses a slug an entry has or a redirect claims;
 * `npm run new:case` writes a case that passes the build's own check.
 */

const root = path.resolve(import.meta.dirname, '../..');
const today = parsePartialDate('2024-05-06') as PartialDate;
const schemas = collectionSchemas(() => z.string().min(1));
const folders: string[] = [];

afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A new temporary folder, removed after the tests. */
function tempFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'casefile-scaffold-'));
  folders.push(folder);
  return folder;
}

describe('entryTemplate', () => {
  test.each(COLLECTIONS)('a new %s entry is valid by its schema as written', (collection) => {
    const text = entryTemplate({ collection, name: 'Example Name', today, docs: schemaDocs(collection) });
    const split = splitFrontmatter(text);
    const result = schemas[collection].safeParse(loadYaml(split?.frontmatter ?? '', { schema: CORE_SCHEMA }));
    expect(result.error?.issues ?? []).toEqual([]);
  });

  test('a person: name filled, a draft, each optional field one commented line with its doc comment', () => {
    const text = entryTemplate({ collection: 'people', name: 'GAO Qiang', today, docs: schemaDocs('people') });
    expect(text).toContain('\nname: GAO Qiang\n');
    expect(text).toContain('\nsummary: "TODO: One line for cards, search results and link previews."\n');
    expect(text).toContain('\ndraft: true\n');
    expect(text).toContain('\n# nationality: # Nationality, when the material states it.\n');
    expect(text).toContain('\n# roles: [] # Roles the material gives the person, e.g. "recruiter", "registrant".\n');
    expect(text).toContain('\n# native: # The name in its own script, e.g. 高强.\n');
  });

  test('an organisation: its kind filled with the first of its values, the others named', () => {
    const text = entryTemplate({ collection: 'companies', name: 'Example Co.', today, docs: schemaDocs('companies') });
    expect(text).toMatch(/\nkind: company # one of company, front-company, government-agency, .*, other\n/);
  });

  test('a report is dated today', () => {
    const text = entryTemplate({ collection: 'reports', name: 'A report', today, docs: schemaDocs('reports') });
    expect(text).toContain('\ntitle: A report\ndate: 2024-05-06\n');
  });

  test('every field of the schema is in the template, required or commented', () => {
    for (const collection of COLLECTIONS) {
      const text = entryTemplate({ collection, name: 'X', today, docs: schemaDocs(collection) });
      for (const field of templateFields(collection)) expect(text).toMatch(new RegExp(`\\n(# )?${field.name}:`));
    }
  });

  test('required fields as the schema says', () => {
    expect(
      templateFields('locations')
        .filter((field) => field.required)
        .map((field) => field.name),
    ).toEqual(['name', 'summary', 'address']);
    expect(
      templateFields('identities')
        .filter((field) => field.required)
        .map((field) => field.name),
    ).toEqual(['name', 'summary', 'kind', 'value']);
  });
});

describe('npm run new', () => {
  const content = tempFolder();
  cpSync(path.join(root, 'tests/fixtures/basic'), content, { recursive: true });
  const env = { CASEFILE_CONTENT: content };

  test('writes content/<type>/<slug>.md, and the case still passes its check', () => {
    const result = runCli('new-entry.ts', ['people', 'Zhāng Example'], env);
    expect(result.code).toBe(0);
    const text = readFileSync(path.join(content, 'people/zhang-example.md'), 'utf8');
    expect(text).toContain('name: Zhāng Example');
    expect(checkCaseFolder(content, { includeDrafts: false }).problems).toEqual([]);
  });

  test('refuses a slug an entry has', () => {
    const result = runCli('new-entry.ts', ['people', 'LI Wei'], env);
    expect(result.code).toBe(1);
    expect(result.output).toContain('people/li-wei.md exists');
  });

  test('refuses a slug that an entry’s redirect_from claims', () => {
    const result = runCli('new-entry.ts', ['people', 'Wei Li'], env);
    expect(result.code).toBe(1);
    expect(result.output).toContain('the redirect_from of');
    expect(result.output).toContain('people/li-wei.md claims it');
  });

  test('asks for a slug when the name has no Latin letters', () => {
    const result = runCli('new-entry.ts', ['people', '高强'], env);
    expect(result.code).toBe(1);
    expect(result.output).toContain('add --slug');
    expect(runCli('new-entry.ts', ['people', '高强', '--slug', 'gao-qiang'], env).code).toBe(0);
    expect(readFileSync(path.join(content, 'people/gao-qiang.md'), 'utf8')).toContain('name: 高强');
  });

  test('refuses an unknown type, listing the types', () => {
    const result = runCli('new-entry.ts', ['person', 'X'], env);
    expect(result.code).toBe(2);
    expect(result.output).toContain('types: actors, people, companies, locations, identities, tools, reports, sources');
  });
});

describe('starterCase', () => {
  test('is a case without problems, its report dated the day given', () => {
    const files = starterCase(today);
    const { problems, model } = checkCase(
      memorySource(Object.fromEntries(files.map((file) => [file.path, file.text]))),
      {
        includeDrafts: false,
      },
    );
    expect(problems).toEqual([]);
    expect(model.reports.map((report) => report.date)).toEqual(['2024-05-06']);
    expect(model.relations).toHaveLength(5);
  });
});

describe('npm run new:case', () => {
  const parent = tempFolder();
  const dir = path.join(parent, 'my-case');

  test('writes a case of one entry of each type, a source and a report, that passes the check', () => {
    expect(runCli('new-case.ts', [dir]).code).toBe(0);
    const { model, problems } = checkCaseFolder(dir, { includeDrafts: false });
    expect(problems).toEqual([]);
    expect(model.entities.map((entity) => entity.id).sort()).toEqual([
      'actors/example-group',
      'companies/example-organisation',
      'identities/example-handle',
      'locations/example-address',
      'people/example-person',
      'tools/example-tool',
    ]);
    expect(model.sources.map((source) => source.id)).toEqual(['sources/example-source']);
    expect(model.reports.map((report) => report.id)).toEqual(['reports/first-report']);
  });

  test('the check:content command passes it', () => {
    const result = runCli('check-content.ts', [dir]);
    expect(result.output).toContain('6 entities, 5 relationships, 1 reports, 1 sources; no problems');
    expect(result.code).toBe(0);
  });

  test('refuses a folder that is not empty', () => {
    const result = runCli('new-case.ts', [dir]);
    expect(result.code).toBe(1);
    expect(result.output).toContain('the folder is not empty');
  });
});
