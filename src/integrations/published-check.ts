import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { readCaseFiles } from './case-files.ts';
import type { AnyCaseInput, FieldPath } from '../lib/case.ts';
import { indicatorMatcher, type IndicatorKind } from '../lib/defang.ts';
import { entryId } from '../lib/paths.ts';
import { COLLECTIONS } from '../lib/schema/entity-types.ts';
import { INDICATOR_KINDS } from '../lib/schema/identities.ts';
import { formatFieldPath, formatProblem, sortProblems, type CaseProblem } from '../lib/problems.ts';
import {
  foldForMatching,
  PublishedChecker,
  type PublishedFinding,
  type PublishedIndicator,
} from '../lib/published-check.ts';
import { timedStage } from '../stage-timings.ts';

/**
 * After Astro has written the site, every page and data file is checked as readers and tools will
 * read it (src/lib/published-check.ts). Any finding fails the build, names the content file and
 * field it came from, and removes the built site, so nothing unsafe is left to publish.
 */

/** Files read: pages, data, feeds and sitemaps, and SVG images (a browser runs an SVG's scripts). */
const CHECKED = /\.(html|json|xml|svg)$/;

/** Every checked file under the output folder, relative to it; Pagefind's index is its own. */
function publishedFiles(root: string, folder = ''): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(path.join(root, folder), { withFileTypes: true })) {
    const relative = folder === '' ? entry.name : `${folder}/${entry.name}`;
    if (entry.isDirectory()) {
      if (relative !== 'pagefind') files.push(...publishedFiles(root, relative));
    } else if (CHECKED.test(entry.name) && (!relative.startsWith('_astro/') || relative.endsWith('.svg'))) {
      files.push(relative);
    }
  }
  return files.sort();
}

/** The indicators of a case: every identity of kind domain, url or email, drafts included. */
export function indicatorsOf(inputs: readonly AnyCaseInput[]): PublishedIndicator[] {
  return inputs.flatMap((input) =>
    input.collection === 'identities' && (INDICATOR_KINDS as readonly string[]).includes(input.data.kind)
      ? [{ value: input.data.value, kind: input.data.kind as IndicatorKind, id: entryId('identities', input.slug) }]
      : [],
  );
}

const PAGE_OF_ENTRY = new RegExp(
  `^(?:graph/local/)?(${COLLECTIONS.join('|')})/([a-z0-9-]+)(?:/index\\.html|\\.json|\\.stix\\.json)$`,
);

/** The entry a built file shows, when it shows one entry. */
function entryOfFile(file: string): string | undefined {
  const match = PAGE_OF_ENTRY.exec(file);
  return match ? `${match[1]}/${match[2]}` : undefined;
}

/**
 * A content text as a reader ends up seeing it: parsed as HTML (character references decoded,
 * comments gone, attribute values kept), Markdown's backslash escapes removed, then folded as the
 * checker folds the pages.
 */
function readerText(text: string): string {
  const parts: string[] = [];
  const visit = (node: DefaultTreeAdapterMap['parentNode'] | DefaultTreeAdapterMap['childNode']) => {
    if (node.nodeName === '#text') parts.push((node as DefaultTreeAdapterMap['textNode']).value);
    if ('attrs' in node) for (const attr of node.attrs) parts.push(attr.value);
    if ('childNodes' in node) node.childNodes.forEach(visit);
  };
  visit(parseFragment(text));
  return foldForMatching(parts.join(' ').replace(/\\([!-/:-@[-`{-~])/g, '$1'));
}

/** One text of an entry where a finding may have come from. */
interface ContentField {
  field: string;
  path: FieldPath;
  text: string;
}

/** The body and every frontmatter string of an entry. */
function fieldsOf(input: AnyCaseInput): ContentField[] {
  const fields: ContentField[] = [{ field: 'body', path: [], text: input.body }];
  const visit = (value: unknown, at: (string | number)[]) => {
    if (typeof value === 'string') fields.push({ field: formatFieldPath(at), path: at, text: value });
    else if (Array.isArray(value)) value.forEach((item, i) => visit(item, [...at, i]));
    else if (value !== null && typeof value === 'object')
      for (const [key, item] of Object.entries(value)) visit(item, [...at, key]);
  };
  visit(input.data, []);
  return fields;
}

/** Whether a field, read as a reader reads it, holds what a finding traces. */
function fieldHolds(field: ContentField, finding: PublishedFinding): boolean {
  const text = readerText(field.text);
  if (finding.indicator) {
    const kind = finding.indicator.kind === 'email' ? 'email' : 'domain';
    return indicatorMatcher([{ value: finding.trace, kind }])(text).length > 0;
  }
  // A scheme may be split by tabs or newlines, which the URL parser drops.
  return text
    .replace(/[\t\n\r]/g, '')
    .toLowerCase()
    .includes(finding.trace.toLowerCase());
}

/** The content files and fields a finding came from, as problems an author can act on. */
export function traceFindings(
  findings: readonly PublishedFinding[],
  inputs: readonly AnyCaseInput[],
  outDir: string,
): CaseProblem[] {
  const byId = new Map(inputs.map((input) => [entryId(input.collection, input.slug), input]));
  const problems = new Map<string, CaseProblem>();
  const add = (problem: CaseProblem) => problems.set(`${problem.file}\n${problem.field}\n${problem.message}`, problem);
  for (const finding of findings) {
    const id = entryOfFile(finding.file);
    const shown = id ? byId.get(id) : undefined;
    const message = `${finding.message}, in ${path.join(outDir, finding.file)}`;
    // The entry a page shows first; a listing or an export may show any entry's text.
    let sources = shown ? [shown] : [];
    let found = false;
    for (let pass = 0; pass < 2 && !found; pass++) {
      for (const input of sources) {
        for (const field of fieldsOf(input)) {
          if (!fieldHolds(field, finding)) continue;
          found = true;
          const line = field.field === 'body' ? undefined : input.locate?.(field.path);
          add({ file: input.file, field: field.field, line, message, fix: finding.fix });
        }
      }
      sources = inputs.filter((input) => input !== shown);
    }
    if (!found) {
      add({ file: shown?.file ?? path.join(outDir, finding.file), field: '(built page)', message, fix: finding.fix });
    }
  }
  return sortProblems([...problems.values()]);
}

/** The check as an Astro integration; it must run after every step that writes pages or data. */
export function publishedCheck(options: { contentRoot: string; site: string; base: string }): AstroIntegration {
  const root = path.resolve(options.contentRoot);
  return {
    name: 'casefile:published-check',
    hooks: {
      'astro:build:done': ({ dir, logger }) =>
        timedStage('published-check', () => {
          const out = fileURLToPath(dir);
          const { inputs } = readCaseFiles(root);
          const checker = new PublishedChecker({
            site: new URL(options.base, options.site).href,
            indicators: indicatorsOf(inputs),
          });
          const files = publishedFiles(out);
          const findings = files.flatMap((file) => checker.check(file, readFileSync(path.join(out, file), 'utf8')));
          if (findings.length === 0) {
            logger.info(`${files.length} built files checked: no live indicator, unsafe address or markup`);
            return;
          }
          const problems = traceFindings(findings, inputs, path.relative(process.cwd(), out) || '.');
          rmSync(out, { recursive: true, force: true });
          const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
          throw new Error(
            [
              `casefile: ${count} in the built pages; the built site was removed so that it cannot be published.`,
              ...problems.map(formatProblem),
            ].join('\n'),
          );
        }),
    },
  };
}
