import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { findInlineCitations } from '../../src/lib/citations.ts';

/**
 * Every passage the sample case quotes is in the text it cites, word for word.
 *
 * Quotes sit in two places: on a citation in a `sources` list (`{ source, quote, locator }`) and inside
 * an inline citation in prose (`[@source, locator, "quote"]`, in bodies, notes and event texts). Both
 * are read here from the content files as authors wrote them, not through the case model, so a quote
 * is checked wherever it is written.
 *
 * The texts are the seeds in ../shared/seeds (the CrowdStrike post and the FCW article); the content
 * never copies them. Without the seeds (a fresh clone) the checks are skipped. Matching normalises
 * only whitespace (runs of spaces and line breaks count as one space) and typographic quotation marks
 * and apostrophes (‘ ’ read as ', “ ” as "); every other character must match.
 *
 * A locator written "para. N" must name the paragraph the quote is in. The seeds keep no paragraph
 * breaks of their own in the CrowdStrike post (its paragraphs run into each other, "verified.Throughout"),
 * so its paragraphs are counted at those joins; the FCW article's are its blank-line-separated blocks
 * of body text, after the headline and the photo credit.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const CONTENT = path.join(ROOT, 'content');
const SEEDS = path.resolve(ROOT, '../shared/seeds');

/** How one seed splits into the paragraphs a "para. N" locator counts. */
interface SeedText {
  file: string;
  paragraphs: (text: string) => string[];
}

// A CrowdStrike paragraph ends where a sentence runs straight into the next capital ("verified.Throughout",
// "PANDA.The"); "U.S." and "Sino-U.S." are initials, not ends.
const CROWDSTRIKE_JOIN = /(?<![^A-Za-z][A-Z]\.)(?<=[.:])(?=[A-Z])/;

/** The source ids whose text is a seed, and how to count its paragraphs. */
const SEED_OF: Record<string, SeedText> = {
  'crowdstrike-2018-two-birds': {
    file: '000_5a10ad7ae398704f.txt',
    paragraphs: (text) => text.split(CROWDSTRIKE_JOIN),
  },
  'fcw-2018-supply-chain': {
    file: '003_0f0f62660b591cab.txt',
    // Blocks 0 and 1 are the headline and the photo credit; the body's 13 paragraphs follow, then the
    // author's box and the site's links, which no locator may point into.
    paragraphs: (text) =>
      text
        .split(/\n\s*\n/)
        .map((block) => block.trim())
        .filter(Boolean)
        .slice(2, 15),
  },
};

/** Whitespace and typographic quotes normalised, nothing else. */
function normalise(text: string): string {
  return text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
}

/** One quoted citation, with where it was written. */
interface Quoted {
  file: string;
  source: string;
  quote: string;
  locator: string | undefined;
}

/** Every Markdown file under a folder, as paths relative to the content root. */
function contentFiles(folder = ''): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(path.join(CONTENT, folder), { withFileTypes: true })) {
    const relative = path.join(folder, entry.name);
    if (entry.isDirectory()) files.push(...contentFiles(relative));
    else if (/\.mdx?$/.test(entry.name)) files.push(relative);
  }
  return files.sort();
}

/** Every quoted citation in a value parsed from front matter: citation objects and inline citations in strings. */
function quotesIn(value: unknown, file: string, found: Quoted[]): void {
  if (typeof value === 'string') {
    for (const group of findInlineCitations(value).found) {
      for (const citation of group.citations) {
        if (citation.quote === undefined) continue;
        found.push({ file, source: citation.source, quote: citation.quote, locator: citation.locator });
      }
    }
  } else if (Array.isArray(value)) {
    for (const item of value) quotesIn(item, file, found);
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.source === 'string' && typeof record.quote === 'string') {
      found.push({
        file,
        source: record.source,
        quote: record.quote,
        locator: typeof record.locator === 'string' ? record.locator : undefined,
      });
    }
    for (const item of Object.values(record)) quotesIn(item, file, found);
  }
}

/** Every quoted citation in the sample case, front matter and body. */
function caseQuotes(): Quoted[] {
  const found: Quoted[] = [];
  for (const file of contentFiles()) {
    const text = readFileSync(path.join(CONTENT, file), 'utf8');
    const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(text);
    if (!match) throw new Error(`${file}: no front matter`);
    quotesIn(parse(match[1] ?? ''), file, found);
    quotesIn(match[2] ?? '', file, found);
  }
  return found;
}

const seedsPresent = Object.values(SEED_OF).every((seed) => existsSync(path.join(SEEDS, seed.file)));
const quotes = caseQuotes();

describe('quotations in the sample case', () => {
  test('there are quotations to check, in front matter and in prose', () => {
    expect(quotes.length).toBeGreaterThan(100);
    expect(quotes.some((q) => q.file.startsWith('reports/'))).toBe(true);
  });

  test('quote only sources whose text can be checked', () => {
    const unchecked = quotes.filter((q) => !(q.source in SEED_OF)).map((q) => `${q.file}: ${q.source}`);
    expect(unchecked).toEqual([]);
  });

  test('give every quotation a locator', () => {
    const bare = quotes.filter((q) => q.locator === undefined).map((q) => `${q.file}: “${q.quote}”`);
    expect(bare).toEqual([]);
  });
});

describe.skipIf(!seedsPresent)('quotations against the seed texts', () => {
  const seeds = new Map(
    Object.entries(SEED_OF).map(([id, seed]) => {
      const text = readFileSync(path.join(SEEDS, seed.file), 'utf8');
      return [id, { whole: normalise(text), paragraphs: seed.paragraphs(text).map(normalise) }];
    }),
  );

  test('the normalising only touches whitespace and quotation marks', () => {
    expect(normalise('“big  porker”\n’s')).toBe(`"big porker" 's`);
    expect(normalise('GAO’s')).not.toBe(normalise('GAOs'));
  });

  test('paragraphs are counted as the locators count them', () => {
    // Hand-checked against the texts: the CrowdStrike post has 10 paragraphs, the last holding the
    // compound's Baidu questions and the conclusion; FCW's body has 13, Meyers' last words closing it.
    const crowdstrike = seeds.get('crowdstrike-2018-two-birds')?.paragraphs ?? [];
    expect(crowdstrike).toHaveLength(10);
    expect(crowdstrike[2]).toMatch(/^Many of the personal details for GAO/);
    expect(crowdstrike[9]).toMatch(/^There are no markers on the building/);
    const fcw = seeds.get('fcw-2018-supply-chain')?.paragraphs ?? [];
    expect(fcw).toHaveLength(13);
    expect(fcw[0]).toMatch(/^Over the past year, U\.S\. policymakers/);
    expect(fcw[12]).toMatch(/^"When individuals become exposed/);
  });

  test.each(quotes.map((q) => [`${q.file}: ${q.source}, “${q.quote.slice(0, 60)}”`, q] as const))(
    '%s appears verbatim',
    (_label, q) => {
      const seed = seeds.get(q.source);
      expect(seed, `no seed text for ${q.source}`).toBeDefined();
      expect(seed?.whole, `${q.file}: the quotation is not in ${q.source}`).toContain(normalise(q.quote));
      const paragraph = /^para\. (\d+)$/.exec(q.locator ?? '');
      if (paragraph) {
        const n = Number(paragraph[1]);
        expect(seed?.paragraphs[n - 1] ?? '', `${q.file}: “${q.quote}” is not in para. ${n}`).toContain(
          normalise(q.quote),
        );
      }
    },
  );
});
