import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { CORE_SCHEMA, load as loadYaml, YAMLException } from 'js-yaml';
import { LineCounter, parseDocument, isMap, isSeq, type Node as YamlNode } from 'yaml';
import { collectionSchemas } from '../lib/schema/index.ts';
import { COLLECTIONS, isCollectionKey, type CollectionKey } from '../lib/schema/entity-types.ts';
import { buildCase, type AnyCaseInput, type BuildResult, type FieldPath } from '../lib/case.ts';
import { didYouMean, editDistance } from '../lib/did-you-mean.ts';
import { formatFieldPath, type CaseProblem } from '../lib/problems.ts';
import { bodyHtmlProblems } from './body-html-check.ts';

/**
 * Reads a content folder straight from disk, parses and validates every file with the same schemas
 * the Astro collections use, and builds the case model. The build integration runs this before Astro
 * touches the content, so one report lists every problem; `npm run check:content` runs it alone.
 */

/** Schemas with images checked as paths (Astro resolves them during the build). */
const SCHEMAS = collectionSchemas(() => z.string().min(1));

/** Extensions read as entries. */
const ENTRY_EXTENSIONS = new Set(['.md', '.mdx']);

/** Field names that appear anywhere in the schemas, for "did you mean" on unknown keys. */
const NESTED_FIELDS = [
  'rel',
  'to',
  'confidence',
  'sources',
  'note',
  'since',
  'until',
  'date',
  'text',
  'name',
  'used_by',
  'about',
  'claims',
  'value',
  'system',
  'id',
  'url',
  'src',
  'alt',
  'caption',
  'credit',
];

/** One file split into frontmatter and body. */
interface SplitFile {
  frontmatter: string;
  body: string;
  /** 1-based line where the YAML starts. */
  yamlLine: number;
  /** 1-based line where the body starts. */
  bodyLine: number;
}

const FRONTMATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Splits a Markdown file into its YAML frontmatter and body. */
function splitFrontmatter(text: string): SplitFile | undefined {
  const match = FRONTMATTER.exec(text);
  if (!match) return undefined;
  const block = match[0];
  const lines = block.split('\n').length - (block.endsWith('\n') ? 1 : 0);
  return { frontmatter: match[1] ?? '', body: text.slice(block.length), yamlLine: 2, bodyLine: lines + 1 };
}

/** Finds the YAML node at a path, or the deepest node on the way to it. */
function nodeAt(root: YamlNode | null, pathToField: FieldPath): YamlNode | null {
  let node: YamlNode | null = root;
  for (const key of pathToField) {
    if (isMap(node)) {
      const pair = node.items.find((item) => (item.key as { value?: unknown } | null)?.value === key);
      if (!pair) return node;
      node = (pair.value as YamlNode | null) ?? (pair.key as YamlNode);
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key] as YamlNode | undefined;
      if (!item) return node;
      node = item;
    } else {
      return node;
    }
  }
  return node;
}

/** Reads the value at a path of plain data. */
function valueAt(data: unknown, pathToField: readonly PropertyKey[]): unknown {
  let value: unknown = data;
  for (const key of pathToField) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** Turns one zod issue into a problem an author can act on. */
function problemFromIssue(
  issue: z.core.$ZodIssue,
  file: string,
  raw: unknown,
  topLevelFields: readonly string[],
  locate: (p: FieldPath) => number | undefined,
): CaseProblem[] {
  const issuePath = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const candidates = issuePath.length === 0 ? topLevelFields : NESTED_FIELDS;
      const suggestion = [...candidates].sort((a, b) => editDistance(key, a) - editDistance(key, b))[0];
      const close = suggestion !== undefined && editDistance(key, suggestion) <= Math.max(2, key.length / 3);
      return {
        file,
        field: formatFieldPath([...issuePath, key]),
        line: locate([...issuePath, key]),
        message: `unknown field "${key}"`,
        fix: close ? `did you mean "${suggestion}"?` : 'remove it, or see the README for the fields of this type',
      };
    });
  }
  const value = valueAt(raw, issuePath);
  const missing = value === undefined;
  let fix: string | undefined;
  if (issue.code === 'invalid_value' && typeof value === 'string') {
    const allowed = issue.values.filter((v): v is string => typeof v === 'string');
    const suggestion = didYouMean(value, allowed);
    fix = suggestion ? `did you mean "${suggestion}"?` : `use one of: ${allowed.join(', ')}`;
  }
  const shown = typeof value === 'string' || typeof value === 'number' ? JSON.stringify(value) : undefined;
  const described = shown !== undefined && !issue.message.includes(shown) ? ` (got ${shown})` : '';
  return [
    {
      file,
      field: formatFieldPath(issuePath),
      line: locate(issuePath),
      message: missing ? `missing required field: ${issue.message}` : `${issue.message}${described}`,
      fix,
    },
  ];
}

/** Lists entry files of one collection folder, sorted so every run reads them in the same order. */
function listEntryFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => ENTRY_EXTENSIONS.has(path.extname(name)))
    .sort();
}

/** The result of reading a content folder. */
export interface CaseFiles {
  /** Every file that parsed and validated. */
  inputs: AnyCaseInput[];
  /** Problems found while reading and validating. */
  problems: CaseProblem[];
  /** Ids of files that exist but failed to parse or validate. */
  unparsed: string[];
}

/** Reads and validates every entry under a content root. `displayRoot` prefixes file names in reports. */
export function readCaseFiles(root: string, displayRoot = path.relative(process.cwd(), root) || '.'): CaseFiles {
  const inputs: AnyCaseInput[] = [];
  const problems: CaseProblem[] = [];
  const unparsed: string[] = [];
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    problems.push({
      file: displayRoot,
      field: '(content root)',
      message: 'the content folder does not exist',
      fix: 'create it, or point CASEFILE_CONTENT at your content folder',
    });
    return { inputs, problems, unparsed };
  }
  for (const name of readdirSync(root).sort()) {
    const full = path.join(root, name);
    if (!statSync(full).isDirectory() || name.startsWith('.') || isCollectionKey(name)) continue;
    const suggestion = [...COLLECTIONS].sort((a, b) => editDistance(name, a) - editDistance(name, b))[0];
    problems.push({
      file: path.join(displayRoot, name),
      field: '(folder)',
      message: `"${name}" is not a content type, so nothing in it is published`,
      fix: `did you mean "${suggestion}"? The folders are ${COLLECTIONS.join(', ')}`,
    });
  }
  for (const collection of COLLECTIONS) {
    const folder = path.join(root, collection);
    for (const fileName of listEntryFiles(folder)) {
      const file = path.join(displayRoot, collection, fileName);
      const text = readFileSync(path.join(folder, fileName), 'utf8');
      const parsed = parseEntry(collection, fileName, file, text, path.join(folder, fileName));
      problems.push(...parsed.problems);
      if (parsed.input) inputs.push(parsed.input);
      else unparsed.push(`${collection}/${fileName.replace(/\.mdx?$/, '')}`);
    }
  }
  return { inputs, problems, unparsed };
}

/** Parses and validates one entry file. */
export function parseEntry(
  collection: CollectionKey,
  fileName: string,
  file: string,
  text: string,
  absolutePath: string,
): { input: AnyCaseInput | undefined; problems: CaseProblem[] } {
  const split = splitFrontmatter(text);
  if (!split) {
    return {
      input: undefined,
      problems: [
        {
          file,
          field: '(frontmatter)',
          line: 1,
          message: 'the file has no frontmatter',
          fix: 'start it with a --- line, the YAML fields, and another --- line',
        },
      ],
    };
  }
  // Values come from js-yaml, the parser Astro itself uses, so the checker sees what the build sees
  // with one exception: dates stay text. js-yaml turns 2018-02-30 into a Date of 2 March, so only
  // the text can show the date is wrong.
  let raw: unknown;
  try {
    raw = loadYaml(split.frontmatter, { schema: CORE_SCHEMA }) ?? {};
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    return {
      input: undefined,
      problems: [
        {
          file,
          field: '(frontmatter)',
          line: split.yamlLine + error.mark.line,
          message: `YAML syntax: ${error.reason}`,
          fix: 'check indentation, colons and quotes around values that contain ": " or start with [ or {',
        },
      ],
    };
  }
  // Positions come from a second, slower parser, and only when a problem needs a line number.
  let positions: { doc: ReturnType<typeof parseDocument>; lines: LineCounter } | undefined;
  const locate = (pathToField: FieldPath): number | undefined => {
    if (!positions) {
      const lines = new LineCounter();
      positions = { doc: parseDocument(split.frontmatter, { lineCounter: lines }), lines };
    }
    const node = nodeAt(positions.doc.contents, pathToField);
    const offset = node?.range?.[0];
    return offset === undefined ? undefined : split.yamlLine + positions.lines.linePos(offset).line - 1;
  };
  const schema = SCHEMAS[collection];
  const result = schema.safeParse(raw);
  const slug = fileName.slice(0, -path.extname(fileName).length);
  if (!result.success) {
    const topLevel = Object.keys(schema.shape);
    return {
      input: undefined,
      problems: result.error.issues.flatMap((issue) => problemFromIssue(issue, file, raw, topLevel, locate)),
    };
  }
  const problems: CaseProblem[] = [];
  const data = result.data as { images?: { src: string }[] };
  (data.images ?? []).forEach((image, i) => {
    if (/^[a-z]+:\/\//i.test(image.src)) {
      problems.push({
        file,
        field: `images[${i}].src`,
        line: locate(['images', i, 'src']),
        message: 'remote images are not allowed: they would make readers load a third-party server',
        fix: 'download the image next to the entry and give its relative path',
      });
    } else if (!existsSync(path.resolve(path.dirname(absolutePath), image.src))) {
      problems.push({
        file,
        field: `images[${i}].src`,
        line: locate(['images', i, 'src']),
        message: `no image file at "${image.src}"`,
        fix: 'give the path relative to the entry file, e.g. ./photos/building.jpg',
      });
    }
  });
  problems.push(...bodyImageProblems(split.body, file, split.bodyLine));
  problems.push(...bodyHtmlProblems(split.body, file, split.bodyLine, fileName.endsWith('.mdx') ? 'mdx' : 'md'));
  const input = {
    collection,
    slug,
    file,
    body: split.body,
    data: result.data,
    bodyLine: split.bodyLine,
    locate,
  } as AnyCaseInput;
  return { input, problems };
}

/**
 * Images in bodies must be files next to the entry, so Astro's pipeline re-encodes them (dropping
 * EXIF and GPS tags); remote images and raw <img> tags would bypass it.
 */
function bodyImageProblems(body: string, file: string, bodyLine: number): CaseProblem[] {
  const problems: CaseProblem[] = [];
  const lines = body.split('\n');
  lines.forEach((text, i) => {
    for (const match of text.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)/g)) {
      const src = match[1] ?? '';
      if (/^([a-z]+:)?\/\//i.test(src)) {
        problems.push({
          file,
          field: 'body',
          line: bodyLine + i,
          message: `remote image "${src}": readers' browsers would fetch it from a third party`,
          fix: 'save the image next to the entry and link it with a relative path',
        });
      } else if (src.startsWith('/')) {
        problems.push({
          file,
          field: 'body',
          line: bodyLine + i,
          message: `image "${src}" is served from public/ as is, metadata and all`,
          fix: 'move it next to the entry and use a relative path so it is re-encoded without EXIF data',
        });
      }
    }
    if (/<img\b/i.test(text)) {
      problems.push({
        file,
        field: 'body',
        line: bodyLine + i,
        message: 'raw <img> tags bypass the image pipeline (and its metadata stripping)',
        fix: 'use Markdown image syntax with a relative path: ![description](./photo.jpg)',
      });
    }
  });
  return problems;
}

/** Reads, validates and builds the case under a content root, returning every problem. */
export function checkCaseFolder(root: string, options: { includeDrafts: boolean }): BuildResult & CaseFiles {
  const files = readCaseFiles(root);
  const built = buildCase(files.inputs, { ...options, unparsed: files.unparsed });
  return { ...files, model: built.model, problems: [...files.problems, ...built.problems] };
}
