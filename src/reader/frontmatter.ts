import { CORE_SCHEMA, load as loadYaml, YAMLException } from 'js-yaml';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { FieldPath } from '../lib/case.ts';
import type { CaseProblem } from '../lib/problems.ts';

/**
 * An entry file's frontmatter: split from the body, parsed as YAML, and located field by field so
 * a problem can name its line.
 */

/** One file split into frontmatter and body. */
export interface SplitFile {
  /** The YAML between the `---` lines. */
  frontmatter: string;
  /** Everything after the closing `---` line. */
  body: string;
  /** 1-based line where the YAML starts. */
  yamlLine: number;
  /** 1-based line where the body starts. */
  bodyLine: number;
}

const FRONTMATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Splits a Markdown file into its YAML frontmatter and body; a UTF-8 byte-order mark is ignored. */
export function splitFrontmatter(text: string): SplitFile | undefined {
  const unmarked = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const match = FRONTMATTER.exec(unmarked);
  if (!match) return undefined;
  const block = match[0];
  const lines = block.split('\n').length - (block.endsWith('\n') ? 1 : 0);
  return { frontmatter: match[1] ?? '', body: unmarked.slice(block.length), yamlLine: 2, bodyLine: lines + 1 };
}

/** The frontmatter's values, or the problem that stops them being read. */
export type ParsedYaml = { value: unknown } | { problem: CaseProblem };

/**
 * The line on which the field holding an unclosed quotation starts: YAML parsers report the end of
 * the block, where they gave up looking for the closing mark.
 */
function unclosedQuoteLine(yaml: string, before: number): { line: number; field: string } | undefined {
  const lines = yaml.split('\n');
  for (let i = Math.min(before, lines.length - 1); i >= 0; i--) {
    const match = /^\s*(?:-\s+)?([^\s:#][^:]*):\s+(["'])(.*)$/.exec(lines[i] ?? '');
    if (!match) continue;
    const [, field = '', quote = '', rest = ''] = match;
    const closed = quote === "'" ? /^(?:[^']|'')*'/.test(rest) : /^(?:[^"\\]|\\.)*"/.test(rest);
    if (!closed) return { line: i, field };
  }
  return undefined;
}

/**
 * Parses frontmatter with js-yaml, the parser Astro itself uses, so the checker sees what the build
 * sees, with one exception: dates stay text. js-yaml turns 2018-02-30 into a Date of 2 March, so only
 * the text can show the date is wrong.
 */
export function parseYaml(split: SplitFile, file: string): ParsedYaml {
  try {
    return { value: loadYaml(split.frontmatter, { schema: CORE_SCHEMA }) ?? {} };
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    const quote = /quoted scalar/.test(error.reason)
      ? unclosedQuoteLine(split.frontmatter, error.mark.line)
      : undefined;
    return {
      problem: {
        file,
        field: quote?.field ?? '(frontmatter)',
        line: split.yamlLine + (quote?.line ?? error.mark.line),
        message: quote ? 'YAML syntax: the quotation that starts here is never closed' : `YAML syntax: ${error.reason}`,
        fix: quote
          ? 'close the quotation on this field, or write the value without quotes'
          : 'check indentation, colons and quotes around values that contain ": " or start with [ or {',
      },
    };
  }
}

/** Finds the YAML node at a path, or the deepest node on the way to it. */
function nodeAt(root: YamlNode | null, pathToField: FieldPath): YamlNode | null {
  let node: YamlNode | null = root;
  for (const key of pathToField) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
      if (!pair) return node;
      const value: unknown = pair.value;
      node = isScalar(value) || isMap(value) || isSeq(value) ? value : isScalar(pair.key) ? pair.key : node;
    } else if (isSeq(node) && typeof key === 'number') {
      const item: unknown = node.items[key];
      if (!isScalar(item) && !isMap(item) && !isSeq(item)) return node;
      node = item;
    } else {
      return node;
    }
  }
  return node;
}

/** Where each field of a frontmatter is, and how its scalars were written. */
export interface FieldLocator {
  /** The 1-based file line of a field. */
  readonly line: (path: FieldPath) => number | undefined;
  /** A scalar's text as written (`02283281234`, not the number it parsed as). */
  readonly source: (path: FieldPath) => string | undefined;
}

/** Locates fields of a frontmatter; the second, slower parser runs only when a problem asks. */
export function fieldLocator(split: SplitFile): FieldLocator {
  let positions: { doc: ReturnType<typeof parseDocument>; lines: LineCounter } | undefined;
  const load = () => {
    if (!positions) {
      const lines = new LineCounter();
      positions = { doc: parseDocument(split.frontmatter, { lineCounter: lines }), lines };
    }
    return positions;
  };
  return {
    line: (pathToField) => {
      const { doc, lines } = load();
      const offset = nodeAt(doc.contents, pathToField)?.range?.[0];
      return offset === undefined ? undefined : split.yamlLine + lines.linePos(offset).line - 1;
    },
    source: (pathToField) => {
      const node = nodeAt(load().doc.contents, pathToField);
      return isScalar(node) ? node.source : undefined;
    },
  };
}
