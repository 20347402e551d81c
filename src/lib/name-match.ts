import leven from 'leven';

/**
 * Finding an entity by what a reader types for its name: any case, with or without spaces, tone
 * marks or punctuation ("Zhang Shi Long", "zhangshilong", "Zhāng Shìlóng" all find ZHANG Shilong),
 * words in any order, a run of hanzi from the middle of a longer name or address, and one or two
 * typing mistakes in a longer name. Pure: the quick-jump list and its tests run the same code.
 */

/** Folds a text for comparison: lower case, tone marks and other accents removed, full-width forms plain. */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');
}

const HAN = /\p{Script=Han}/u;
// A word is a run of letters and digits; hanzi and Latin letters next to each other are two words.
const WORD = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;

/** The words of a folded text: runs of letters and digits, each run of hanzi a word of its own. */
export function wordsOf(folded: string): string[] {
  return [...folded.matchAll(WORD)].map((match) => match[0]);
}

/** A text ready to be compared: its letters and digits run together, and its words. */
export interface FoldedText {
  /** The text as written (shown when it is what matched). */
  text: string;
  /** Letters and digits only, folded: "xiaohong[.]org" → "xiaohongorg". */
  squeezed: string;
  /** Folded words. */
  words: string[];
}

/** Folds one text for matching. */
export function foldedText(text: string): FoldedText {
  const words = wordsOf(foldText(text));
  return { text, squeezed: words.join(''), words };
}

/** Typing mistakes forgiven in a name of this many letters: none below 5, one up to 7, two from 8. */
export function typosAllowed(length: number): number {
  if (length < 5) return 0;
  return length < 8 ? 1 : 2;
}

/** Whether every query word starts (or, when `fuzzy`, nearly starts) a different word of the text. */
function wordsCovered(query: readonly string[], words: readonly string[], fuzzy: boolean): number {
  const used = new Set<number>();
  let covered = 0;
  for (const wanted of query) {
    let found = words.findIndex((word, i) => !used.has(i) && word.startsWith(wanted));
    if (found < 0 && fuzzy) {
      const allowed = typosAllowed(wanted.length);
      if (allowed > 0)
        found = words.findIndex(
          (word, i) =>
            !used.has(i) &&
            (leven(wanted, word, { maxDistance: allowed + 1 }) <= allowed ||
              (word.length > wanted.length &&
                leven(wanted, word.slice(0, wanted.length), { maxDistance: allowed + 1 }) <= allowed)),
        );
    }
    if (found >= 0) {
      used.add(found);
      covered++;
    }
  }
  return covered;
}

/**
 * How well a query matches one text, from 0 (not at all) to 100 (the same letters). The tiers, best
 * first: the same letters ignoring spaces and punctuation; the start of the text; every word of the
 * query starting a word of the text, in any order; hanzi (or four or more letters or digits) from
 * inside the text; a near miss within the allowed typing mistakes, for the whole or word by word.
 * Within a tier, a text the query covers more of scores higher.
 */
export function matchScore(query: FoldedText, text: FoldedText): number {
  const wanted = query.squeezed;
  const have = text.squeezed;
  if (wanted === '' || have === '') return 0;
  // Share of the text the query accounts for, 0–1: "GAO Qiang" beats "GAO Qiang's handle" for "gao".
  const coverage = Math.min(1, wanted.length / have.length);
  if (have === wanted) return 100;
  if (have.startsWith(wanted)) return 90 + 5 * coverage;
  const words = query.words;
  if (words.length > 0 && wordsCovered(words, text.words, false) === words.length) return 80 + 5 * coverage;
  const hanziOnly = [...wanted].every((char) => HAN.test(char));
  if ((hanziOnly || wanted.length >= 4) && have.includes(wanted)) return 70 + 5 * coverage;
  const allowed = typosAllowed(wanted.length);
  if (allowed > 0 && !hanziOnly) {
    const whole = leven(wanted, have, { maxDistance: allowed + 1 });
    if (whole <= allowed) return 60 - 5 * whole;
    if (have.length > wanted.length) {
      const start = leven(wanted, have.slice(0, wanted.length), { maxDistance: allowed + 1 });
      if (start <= allowed) return 55 - 5 * start;
    }
    if (words.length > 1 && wordsCovered(words, text.words, true) === words.length) return 50;
  }
  // A name that has only some of the query's words is left to the full-text search, which ranks
  // the page that has them all (a source's title, a report) above it.
  return 0;
}

/** What the matcher needs of an entity: its name, native name, and other texts a reader may type. */
export interface Nameable {
  /** Display name. */
  name: string;
  /** Name in its own script. */
  native?: string | undefined;
  /** Aliases, an identity's value, addresses. */
  also: readonly string[];
}

/** An entity with its texts folded once, so each keystroke only compares. */
export interface PreparedName<T extends Nameable> {
  /** The entity. */
  entry: T;
  /** Name and native name, folded. */
  own: FoldedText[];
  /** The other texts, folded. */
  also: FoldedText[];
}

/** Folds an entity's texts for matching. */
export function prepareName<T extends Nameable>(entry: T): PreparedName<T> {
  return {
    entry,
    own: [entry.name, entry.native].filter((text): text is string => Boolean(text)).map(foldedText),
    also: entry.also.map(foldedText),
  };
}

/** An entity that matched, with why. */
export interface NameMatch<T extends Nameable> {
  /** The entity. */
  entry: T;
  /** How well it matched (see `matchScore`); its own name scores a little above an alias. */
  score: number;
  /** The alias, value or address that matched, when it was not the name or native name. */
  via: string | undefined;
}

/**
 * The entities whose names best match a query, best first, at most `limit`. Ties go to the shorter
 * name (the more specific answer), then to the order given.
 */
export function matchNames<T extends Nameable>(
  query: string,
  entries: readonly PreparedName<T>[],
  limit: number,
): NameMatch<T>[] {
  const folded = foldedText(query);
  if (folded.squeezed === '') return [];
  const found: (NameMatch<T> & { index: number; length: number })[] = [];
  entries.forEach((prepared, index) => {
    let best = 0;
    let via: string | undefined;
    let length = Infinity;
    for (const text of prepared.own) {
      const score = matchScore(folded, text);
      if (score > 0 && score + 2 > best) {
        best = score + 2;
        via = undefined;
        length = Math.min(length, text.squeezed.length);
      }
    }
    for (const text of prepared.also) {
      const score = matchScore(folded, text);
      if (score > best) {
        best = score;
        via = text.text;
        length = text.squeezed.length;
      }
    }
    if (best > 0) found.push({ entry: prepared.entry, score: best, via, index, length });
  });
  return found
    .sort((a, b) => b.score - a.score || a.length - b.length || a.index - b.index)
    .slice(0, limit)
    .map(({ entry, score, via }) => ({ entry, score, via }));
}
