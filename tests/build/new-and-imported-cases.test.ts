import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { caseBundle, type StixBundle, type StixObject } from '../../src/lib/stix.ts';
import { checkCaseFolder } from '../../src/reader/read-case.ts';
import { objectsBesideRelationships, relationshipIds } from '../unit/stix-validator.ts';
import { astroBuild } from './astro-build.ts';

/**
 * Two cases an author starts from, built for real: the one `npm run new:case` writes, and the
 * fixture case exported to STIX, imported into an empty folder with `npm run import -- stix` and
 * built, whose own STIX export must give back the first one's objects.
 */

const root = path.resolve(import.meta.dirname, '../..');
const node = path.join(root, 'node_modules/.bin/node');
const scratch = mkdtempSync(path.join(tmpdir(), 'casefile-new-import-'));
const starter = path.join(scratch, 'starter');
const imported = path.join(scratch, 'imported');
let first: StixBundle;

/** Builds a content folder into `<folder>-dist`, failing with Astro's output if the build fails. */
function build(folder: string): string {
  const out = `${folder}-dist`;
  astroBuild(folder, out);
  return out;
}

beforeAll(async () => {
  const made = spawnSync(node, [path.join(root, 'src/cli/new-case.ts'), starter], { cwd: root, encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`new:case failed:\n${made.stdout}\n${made.stderr}`);
  build(starter);

  const fixture = checkCaseFolder(path.join(root, 'tests/fixtures/basic'), { includeDrafts: false });
  first = await caseBundle(fixture.model, { siteUrl: 'https://casefile.example', publisher: 'casefile' });
  const bundleFile = path.join(scratch, 'case.stix.json');
  writeFileSync(bundleFile, JSON.stringify(first));
  mkdirSync(imported);
  const run = spawnSync(node, [path.join(root, 'src/cli/import.ts'), 'stix', bundleFile, '--out', imported], {
    cwd: root,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`the import failed:\n${run.stdout}\n${run.stderr}`);
  build(imported);
}, 400_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the case npm run new:case writes', () => {
  test('builds, with a page for each of its entries', () => {
    for (const page of [
      'actors/example-group',
      'people/example-person',
      'companies/example-organisation',
      'locations/example-address',
      'identities/example-handle',
      'tools/example-tool',
      'reports/first-report',
      'sources/example-source',
    ]) {
      expect(existsSync(path.join(`${starter}-dist`, page, 'index.html')), page).toBe(true);
    }
  });
});

describe('the fixture case, exported, imported, built and exported again', () => {
  const second = (): StixBundle =>
    JSON.parse(readFileSync(path.join(`${imported}-dist`, 'exports/case.stix.json'), 'utf8')) as StixBundle;

  test('the built export has every entity and report of the first, byte for byte (reports’ references aside)', () => {
    expect(objectsBesideRelationships(second())).toEqual(objectsBesideRelationships(first));
    expect(objectsBesideRelationships(first)).toHaveLength(12);
  });

  test('and the same relationships: ids, ends, type, grade, description and sources', () => {
    const relationships = (bundle: StixBundle) =>
      bundle.objects
        .filter((object) => object.type === 'relationship')
        .map((object: StixObject) =>
          JSON.stringify([
            object['source_ref'],
            object['relationship_type'],
            object['target_ref'],
            object['confidence'],
            object['description'],
            object['external_references'],
          ]),
        )
        .sort();
    expect(relationships(second())).toEqual(relationships(first));
    expect(relationships(first)).toHaveLength(8);
    expect(relationshipIds(second())).toEqual(relationshipIds(first));
  });
});
