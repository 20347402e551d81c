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

/**
 * Finds where a plain (live) indicator appears in a text. A match counts only when the value stands
 * alone, so `xiaohong.org` is found in "see xiaohong.org." but not in "notxiaohong.org.cn".
 */
export function findLiveIndicator(text: string, value: string): number | undefined {
  const pattern = new RegExp(`(?<![\\w.@-])${escapeRegExp(value)}(?![\\w-]|\\.[\\w])`, 'i');
  const match = pattern.exec(text);
  return match?.index;
}
