import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { caseAfterChange, changedSinceRead, checkedCase } from '../../src/reader/session.ts';
import { checkCaseFolder } from '../../src/reader/read-case.ts';
import { caseWith, person } from './small-case.ts';

/**
 * `astro dev` reads the case again after each change of a file, parsing only that file again: what it
 * then holds must be what a fresh read of the folder gives, and no save may go unread.
 */

let root = '';
const alice = () => path.join(root, 'people/alice.md');

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'casefile-session-'));
  for (const [file, text] of Object.entries(caseWith({}))) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  checkedCase(root, true);
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('caseAfterChange', () => {
  test('reads the changed file again and gives what a fresh read of the folder gives', () => {
    writeFileSync(alice(), person('Works at [[companies/acme]]. Seen at the harbour in 2019.\n'));
    const after = caseAfterChange(root, alice());
    expect(after.model.get('people/alice')?.body).toBe('Works at [[companies/acme]]. Seen at the harbour in 2019.\n');
    const fresh = checkCaseFolder(root, { includeDrafts: true });
    expect(after.problems).toEqual(fresh.problems);
    expect([...after.model.entries.keys()]).toEqual([...fresh.model.entries.keys()]);
  });

  test('reports a problem an edit brings, and clears it when the edit is undone', () => {
    writeFileSync(alice(), person('Works at [[companies/acmee]].\n'));
    expect(caseAfterChange(root, alice()).problems.map((problem) => problem.message)).toEqual([
      'nothing is at "companies/acmee"',
    ]);
    writeFileSync(alice(), person('Works at [[companies/acme]].\n'));
    expect(caseAfterChange(root, alice()).problems).toEqual([]);
  });

  test('reads a second save made within the same tick of the clock (same time, other size)', () => {
    // Both saves stamped with one time, as two writes within a tick of the file system's clock are.
    const tick = 1_700_000_000;
    writeFileSync(alice(), person('First save.\n'));
    utimesSync(alice(), tick, tick);
    caseAfterChange(root, alice());
    writeFileSync(alice(), person('Second, longer save.\n'));
    utimesSync(alice(), tick, tick);
    expect(caseAfterChange(root, alice()).model.get('people/alice')?.body).toBe('Second, longer save.\n');
  });

  test('an image added beside an entry is seen by the entry that shows it', () => {
    writeFileSync(alice(), person('Works at [[companies/acme]].\n\n![The harbour](./harbour.png)\n'));
    expect(caseAfterChange(root, alice()).problems.map((problem) => problem.message)).toEqual([
      'no image file at "./harbour.png"',
    ]);
    writeFileSync(path.join(root, 'people/harbour.png'), 'not really a picture');
    expect(caseAfterChange(root, path.join(root, 'people/harbour.png')).problems).toEqual([]);
  });
});

describe('changedSinceRead', () => {
  test('tells a save the watcher did not report from one already read', () => {
    writeFileSync(alice(), person('First save.\n'));
    caseAfterChange(root, alice());
    expect(changedSinceRead(root, alice())).toBe(false);
    writeFileSync(alice(), person('A save nobody reported.\n'));
    expect(changedSinceRead(root, alice())).toBe(true);
    caseAfterChange(root, alice());
    expect(changedSinceRead(root, alice())).toBe(false);
  });
});
