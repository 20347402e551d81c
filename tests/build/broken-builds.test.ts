import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

/**
 * The real build, run on a few broken fixtures, one per stage of the reader and the checks (a file
 * name, the frontmatter's schema, a report's code, a reference, a wikilink read from the body's
 * tree, a live indicator): it must stop before writing anything and print the file, the field, what
 * is wrong and the fix, exactly as `npm run check:content` reports it. That proves the wiring; every
 * rule, on every fixture, is proven in memory by tests/unit/case.test.ts and tests/unit/reader.test.ts,
 * through the same checker the build runs.
 *
 * The builds run side by side: each stops in Astro's config step, before it writes anything to the
 * project's .astro/ folder or content store, so they cannot disturb one another, and six Astro
 * start-ups cost the time of two or three.
 */
const WIRING = [
  'unknown-folder',
  'missing-required-field',
  'mdx-import',
  'dangling-link',
  'broken-wikilink',
  'live-indicator',
];

const root = path.resolve(import.meta.dirname, '../..');
const astro = path.join(root, 'node_modules/astro/bin/astro.mjs');
const brokenRoot = path.join(root, 'tests/fixtures/broken');
const scratch = mkdtempSync(path.join(tmpdir(), 'casefile-broken-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** What a command printed and how it ended. */
interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a Node script to its end without blocking the other runs. */
function runNode(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Each fixture's build and content check, by fixture name. */
const runs = new Map<string, { build: Run; check: Run }>();

beforeAll(async () => {
  await Promise.all(
    WIRING.map(async (name) => {
      const content = path.join('tests/fixtures/broken', name);
      const [build, check] = await Promise.all([
        runNode([astro, 'build'], { CASEFILE_CONTENT: content, CASEFILE_OUT: path.join(scratch, name) }),
        runNode([path.join(root, 'src/cli/check-content.ts'), content], {}),
      ]);
      runs.set(name, { build, check });
    }),
  );
}, 180_000);

interface Expectation {
  file: string;
  field: string;
  message: string;
  fix?: string;
}

describe('astro build refuses broken content', () => {
  test('the fixtures it builds exist', () => {
    expect(WIRING.filter((name) => !readdirSync(brokenRoot).includes(name))).toEqual([]);
  });

  test.each(WIRING)('%s', (name) => {
    const content = path.join('tests/fixtures/broken', name);
    const expected = JSON.parse(readFileSync(path.join(brokenRoot, name, 'expect.json'), 'utf8')) as Expectation;
    const out = path.join(scratch, name);
    const run = runs.get(name);
    if (!run) throw new Error(`${name} was not built`);
    const result = run.build;
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.status, output).not.toBe(0);
    expect(output).toContain(path.join(content, expected.file));
    expect(output).toContain(`${expected.field}: `);
    expect(output).toContain(expected.message);
    if (expected.fix) {
      const fixes = output.split('\n').filter((line) => line.trim().startsWith('fix: '));
      expect(fixes.join('\n')).toContain(expected.fix);
    }
    // The author's quick check reports the same problems, word for word.
    const check = run.check;
    expect(check.status, check.stdout).toBe(1);
    expect(check.stderr.trim().length).toBeGreaterThan(0);
    expect(output).toContain(check.stderr.trim());
    expect(existsSync(path.join(out, 'index.html')), 'a failed build must not write pages').toBe(false);
  });
});
