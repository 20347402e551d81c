import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { astroBuild, filesUnder } from './astro-build.ts';

/**
 * An incremental rebuild (CASEFILE_INCREMENTAL=1) keeps the previous output of the pages whose inputs
 * did not change; it must still write the very bytes a cold build of the same content writes, every
 * file, none more, none fewer. A copy of the fixture case is built incrementally, then edited one
 * kind of change at a time; after each edit it is rebuilt incrementally into the same folder, and
 * built cold (plain `astro build`, empty cache) into another, and the two outputs are compared. The
 * rebuild's own log says how many entry pages it rendered: the counts expected are written by hand
 * from the fixture's links, so the test fails if the rebuild silently renders everything again.
 */

const root = path.resolve(import.meta.dirname, '../..');
const cache = path.join(root, 'node_modules/.astro');
const scratch = mkdtempSync(path.join(tmpdir(), 'casefile-incremental-'));
const content = path.join(scratch, 'case');
const warm = path.join(scratch, 'warm');
const incremental = { CASEFILE_INCREMENTAL: '1' };

/** Replaces text in a file of the copied case, failing if it is not there. */
function edit(file: string, from: string, to: string): void {
  const full = path.join(content, file);
  const text = readFileSync(full, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} no longer holds ${JSON.stringify(from)}: update this test`);
  writeFileSync(full, text.replace(from, to));
}

/** A cold build of the case as it is now, with an empty cache, leaving the rebuild's cache as it was. */
function coldBuild(out: string): void {
  const aside = `${cache}-incremental-test`;
  rmSync(aside, { recursive: true, force: true });
  if (existsSync(cache)) renameSync(cache, aside);
  try {
    astroBuild(content, out);
  } finally {
    rmSync(cache, { recursive: true, force: true });
    if (existsSync(aside)) renameSync(aside, cache);
  }
}

/** Where two files first differ, with a little of each around it. */
function firstDifference(a: Buffer, b: Buffer): string {
  let at = 0;
  while (at < a.length && at < b.length && a[at] === b[at]) at++;
  const around = (bytes: Buffer) => JSON.stringify(bytes.subarray(Math.max(0, at - 80), at + 80).toString('utf8'));
  return `at byte ${at}:\n    rebuilt ${around(a)}\n    cold    ${around(b)}`;
}

/** The files of two folders that differ (and where), or exist in one only. */
function differences(a: string, b: string): string[] {
  const inA = filesUnder(a);
  const inB = new Set(filesUnder(b));
  const only = [...inA.filter((file) => !inB.has(file)), ...[...inB].filter((file) => !inA.includes(file))];
  const differing = inA.flatMap((file) => {
    if (!inB.has(file)) return [];
    const [rebuilt, cold] = [readFileSync(path.join(a, file)), readFileSync(path.join(b, file))];
    return rebuilt.equals(cold) ? [] : [`differs: ${file} ${firstDifference(rebuilt, cold)}`];
  });
  return [...only.map((file) => `only in one: ${file}`), ...differing];
}

/** How many entry pages the rebuild rendered, of how many, from its log line. */
function rendered(log: string): { rendered: number; of: number } {
  const match = /incremental build: (\d+) of (\d+) entry pages to render/.exec(log);
  if (!match) throw new Error(`the rebuild did not say what it rendered:\n${log}`);
  return { rendered: Number(match[1]), of: Number(match[2]) };
}

/** How many JSON records the rebuild made again, of how many, from its log line. */
function recordsMade(log: string): { made: number; of: number } {
  const match = /(\d+) of (\d+) JSON records and/.exec(log);
  if (!match) throw new Error(`the rebuild did not say which records it made:\n${log}`);
  return { made: Number(match[1]), of: Number(match[2]) };
}

/** How many of the other data files (exports, STIX bundles, graph and map data) the rebuild made again, of how many. */
function otherDataMade(log: string): { made: number; of: number } {
  const match = /(\d+) of (\d+) other data files to make/.exec(log);
  if (!match) throw new Error(`the rebuild did not say which other data files it made:\n${log}`);
  return { made: Number(match[1]), of: Number(match[2]) };
}

/** How many of the search index's files the rebuild wrote again, of how many, from its log line. */
function indexFilesWritten(log: string): { written: number; of: number } {
  const match = /, (\d+) of its (\d+) files written again/.exec(log);
  if (!match) throw new Error(`the search did not say how many of its files it wrote again:\n${log}`);
  return { written: Number(match[1]), of: Number(match[2]) };
}

/**
 * How many entries the search handed to Pagefind before the pages were generated, and which of the
 * bodies it foresaw for the pages rendered again turned out otherwise (none when all were right).
 */
function searchForesight(log: string): { early: number; wrong: string[] | undefined } {
  const match =
    /; (\d+) handed over before the pages were generated, (?:the \d+ bodies of pages rendered again as foreseen|\d+ of the \d+ bodies of pages rendered again not as foreseen \(([^)]*)\))/.exec(
      log,
    );
  if (!match) throw new Error(`the search did not say what it handed over early:\n${log}`);
  return { early: Number(match[1]), wrong: match[2]?.split(', ') };
}

/** How many kept pages the search read early, and how many of their bodies it had remembered. */
function searchBodies(log: string): { read: number; remembered: number } {
  const match = /\((\d+) kept pages read while the others rendered, (\d+) search bodies remembered/.exec(log);
  if (!match) throw new Error(`the search did not say what it read of the kept pages:\n${log}`);
  return { read: Number(match[1]), remembered: Number(match[2]) };
}

/**
 * Each step: an edit, and how many of the fixture's 13 entry pages a rebuild may render at most (9
 * dossiers, 3 source pages, 1 page of the graph's table; 14 while the new person exists; the JSON
 * records are data files, made again where their entity's neighbourhood changed, and the other data
 * files are made again together, unless only bodies' words changed). The entity with an image,
 * locations/example-tower, is always rendered. A page is rendered again when anything it shows
 * changed, or the links of anything it shows (the neighbourhood picture weighs neighbours by their
 * links), so in a case this small most edits reach most pages; the body edit shows the skipping
 * plainly. Only the body edit's count is reasoned page by page; the others are what the rebuild was
 * seen to render, so a plan that starts rendering more fails here.
 */
interface Step {
  name: string;
  change: () => void;
  /** Most entry pages the rebuild may render after this edit. */
  atMost: number;
  /** Most JSON records it may make again, where reasoned by hand. */
  recordsAtMost?: number;
  /** The edit changes nothing that search indexes (a grade): not one of the index's files is written again. */
  searchUnchanged?: true;
  /**
   * A page rendered again whose body the search cannot foresee before it renders: a report's, since
   * its MDX is compiled while its page renders. The search then makes its index again, all of it,
   * once the pages are generated. Every other edit's bodies are foreseen.
   */
  unforeseen?: string;
  /**
   * The edit changes only a body's words (no wikilink, no citation): the other data files (exports,
   * STIX bundles, graph and map data) are all kept. Any other edit makes them all again.
   */
  wordsOnly?: true;
}

const newPerson = [
  '---',
  'name: WANG Fang',
  'summary: A fictional contact added after the first build.',
  'links:',
  '  - rel: works-for',
  '    to: companies/example-tech',
  '    confidence: low',
  '    sources: [example-news]',
  'sources: [example-news]',
  '---',
  'Seen once with [[people/chen-jie]].',
  '',
].join('\n');

const steps: Step[] = [
  {
    // chen-jie and locations/second-site (it visited), the source page of example-news (cited), the
    // table page (its rows show chen-jie), the image entity's dossier.
    name: 'a body edit',
    change: () => edit('people/chen-jie.md', '\n---\n', '\n---\n\nA sentence added after the first build.\n\n'),
    atMost: 5,
    // The records of the same three entities: chen-jie, second-site and the image entity.
    recordsAtMost: 3,
    wordsOnly: true,
  },
  {
    name: 'a name change of an entry others link to',
    change: () => edit('people/li-wei.md', 'name: LI Wei\n', 'name: LI Weiming\n'),
    atMost: 9,
  },
  {
    name: 'a grade change on a relationship',
    change: () => edit('people/chen-jie.md', 'confidence: low', 'confidence: moderate'),
    atMost: 6,
    searchUnchanged: true,
  },
  {
    name: 'a new entity',
    change: () => writeFileSync(path.join(content, 'people/wang-fang.md'), newPerson),
    atMost: 9,
  },
  { name: 'a removed entity', change: () => rmSync(path.join(content, 'people/wang-fang.md')), atMost: 8 },
  {
    // Every page that could print the title: those of entries near one that cites it (five of the
    // nine entities cite it, and between them they touch most of this small case).
    name: "a source's title change",
    change: () => edit('sources/example-blog.md', 'title: Heron sightings, part one', 'title: Heron sightings, part 1'),
    atMost: 11,
  },
  {
    name: 'a report edit',
    change: () => edit('reports/first-report.mdx', '## What is not confirmed', '## What is still not confirmed'),
    atMost: 10,
    wordsOnly: true,
    unforeseen: 'reports/first-report',
  },
];

const results = new Map<string, { log: string; differences: string[] }>();
let firstLog = '';

beforeAll(() => {
  cpSync(path.join(root, 'tests/fixtures/basic'), content, { recursive: true });
  rmSync(cache, { recursive: true, force: true });
  firstLog = astroBuild(content, warm, incremental);
  // What no later build may keep: a file the content does not make.
  writeFileSync(path.join(warm, 'people/stale-entry.html'), '<p>an entry since removed</p>');
  // The search index's folder is kept and tidied, not made afresh: what it held of old must go.
  writeFileSync(path.join(warm, 'pagefind/fragment/en_stale.pf_fragment'), 'a page since removed');
  writeFileSync(path.join(warm, 'pagefind/pagefind.js'), 'a file Pagefind writes, since changed');
  steps.forEach((step, i) => {
    step.change();
    const log = astroBuild(content, warm, incremental);
    const cold = path.join(scratch, `cold-${i}`);
    coldBuild(cold);
    results.set(step.name, { log, differences: differences(warm, cold) });
    rmSync(cold, { recursive: true, force: true });
  });
}, 900_000);

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
});

describe('an incremental rebuild', () => {
  test('the first one, with no record, renders every page', () => {
    expect(firstLog).toContain('incremental build: no record of a previous build');
  });

  describe.each(steps)('after $name', (step) => {
    test('writes the same files, byte for byte, as a cold build of the same content', () => {
      const result = results.get(step.name);
      expect(result?.differences, `files that differ from a cold build:\n${result?.differences.join('\n')}`).toEqual(
        [],
      );
    });

    test('renders only some of the entry pages', () => {
      const counts = rendered(results.get(step.name)?.log ?? '');
      expect(counts.rendered).toBeGreaterThan(0);
      expect(counts.rendered).toBeLessThanOrEqual(step.atMost);
      expect(counts.rendered).toBeLessThan(counts.of);
    });

    test("reads no kept page again for the search: every one's body is remembered from the last build", () => {
      const counts = searchBodies(results.get(step.name)?.log ?? '');
      expect(counts.read).toBeGreaterThan(0);
      expect(counts.remembered).toBe(counts.read);
    });

    test(
      step.unforeseen
        ? 'hands every document to the search early, and indexes all again when a body was not as foreseen'
        : 'hands every document to the search before the pages are generated, each body as foreseen',
      () => {
        const log = results.get(step.name)?.log ?? '';
        const foresight = searchForesight(log);
        const pages = /indexed (\d+) pages/.exec(log)?.[1];
        expect(String(foresight.early)).toBe(pages);
        expect(foresight.wrong).toEqual(step.unforeseen ? [step.unforeseen] : undefined);
      },
    );

    test("writes again only the search index's files that changed", () => {
      const counts = indexFilesWritten(results.get(step.name)?.log ?? '');
      if (step.searchUnchanged) expect(counts.written).toBe(0);
      else expect(counts.written).toBeGreaterThan(0);
      expect(counts.written).toBeLessThan(counts.of);
    });

    test('makes again only some of the JSON records', () => {
      const counts = recordsMade(results.get(step.name)?.log ?? '');
      expect(counts.made).toBeGreaterThan(0);
      expect(counts.made).toBeLessThanOrEqual(step.recordsAtMost ?? counts.of - 1);
    });

    test(step.wordsOnly ? 'keeps every other data file' : 'makes every other data file again', () => {
      const counts = otherDataMade(results.get(step.name)?.log ?? '');
      // The nine files made from the whole case, and the fixture's STIX bundle per dossier.
      expect(counts.of).toBeGreaterThan(9);
      expect(counts.made).toBe(step.wordsOnly ? 0 : counts.of);
    });
  });
});
