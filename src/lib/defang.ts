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

/** Escapes a string for use inside a regular expression. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// An indicator counts only when it stands alone: found in "see xiaohong.org." but not in
// "notxiaohong.org" or "xiaohong.org.cn".
const BEFORE = '(?<![\\w.@+-])';
const AFTER = '(?![\\w-]|\\.[\\w])';
// A domain also counts inside a longer host or an address at it (mail.xiaohong.org,
// someone@xiaohong.org): both lead to the adversary's infrastructure just the same.
const DOMAIN_PREFIX = '(?:[\\w.+-]+@)?(?:[\\w-]+\\.)*';

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
 * Builds one matcher for many indicators, so scanning a whole case costs one pass per text rather
 * than one per indicator per text.
 */
export function indicatorMatcher(indicators: readonly Indicator[]): (text: string) => IndicatorMatch[] {
  if (indicators.length === 0) return () => [];
  const byLower = new Map(indicators.map((indicator) => [indicator.value.toLowerCase(), indicator]));
  // Longest first, so a.example.org wins over example.org where both are listed.
  const alternation = (kinds: (kind: IndicatorKind) => boolean) =>
    [...byLower.entries()]
      .filter(([, indicator]) => kinds(indicator.kind))
      .map(([lower]) => lower)
      .sort((a, b) => b.length - a.length || a.localeCompare(b))
      .map(escapeRegExp)
      .join('|');
  const domains = alternation((kind) => kind === 'domain');
  const others = alternation((kind) => kind !== 'domain');
  const branches = [domains && `(${DOMAIN_PREFIX})(${domains})`, others && `(${others})`].filter(Boolean);
  const pattern = new RegExp(`${BEFORE}(?:${branches.join('|')})${AFTER}`, 'gi');
  const domainGroups = domains ? 2 : 0;
  return (text) => {
    const found: IndicatorMatch[] = [];
    for (const match of text.matchAll(pattern)) {
      const listed = (domainGroups > 0 ? match[2] : undefined) ?? match[domainGroups + 1] ?? match[0];
      const indicator = byLower.get(listed.toLowerCase());
      if (!indicator) continue;
      const token = match[0];
      const kind = indicator.kind === 'domain' && token.includes('@') ? 'email' : indicator.kind;
      found.push({ value: indicator.value, index: match.index, text: token, defanged: defang(kind, token) });
    }
    return found;
  };
}
