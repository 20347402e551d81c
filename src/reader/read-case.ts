import { z } from 'astro/zod';
import { buildCase, type AnyCaseInput, type BuildOptions, type BuildResult } from '../lib/case.ts';
import { collectionSchemas } from '../lib/schema/index.ts';
import { COLLECTIONS, isCollectionKey, type CollectionKey } from '../lib/schema/entity-types.ts';
import { didYouMean } from '../lib/did-you-mean.ts';
import type { CaseProblem } from '../lib/problems.ts';
import { fieldLocator, parseYaml, splitFrontmatter } from './frontmatter.ts';
import { problemsFromIssue } from './validate.ts';
import { readBody } from './body.ts';
import { diskSource, type ContentSource } from './content-source.ts';
import { bodyHtmlProblems, treeHtmlProblems } from './body-html-check.ts';

/**
 * The one reader of a case's files: each is read once, its frontmatter parsed and validated with
 * the schemas the collections use, its body parsed once into a syntax tree. The build's check, the
 * Astro loader that feeds the pages, and `npm run check:content` all read through it.
 */

/** Schemas with images checked as paths (Astro resolves them during the build). */
const SCHEMAS = collectionSchemas(() => z.string().min(1));

/** A file read from the case, with what its entry needs beyond the checked input. */
export interface ReadFile {
  /** The checked input. */
  input: AnyCaseInput;
  /** The file's path relative to the content root, e.g. `people/gao-qiang.md`. */
  path: string;
  /** The file's text, as read. */
  text: string;
  /** The frontmatter's values before validation (what Astro's schema, with its image helper, parses). */
  raw: unknown;
  /** The paths of the frontmatter's images, relative to the content root. */
  images: string[];
}

/** The result of reading a content folder. */
export interface CaseFiles {
  /** Every file that parsed and validated. */
  inputs: AnyCaseInput[];
  /** The same, with their paths and texts, for the Astro loader. */
  files: ReadFile[];
  /** Problems found while reading and validating. */
  problems: CaseProblem[];
  /** Ids of files that exist but failed to parse or validate. */
  unparsed: string[];
}

/** The ways an entry file may be misnamed, each with its fix. */
function misnamed(collection: CollectionKey, relative: string): { message: string; fix: string } | undefined {
  const name = relative.slice(collection.length + 1);
  const extension = /\.([^./]+)$/.exec(name)?.[1] ?? '';
  const isMarkdown = /^(md|mdx|markdown|mdown|mkd)$/i.test(extension);
  if (!isMarkdown) return undefined;
  if (name.includes('/')) {
    return {
      message: `entries in subfolders are not published`,
      fix: `move it to ${collection}/${name.slice(name.lastIndexOf('/') + 1)} (images may stay in subfolders)`,
    };
  }
  const stem = name.slice(0, -extension.length - 1);
  if (extension === 'md') return undefined;
  if (extension === 'mdx') {
    return collection === 'reports'
      ? undefined
      : {
          message: 'only reports may be MDX: MDX is code that runs at build time, and dossiers are data',
          fix: `rename it to ${stem}.md`,
        };
  }
  return { message: `"${name}" is not read: entries end in .md`, fix: `rename it to ${stem}.md` };
}

/** Parses and validates one entry file. */
export function parseEntry(
  collection: CollectionKey,
  relative: string,
  file: string,
  text: string,
  hasFile: (relative: string) => boolean,
): { read: ReadFile | undefined; problems: CaseProblem[] } {
  const split = splitFrontmatter(text);
  if (!split) {
    const problem = {
      file,
      field: '(frontmatter)',
      line: 1,
      message: 'the file has no frontmatter',
      fix: 'start it with a --- line, the YAML fields, and another --- line',
    };
    return { read: undefined, problems: [problem] };
  }
  const parsed = parseYaml(split, file);
  if ('problem' in parsed) return { read: undefined, problems: [parsed.problem] };
  const fields = fieldLocator(split);
  const schema = SCHEMAS[collection];
  const result = schema.safeParse(parsed.value);
  if (!result.success) {
    const problems = result.error.issues.flatMap((issue) =>
      problemsFromIssue(issue, file, parsed.value, schema, fields),
    );
    return { read: undefined, problems };
  }
  const folder = relative.slice(0, relative.lastIndexOf('/') + 1);
  const besideEntry = (src: string) => hasFile(`${folder}${src.replace(/^\.\//, '')}`);
  const problems: CaseProblem[] = [];
  const images: readonly { src: string }[] = 'images' in result.data ? result.data.images : [];
  images.forEach((image, i) => {
    const remote = /^[a-z]+:\/\//i.test(image.src);
    if (remote || !besideEntry(image.src)) {
      problems.push({
        file,
        field: `images[${i}].src`,
        line: fields.line(['images', i, 'src']),
        message: remote
          ? 'remote images are not allowed: they would make readers load a third-party server'
          : `no image file at "${image.src}"`,
        fix: remote
          ? 'download the image next to the entry and give its relative path'
          : 'give the path relative to the entry file, e.g. ./photos/building.jpg',
      });
    }
  });
  const mdx = relative.endsWith('.mdx');
  const body = readBody(split.body, split.bodyLine, { file, mdx, hasFile: besideEntry });
  problems.push(...body.problems);
  // The allowlist's check reads the reader's tree. The two parses differ only where a Markdown body
  // itself opens with a frontmatter fence: the allowlist's parser reads that block as frontmatter,
  // the reader's as text, so such a body is parsed again the allowlist's way.
  const ownParse = !mdx && /^(---|\+\+\+)/.test(split.body);
  problems.push(
    ...(ownParse
      ? bodyHtmlProblems(split.body, file, split.bodyLine, 'md')
      : treeHtmlProblems(body.tree, file, split.bodyLine)),
  );
  const slug = relative.slice(collection.length + 1).replace(/\.mdx?$/, '');
  const common = { slug, file, body: split.body, bodyFacts: body.facts, bodyLine: split.bodyLine, locate: fields.line };
  // The parsing boundary, and the one cast between content and model: zod has just checked `data`
  // against this collection's own schema, which TypeScript cannot pair with `collection` by itself.
  // Images stay out of the model: only the figure component may read them (see Figures.astro).
  const data = Object.fromEntries(Object.entries(result.data).filter(([key]) => key !== 'images'));
  const input = { ...common, collection, data } as AnyCaseInput;
  const imagePaths = images.map((image) => `${folder}${image.src.replace(/^\.\//, '')}`);
  return { read: { input, path: relative, text, raw: parsed.value, images: imagePaths }, problems };
}

/**
 * Each file's parse, kept by its path with the text it was parsed from, so reading a case again
 * (`astro dev`, after one file changed) parses only the files whose text changed. A parse reads
 * nothing but its file's text and which files lie beside it (images), so whoever keeps one must
 * empty it when a file other than an entry is added or removed.
 */
export type ParseCache = Map<string, { text: string; parsed: ReturnType<typeof parseEntry> }>;

/** Reads and validates every entry of a case; with a cache, an entry whose text is unchanged is not parsed again. */
export function readCase(source: ContentSource, cache?: ParseCache): CaseFiles {
  const files: ReadFile[] = [];
  const problems: CaseProblem[] = [];
  const unparsed: string[] = [];
  const root = source.displayRoot;
  if (!source.exists()) {
    problems.push({
      file: root,
      field: '(content root)',
      message: 'the content folder does not exist',
      fix: 'create it, or point CASEFILE_CONTENT at your content folder',
    });
    return { inputs: [], files, problems, unparsed };
  }
  let entries = 0;
  // Collections in their listed order, then files by name: the order relationships are declared in.
  const rank = new Map<string, number>(COLLECTIONS.map((collection, index) => [collection, index]));
  const order = (relative: string) => rank.get(relative.slice(0, relative.indexOf('/'))) ?? COLLECTIONS.length;
  const listed = source
    .list()
    .map((relative) => ({ relative, order: order(relative) }))
    .sort((a, b) => a.order - b.order || (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0))
    .map(({ relative }) => relative);
  for (const relative of listed) {
    const [top = '', ...rest] = relative.split('/');
    if (top.startsWith('.')) continue;
    if (!isCollectionKey(top)) {
      if (relative === `${top}/`) {
        // Only eight folders: the closest is always worth naming.
        const suggestion = didYouMean(top, COLLECTIONS, Infinity);
        problems.push({
          file: `${root}/${top}`,
          field: '(folder)',
          message: `"${top}" is not a content type, so nothing in it is published`,
          fix: `${suggestion ? `did you mean "${suggestion}"? ` : ''}The folders are ${COLLECTIONS.join(', ')}`,
        });
      }
      continue;
    }
    if (rest.length === 0 || relative.endsWith('/')) continue;
    const file = `${root}/${relative}`;
    const wrong = misnamed(top, relative);
    if (wrong) {
      problems.push({ file, field: 'file name', message: wrong.message, fix: wrong.fix });
      continue;
    }
    if (!relative.endsWith('.md') && !relative.endsWith('.mdx')) continue;
    entries++;
    const text = source.read(relative);
    const kept = cache?.get(relative);
    const parsed =
      kept?.text === text ? kept.parsed : parseEntry(top, relative, file, text, (path) => source.has(path));
    cache?.set(relative, { text, parsed });
    problems.push(...parsed.problems);
    if (parsed.read) files.push(parsed.read);
    else unparsed.push(relative.replace(/\.mdx?$/, ''));
  }
  if (entries === 0 && problems.length === 0) {
    problems.push({
      file: root,
      field: '(content root)',
      message: 'the content folder holds no entries: the site would be empty',
      fix: `add entries in its folders (${COLLECTIONS.join(', ')}), or point CASEFILE_CONTENT at your case`,
    });
  }
  return { inputs: files.map((read) => read.input), files, problems, unparsed };
}

/** The case read and built, with every problem of reading and building. */
export type CheckedCase = BuildResult & CaseFiles;

/** Today's date (UTC), YYYY-MM-DD: the day after which nothing may be dated. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Reads, validates and builds a case, returning every problem; dates are checked against today unless told. */
export function checkCase(
  source: ContentSource,
  options: Omit<BuildOptions, 'unparsed'>,
  cache?: ParseCache,
): CheckedCase {
  const files = readCase(source, cache);
  const built = buildCase(files.inputs, { today: today(), ...options, unparsed: files.unparsed });
  return { ...files, model: built.model, problems: [...files.problems, ...built.problems] };
}

/** Reads and validates the case in a folder on disk. */
export function readCaseFolder(root: string): CaseFiles {
  return readCase(diskSource(root));
}

/** Reads, validates and builds the case in a folder on disk. */
export function checkCaseFolder(root: string, options: Omit<BuildOptions, 'unparsed'>): CheckedCase {
  return checkCase(diskSource(root), options);
}
