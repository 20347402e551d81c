import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { generateCase, PROPORTIONS, TIANJIN_BOUNDS } from '../bench/generate-case.ts';
import { checkCaseFolder } from '../../src/reader/read-case.ts';
import { formatProblems } from '../../src/lib/problems.ts';
import { ENTITY_TYPES } from '../../src/lib/schema/entity-types.ts';

const work = mkdtempSync(path.join(tmpdir(), 'casefile-generate-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every file under a folder with a hash of its bytes, by relative path. */
function fingerprint(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(root, file)] = createHash('sha256').update(readFileSync(file)).digest('hex');
  }
  return files;
}

describe('generateCase', () => {
  const first = path.join(work, 'first');
  const again = path.join(work, 'again');
  const otherSeed = path.join(work, 'other-seed');
  const written = generateCase({ entities: 400, seed: 7, out: first });
  generateCase({ entities: 400, seed: 7, out: again });
  generateCase({ entities: 400, seed: 8, out: otherSeed });
  const { model, problems } = checkCaseFolder(first, { includeDrafts: false });

  test('writes the same bytes for the same size and seed', () => {
    const a = fingerprint(first);
    expect(Object.keys(a).length).toBeGreaterThan(400);
    expect(fingerprint(again)).toEqual(a);
  });

  test('writes a different case for another seed', () => {
    expect(fingerprint(otherSeed)).not.toEqual(fingerprint(first));
  });

  test('writes exactly N entities, every type in its proportion', () => {
    expect(ENTITY_TYPES.reduce((sum, type) => sum + written.counts[type], 0)).toBe(400);
    for (const type of ENTITY_TYPES) {
      expect(model.entitiesOfType(type).length).toBe(written.counts[type]);
      expect(written.counts[type] / 400).toBeCloseTo(PROPORTIONS[type], 1);
    }
  });

  test('passes every check of the strict build', () => {
    expect(formatProblems(problems)).toContain('0 problems');
  });

  test('gives entities about three sourced, graded relationships each', () => {
    const perEntity = model.relations.length / model.entities.length;
    expect(perEntity).toBeGreaterThan(2.5);
    expect(perEntity).toBeLessThan(3.5);
    expect(model.relations.every((relation) => relation.sources.length > 0)).toBe(true);
    expect(new Set(model.relations.map((relation) => relation.confidence)).size).toBe(5);
    expect(new Set(model.relations.map((relation) => relation.rel)).size).toBeGreaterThan(20);
  });

  test('links entities from their bodies with wikilinks, a few reports included', () => {
    const mentioning = model.entities.filter((entity) => model.mentionsFrom(entity.id).length > 0);
    expect(mentioning.length).toBeGreaterThan(390);
    expect(model.reports.length).toBe(written.reports);
    expect(model.reports.length).toBeGreaterThanOrEqual(3);
    for (const report of model.reports) expect(model.mentionsFrom(report.id).length).toBeGreaterThan(5);
  });

  test('writes hanzi names for people, firms and places, and addresses in both scripts', () => {
    for (const type of ['people', 'companies', 'locations'] as const) {
      expect(model.entitiesOfType(type).every((entity) => /\p{Script=Han}/u.test(entity.native ?? ''))).toBe(true);
    }
    for (const location of model.entitiesOfType('locations')) {
      expect(location.data.address).toMatch(/Tianjin$/);
      expect(location.data.address_native).toMatch(/^天津市/);
    }
  });

  test('places every location inside Tianjin with a precision circle', () => {
    for (const { data } of model.entitiesOfType('locations')) {
      expect(data.lat).toBeGreaterThan(TIANJIN_BOUNDS.south);
      expect(data.lat).toBeLessThan(TIANJIN_BOUNDS.north);
      expect(data.lon).toBeGreaterThan(TIANJIN_BOUNDS.west);
      expect(data.lon).toBeLessThan(TIANJIN_BOUNDS.east);
      expect(data.precision_m).toBeGreaterThan(0);
    }
  });
});
