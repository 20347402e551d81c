import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runAstroBuild } from './astro-build.ts';

/**
 * Content that passes the author's check but would publish something harmful once rendered: an
 * indicator written with a character reference, a backslash escape, an HTML comment, a
 * percent-escape, an ideographic or full-width dot, a soft hyphen, or another path on a URL
 * identity's server. The real build must refuse each one after rendering, naming the content file
 * and field, and leave no site behind.
 */

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(root, 'tests/fixtures/unsafe-output');
const scratch = mkdtempSync(path.join(tmpdir(), 'casefile-unsafe-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Expectation {
  file: string;
  field: string;
  message: string;
}

/** The lines of a build's problem report that belong to one content file, up to the next file. */
function reportOf(output: string, file: string): string[] {
  const lines = output.split('\n');
  const found: string[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === file || line.trim().startsWith(`${file}:`)) found.push(lines[i + 1] ?? '');
  });
  return found;
}

describe('the check of the built pages refuses what rendering would make live', () => {
  test.each(readdirSync(fixtures).sort())(
    '%s',
    (name) => {
      const content = path.join('tests/fixtures/unsafe-output', name);
      const expected = JSON.parse(readFileSync(path.join(fixtures, name, 'expect.json'), 'utf8')) as Expectation[];
      const out = path.join(scratch, name);
      // The author's check passes: none of these is visible in the text as written.
      const check = spawnSync(process.execPath, [path.join(root, 'src/cli/check-content.ts'), content], {
        cwd: root,
        encoding: 'utf8',
      });
      expect(check.status, check.stderr).toBe(0);
      const { status, output } = runAstroBuild(content, out);
      expect(status, output).not.toBe(0);
      expect(output).toContain('in the built pages; the built site was removed');
      for (const { file, field, message } of expected) {
        const report = reportOf(output, path.join(content, file));
        expect(report.join('\n'), `${file} ${field}`).toContain(`${field}: `);
        expect(report.filter((line) => line.trim().startsWith(`${field}: `)).join('\n'), `${file} ${field}`).toContain(
          message,
        );
      }
      expect(existsSync(out), 'a refused build leaves no site to publish').toBe(false);
    },
    120_000,
  );
});
