import type { IndicatorKind } from './schema/identities.ts';

/**
 * Indicators (adversary domains, URLs and email addresses) are published defanged, as
 * threat-intelligence writing does: xiaohong[.]org, hxxp://…, name[@]example[.]com. A defanged value
 * cannot be clicked or auto-linked by a mail client or chat app.
 */

/** Defangs a domain by bracketing the dot before its top-level domain: xiaohong.org → xiaohong[.]org. */
export function defangDomain(domain: string): string {
  const dot = domain.lastIndexOf('.');
  if (dot <= 0) return domain;
  return `${domain.slice(0, dot)}[.]${domain.slice(dot + 1)}`;
}

/** Defangs an email address: both the @ and the domain. */
export function defangEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 0) return defangDomain(email);
  return `${email.slice(0, at)}[@]${defangDomain(email.slice(at + 1))}`;
}

/** Defangs a URL: hxxp(s):// and the host's last dot. */
export function defangUrl(url: string): string {
  const match = /^(https?|ftp):\/\/([^/?#]+)(.*)$/i.exec(url);
  if (!match) return defangDomain(url);
  const [, scheme = '', host = '', rest = ''] = match;
  const defangedScheme = scheme.toLowerCase().replace(/^http/, 'hxxp').replace(/^ftp/, 'fxp');
  return `${defangedScheme}://${defangDomain(host)}${rest}`;
}

export type { IndicatorKind } from './schema/identities.ts';

/** Defangs an indicator of the given kind. */
export function defang(kind: IndicatorKind, value: string): string {
  if (kind === 'email') return defangEmail(value);
  if (kind === 'url') return defangUrl(value);
  return defangDomain(value);
}

/** Restores a defanged value to its plain form (for copy buttons and search). */
export function refang(value: string): string {
  return value
    .replace(/\[\.\]|\(\.\)|\{\.\}/g, '.')
    .replace(/\[@\]|\(@\)|\[at\]/gi, '@')
    .replace(/^hxxp/i, 'http')
    .replace(/^fxp/i, 'ftp');
}

// An indicator counts only when it stands alone: found in "see xiaohong.org." but not in
// "notxiaohong.org" or "xiaohong.org.cn". It may not follow a word character, dot, @, plus or hyphen,
// and may not be followed by a word character, a hyphen, or a dot that continues the name. A domain
// also counts inside a longer host or an address at it (mail.xiaohong.org, someone@xiaohong.org):
// both lead to the adversary's infrastructure just the same. The classes are ASCII (as `\w` is), so
// each is a table by character code: the matcher runs over every text of a built site.

/** A table of the ASCII characters in `chars` (and word characters, with `word`), by code. */
function asciiClass(chars: string, word: boolean): Uint8Array {
  const table = new Uint8Array(128);
  for (let code = 0; code < 128; code++) {
    const char = String.fromCharCode(code);
    if (chars.includes(char) || (word && /\w/.test(char))) table[code] = 1;
  }
  return table;
}

const JOINS_BEFORE = asciiClass('.@+-', true);
const JOINS_AFTER = asciiClass('-', true);
const WORD = asciiClass('', true);
const LABEL = asciiClass('-', true);
const LOCAL_PART = asciiClass('.+-', true);
const DOT = 0x2e;
const AT = 0x40;

/** Whether the character at `index` of `text` is in an ASCII class (false past either end). */
function isIn(table: Uint8Array, text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code < 128 && table[code] === 1;
}

/** Whether an indicator ending at `end` of `text` is not continued by what follows. */
function endsAlone(text: string, end: number): boolean {
  if (end >= text.length) return true;
  if (isIn(JOINS_AFTER, text, end)) return false;
  return !(text.charCodeAt(end) === DOT && isIn(WORD, text, end + 1));
}

/** Whether a token starting at `index` of `text` is not joined to what comes before. */
function startsAlone(text: string, index: number): boolean {
  return index === 0 || !isIn(JOINS_BEFORE, text, index - 1);
}

/**
 * Where the host or address around a domain found at `index` starts: back over the labels before it
 * (mail.) and then over an address's local part (someone@).
 */
function tokenStart(text: string, index: number): number {
  let start = index;
  while (text.charCodeAt(start - 1) === DOT && isIn(LABEL, text, start - 2)) {
    start -= 1;
    while (isIn(LABEL, text, start - 1)) start -= 1;
  }
  if (text.charCodeAt(start - 1) === AT && isIn(LOCAL_PART, text, start - 2)) {
    start -= 1;
    while (isIn(LOCAL_PART, text, start - 1)) start -= 1;
  }
  return start;
}

/** An indicator to look for: its plain value and its kind. */
export interface Indicator {
  /** The plain value, as the identity's `value` gives it. */
  value: string;
  /** Domain, URL or email. */
  kind: IndicatorKind;
}

/** A live indicator found in a text. */
export interface IndicatorMatch {
  /** The indicator value as listed (not as cased in the text). */
  value: string;
  /** Offset in the text where the live token starts. */
  index: number;
  /** The live token as written: the value, or a host or address under a listed domain. */
  text: string;
  /** How the token should be written instead. */
  defanged: string;
}

/** Finds where a plain (live) indicator appears in a text. */
export function findLiveIndicator(text: string, value: string, kind: IndicatorKind = 'domain'): number | undefined {
  return indicatorMatcher([{ value, kind }])(text)[0]?.index;
}

/**
 * A node of the indicators' trie: its children by lower-cased character (the code of the one UTF-16
 * unit `toLowerCase` gives; see `lowerCode`), and the indicator ending here.
 */
interface TrieNode {
  next: Map<number, TrieNode>;
  indicator?: Indicator;
}

/** No character: what `lowerCode` gives where lower-casing makes two units, which no trie key is. */
const NO_KEY = -1;

/** A trie key no text reaches: a character of two units (astral) in a value, as a text is read unit by unit. */
const UNREACHABLE = -2;

/** Lower-cased codes of the units above ASCII met so far, plus one (0: not yet met); shared by every matcher. */
const LOWER_ABOVE_ASCII = new Int32Array(0x10000);

/**
 * The code of the unit at `index` of `text` lower-cased, as `text[index].toLowerCase()` gives it
 * (NO_KEY where that is two units, as for U+0130).
 */
function lowerCode(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code < 128) return code >= 65 && code <= 90 ? code + 32 : code;
  let known = LOWER_ABOVE_ASCII[code] ?? 0;
  if (known === 0) {
    const lower = String.fromCharCode(code).toLowerCase();
    known = (lower.length === 1 ? lower.charCodeAt(0) : NO_KEY) + 1;
    LOWER_ABOVE_ASCII[code] = known;
  }
  return known - 1;
}

/**
 * The longest indicator written at `index` that is not continued by what follows, among all
 * indicators or (`domainsOnly`) among the domains.
 */
function longestAt(root: TrieNode, text: string, index: number, domainsOnly: boolean) {
  let node = root.next.get(lowerCode(text, index));
  let hit: { indicator: Indicator; end: number } | undefined;
  for (let end = index + 1; node; end++) {
    const indicator = node.indicator;
    if (indicator && (!domainsOnly || indicator.kind === 'domain') && endsAlone(text, end)) hit = { indicator, end };
    node = end < text.length ? node.next.get(lowerCode(text, end)) : undefined;
  }
  return hit;
}

/**
 * Builds one matcher for many indicators. The values go into a trie, so a text costs one pass,
 * following at each place only the values that start with what is written there, whatever the number
 * of indicators (a regular expression with one alternative per indicator tries every alternative at
 * every position: quadratic in a case with thousands of them). Case-insensitive; where two values
 * match at one place, the longer wins. When every value holds a dot, a text without one is passed at
 * once (no other character lower-cases to a dot).
 */
export function indicatorMatcher(indicators: readonly Indicator[]): (text: string) => IndicatorMatch[] {
  const root: TrieNode = { next: new Map() };
  for (const indicator of indicators) {
    let node = root;
    for (const char of indicator.value.toLowerCase()) {
      const key = char.length === 1 ? char.charCodeAt(0) : UNREACHABLE;
      let child = node.next.get(key);
      if (!child) {
        child = { next: new Map() };
        node.next.set(key, child);
      }
      node = child;
    }
    node.indicator = indicator;
  }
  if (root.next.size === 0) return () => [];
  const everyValueHasADot = indicators.every((indicator) => indicator.value.includes('.'));
  return (text) => {
    const found: IndicatorMatch[] = [];
    if (everyValueHasADot && !text.includes('.')) return found;
    let done = 0;
    for (let index = 0; index < text.length; index++) {
      // Inside a word nothing starts: only where the text before does not join, or after a dot or @.
      const before = index === 0 ? 0 : text.charCodeAt(index - 1);
      const alone = index === 0 || !(before < 128 && JOINS_BEFORE[before] === 1);
      if (!alone && before !== DOT && before !== AT) continue;
      if (!root.next.has(lowerCode(text, index))) continue;
      let start = index;
      let hit: ReturnType<typeof longestAt>;
      if (alone) {
        hit = longestAt(root, text, index, false);
      } else {
        // A domain under a longer host or in an address counts when the whole token stands alone.
        hit = longestAt(root, text, index, true);
        start = tokenStart(text, index);
        if (start < done || !startsAlone(text, start)) hit = undefined;
      }
      if (!hit) continue;
      const token = text.slice(start, hit.end);
      const { indicator } = hit;
      const kind = indicator.kind === 'domain' && token.includes('@') ? 'email' : indicator.kind;
      found.push({ value: indicator.value, index: start, text: token, defanged: defang(kind, token) });
      done = hit.end;
      index = hit.end - 1;
    }
    return found;
  };
}
