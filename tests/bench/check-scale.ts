import { checkCase } from '../../src/reader/read-case.ts';
import { memorySource } from '../../src/reader/content-source.ts';

/**
 * The content check on hostile sizes, in memory: one dossier whose body is 5 MB with 40,000
 * wikilinks, and one with 10,000 aliases. Every check is linear in the content, so each finishes in
 * seconds; before, locating each wikilink counted lines from the file's start (quadratic), and the
 * 5 MB body did not finish in ten minutes.
 */

/** One measured case. */
export interface CheckScaleResult {
  /** What the case is. */
  label: string;
  /** Bytes of content checked. */
  bytes: number;
  /** Wikilinks or aliases checked. */
  items: number;
  /** Wall time of the whole check (read, parse, build, every rule), ms. */
  ms: number;
  /** The budget it must stay within. */
  budgetMs: number;
  /** Problems found (there should be none). */
  problems: number;
}

const SOURCE = '---\ntitle: A source\npublisher: Press\ndate: 2021-01-01\nurl: https://example.org/a\n---\n';
const BOB = '---\nname: Bob Example\nsummary: Named in the posts.\nsources: [source-a]\n---\n';

/** A dossier with the given extra frontmatter and body, linked to Bob. */
function alice(frontmatter: string, body: string): string {
  return `---\nname: Alice Example\nsummary: A person.\nsources: [source-a]\n${frontmatter}links:\n  - rel: associated-with\n    to: people/bob\n    confidence: low\n    sources: [source-a]\n---\n${body}`;
}

/** Times the check of one case held in memory. */
function measure(label: string, items: number, files: Record<string, string>, budgetMs: number): CheckScaleResult {
  const bytes = Object.values(files).reduce((total, text) => total + Buffer.byteLength(text), 0);
  const started = performance.now();
  const { problems } = checkCase(memorySource(files), { includeDrafts: false });
  return { label, bytes, items, ms: performance.now() - started, budgetMs, problems: problems.length };
}

/** Measures both cases. */
export function measureCheckScale(): CheckScaleResult[] {
  const paragraphs = 40_000;
  const paragraph = (i: number) =>
    `Paragraph ${String(i).padStart(5, '0')}: seen with [[people/bob]] near the office on Zhujiang Road, as the posts of that week say, once more and again.\n\n`;
  const body = Array.from({ length: paragraphs }, (_, i) => paragraph(i)).join('');
  const aliases = 10_000;
  const aliasList = Array.from(
    { length: aliases },
    (_, i) => `  - name: Alias number ${i}\n    sources: [source-a]\n`,
  ).join('');
  return [
    measure(
      '5 MB body, 40,000 wikilinks',
      paragraphs,
      { 'people/alice.md': alice('', body), 'people/bob.md': BOB, 'sources/source-a.md': SOURCE },
      10_000,
    ),
    measure(
      '10,000 aliases',
      aliases,
      {
        'people/alice.md': alice(`aliases:\n${aliasList}`, 'On [[people/bob]].\n'),
        'people/bob.md': BOB,
        'sources/source-a.md': SOURCE,
      },
      10_000,
    ),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of measureCheckScale()) {
    const met = row.ms <= row.budgetMs && row.problems === 0 ? 'met' : 'NOT met';
    console.log(
      `${row.label}: ${(row.bytes / 1e6).toFixed(1)} MB checked in ${(row.ms / 1000).toFixed(2)} s ` +
        `(budget ${row.budgetMs / 1000} s, ${row.problems} problems): ${met}`,
    );
  }
}
