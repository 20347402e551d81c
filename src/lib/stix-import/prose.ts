import { defang } from '../defang.ts';

/**
 * Text from a STIX bundle made fit for a casefile entry: a description split into summary and body,
 * prose kept from being read as casefile's own syntax, and the bundle's indicators defanged.
 */

/**
 * Splits a description into a one-line summary of at most `limit` characters (the schema's: 300 for
 * an entity, 400 for a report) and, when it does not fit whole, the full text as the body.
 */
export function summaryAndBody(
  description: string | undefined,
  fallback: string,
  limit: number,
): { summary: string; body: string } {
  if (!description) return { summary: fallback, body: '' };
  const whole = description.trim();
  const firstLine = whole.split('\n')[0]?.trim() ?? '';
  if (firstLine.length <= limit && firstLine === whole) return { summary: whole, body: '' };
  const sentence = new RegExp(`^(.{20,${String(limit)}}?[.!?])(\\s|$)`).exec(firstLine)?.[1];
  const cut = `${firstLine.slice(0, limit - 1).replace(/\s+\S*$/, '')}…`;
  return { summary: sentence ?? (firstLine.length <= limit ? firstLine : cut), body: whole };
}

/**
 * Prose from another tool, kept from being read as casefile's own syntax or HTML: a wikilink stays
 * when it names another imported entry (casefile's own export carries its notes as written), any other
 * `[[` and every citation mark `[@` (its source ids are not in the bundle) are broken apart.
 */
export function plainProse(prose: string, known: ReadonlySet<string>, self?: string): string {
  return prose
    .replace(/</g, '&lt;')
    .replace(/\[@/g, '[ @')
    .replace(/\[\[([^\]|]*)(\|[^\]]*)?\]\]/g, (link: string, target: string) =>
      known.has(target.trim()) && target.trim() !== self ? link : `[ [${link.slice(2)}`,
    )
    .replace(/\[\[(?![a-z]+\/[a-z0-9-]+(?:\|[^\]]*)?\]\])/g, '[ [');
}

/** An indicator the bundle names, with what it is written as outside its own `value`. */
export interface NamedIndicator {
  value: string;
  shown: string;
  /** Its own identity's `value` line, which keeps it plain for tools. */
  ownLine: RegExp;
}

/** The bundle's indicators, longest first, so a URL is defanged whole before its domain is. */
export function namedIndicators(
  indicators: readonly { kind: 'domain' | 'url' | 'email'; value: string }[],
): NamedIndicator[] {
  return [...indicators]
    .sort((a, b) => b.value.length - a.value.length)
    .map(({ kind, value }) => ({
      value,
      shown: defang(kind, value),
      ownLine: new RegExp(`^\\s*value: ['"]?${escapeRegExp(value)}['"]?$`),
    }));
}

/**
 * Writes every adversary domain, URL and email address the bundle names defanged wherever it occurs
 * outside its own identity's `value`, as the strict build requires.
 */
export function defangIndicators(fileText: string, indicators: readonly NamedIndicator[]): string {
  let out = fileText;
  for (const { value, shown, ownLine } of indicators) {
    if (!out.includes(value)) continue;
    out = out
      .split('\n')
      .map((line) => (ownLine.test(line) ? line : line.split(value).join(shown)))
      .join('\n');
  }
  return out;
}

/** A string as a literal inside a regular expression. */
function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
