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

/** Kinds of indicator that are defanged. */
export type IndicatorKind = 'domain' | 'url' | 'email';

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
// "notxiaohong.org" or "xiaohong.org.cn". It may not follow a word character, dot, @ or hyphen, and
// may not be followed by a word character, a hyphen, or a dot that continues the name.
const JOINS_BEFORE = /[\w.@-]/;
const JOINS_AFTER = /[\w-]/;
const WORD = /\w/;

/** Whether an indicator of `length` characters at `index` of `text` stands alone. */
function standsAlone(text: string, index: number, length: number): boolean {
  const next = text[index + length];
  if (next === undefined) return true;
  if (JOINS_AFTER.test(next)) return false;
  return !(next === '.' && WORD.test(text[index + length + 1] ?? ''));
}

/** Finds where a plain (live) indicator appears in a text. */
export function findLiveIndicator(text: string, value: string): number | undefined {
  return indicatorMatcher([value])(text)[0]?.index;
}

/** A live indicator found in a text. */
export interface IndicatorMatch {
  /** The indicator value as listed (not as cased in the text). */
  value: string;
  /** Offset in the text. */
  index: number;
}

/** A node of the indicators' trie: its children by (lower-cased) character, and the value ending here. */
interface TrieNode {
  next: Map<string, TrieNode>;
  value?: string;
}

/**
 * Builds one matcher for many indicators. The values go into a trie, so a text costs one pass,
 * following at each place only the values that start with what is written there, whatever the number
 * of indicators (a regular expression with one alternative per indicator tries every alternative at
 * every position: quadratic in a case with thousands of them). Case-insensitive; where two values
 * match at one place, the longer wins.
 */
export function indicatorMatcher(values: readonly string[]): (text: string) => IndicatorMatch[] {
  const root: TrieNode = { next: new Map() };
  for (const value of values) {
    let node = root;
    for (let i = 0; i < value.length; i++) {
      const char = (value[i] ?? '').toLowerCase();
      let child = node.next.get(char);
      if (!child) {
        child = { next: new Map() };
        node.next.set(char, child);
      }
      node = child;
    }
    node.value = value;
  }
  if (root.next.size === 0) return () => [];
  return (text) => {
    const found: IndicatorMatch[] = [];
    for (let index = 0; index < text.length; index++) {
      if (index > 0 && JOINS_BEFORE.test(text[index - 1] ?? '')) continue;
      let node = root.next.get((text[index] ?? '').toLowerCase());
      let hit: { value: string; length: number } | undefined;
      for (let end = index + 1; node; end++) {
        if (node.value !== undefined && standsAlone(text, index, end - index)) {
          hit = { value: node.value, length: end - index };
        }
        node = end < text.length ? node.next.get((text[end] ?? '').toLowerCase()) : undefined;
      }
      if (!hit) continue;
      found.push({ value: hit.value, index });
      index += hit.length - 1;
    }
    return found;
  };
}
