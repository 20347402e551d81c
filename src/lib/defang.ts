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
// both lead to the adversary's infrastructure just the same.
const JOINS_BEFORE = /[\w.@+-]/;
const JOINS_AFTER = /[\w-]/;
const WORD = /\w/;
const LABEL = /[\w-]/;
const LOCAL_PART = /[\w.+-]/;

/** Whether an indicator ending at `end` of `text` is not continued by what follows. */
function endsAlone(text: string, end: number): boolean {
  const next = text[end];
  if (next === undefined) return true;
  if (JOINS_AFTER.test(next)) return false;
  return !(next === '.' && WORD.test(text[end + 1] ?? ''));
}

/** Whether a token starting at `index` of `text` is not joined to what comes before. */
function startsAlone(text: string, index: number): boolean {
  return index === 0 || !JOINS_BEFORE.test(text[index - 1] ?? '');
}

/**
 * Where the host or address around a domain found at `index` starts: back over the labels before it
 * (mail.) and then over an address's local part (someone@).
 */
function tokenStart(text: string, index: number): number {
  let start = index;
  while (text[start - 1] === '.' && LABEL.test(text[start - 2] ?? '')) {
    start -= 1;
    while (LABEL.test(text[start - 1] ?? '')) start -= 1;
  }
  if (text[start - 1] === '@' && LOCAL_PART.test(text[start - 2] ?? '')) {
    start -= 1;
    while (LOCAL_PART.test(text[start - 1] ?? '')) start -= 1;
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

/** A node of the indicators' trie: its children by (lower-cased) character, and the indicator ending here. */
interface TrieNode {
  next: Map<string, TrieNode>;
  indicator?: Indicator;
}

/**
 * The longest indicator written at `index` that is not continued by what follows, among all
 * indicators or (`domainsOnly`) among the domains.
 */
function longestAt(root: TrieNode, text: string, index: number, domainsOnly: boolean) {
  let node = root.next.get((text[index] ?? '').toLowerCase());
  let hit: { indicator: Indicator; end: number } | undefined;
  for (let end = index + 1; node; end++) {
    const indicator = node.indicator;
    if (indicator && (!domainsOnly || indicator.kind === 'domain') && endsAlone(text, end)) hit = { indicator, end };
    node = end < text.length ? node.next.get((text[end] ?? '').toLowerCase()) : undefined;
  }
  return hit;
}

/**
 * Builds one matcher for many indicators. The values go into a trie, so a text costs one pass,
 * following at each place only the values that start with what is written there, whatever the number
 * of indicators (a regular expression with one alternative per indicator tries every alternative at
 * every position: quadratic in a case with thousands of them). Case-insensitive; where two values
 * match at one place, the longer wins.
 */
export function indicatorMatcher(indicators: readonly Indicator[]): (text: string) => IndicatorMatch[] {
  const root: TrieNode = { next: new Map() };
  for (const indicator of indicators) {
    let node = root;
    for (const char of indicator.value.toLowerCase()) {
      let child = node.next.get(char);
      if (!child) {
        child = { next: new Map() };
        node.next.set(char, child);
      }
      node = child;
    }
    node.indicator = indicator;
  }
  if (root.next.size === 0) return () => [];
  return (text) => {
    const found: IndicatorMatch[] = [];
    let done = 0;
    for (let index = 0; index < text.length; index++) {
      if (!root.next.has((text[index] ?? '').toLowerCase())) continue;
      let start = index;
      let hit: ReturnType<typeof longestAt>;
      if (startsAlone(text, index)) {
        hit = longestAt(root, text, index, false);
      } else if (text[index - 1] === '.' || text[index - 1] === '@') {
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
