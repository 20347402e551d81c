import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import type { AnyCaseInput, FieldPath } from '../lib/case.ts';
import { indicatorMatcher, type IndicatorKind } from '../lib/defang.ts';
import { entryId, parseEntryId, type EntryId } from '../lib/ids.ts';
import { COLLECTIONS } from '../lib/schema/entity-types.ts';
import { INDICATOR_KINDS } from '../lib/schema/identities.ts';
import { formatFieldPath, formatProblem, sortProblems, type CaseProblem } from '../lib/problems.ts';
import {
  foldForMatching,
  type PublishedCheckOptions,
  type PublishedFinding,
  type PublishedIndicator,
} from '../lib/published-check.ts';
import { builtFiles } from './built-files.ts';
import { checkShare, isCheckedFile, type CheckedFile, type CheckWork } from './published-check-share.ts';
import type { WatchMessage, WorkerData } from './published-check-worker.ts';
import { currentCase } from '../reader/session.ts';

/**
 * Every page and data file Astro writes is checked as readers and tools will read it
 * (src/lib/published-check.ts): most while the build is still rendering, on a worker that reads each
 * file as it is written, and at the end of the build the rest, with every early result confirmed by
 * the file's hash. Any finding fails the build, names the content file and field it came from, and
 * removes the built site, so nothing unsafe is left to publish.
 */

/** Every checked file under the output folder, relative to it; Pagefind's index is its own. */
function publishedFiles(root: string): string[] {
  return builtFiles(root, isCheckedFile);
}

/** The indicators of a case: every identity of kind domain, url or email, drafts included. */
export function indicatorsOf(inputs: readonly AnyCaseInput[]): PublishedIndicator[] {
  return inputs.flatMap((input) =>
    input.collection === 'identities' && (INDICATOR_KINDS as readonly string[]).includes(input.data.kind)
      ? [{ value: input.data.value, kind: input.data.kind as IndicatorKind, id: entryId('identities', input.slug) }]
      : [],
  );
}

const PAGE_OF_ENTRY = new RegExp(`^(${COLLECTIONS.join('|')})/([a-z0-9-]+)(?:/index\\.html|\\.json|\\.stix\\.json)$`);

/** The entry a built file shows, when it shows one entry. */
function entryOfFile(file: string): EntryId | undefined {
  const match = PAGE_OF_ENTRY.exec(file);
  return match ? parseEntryId(`${match[1] ?? ''}/${match[2] ?? ''}`) : undefined;
}

/**
 * A content text as a reader ends up seeing it: parsed as HTML (character references decoded,
 * comments gone), Markdown's backslash escapes removed, then folded as the checker folds the pages.
 * Text runs are joined as written; attribute values (a raw link's address) are read on their own.
 */
function readerTexts(text: string): string[] {
  const runs: string[] = [];
  const attributes: string[] = [];
  const visit = (node: DefaultTreeAdapterMap['parentNode'] | DefaultTreeAdapterMap['childNode']) => {
    if (node.nodeName === '#text') runs.push((node as DefaultTreeAdapterMap['textNode']).value);
    if ('attrs' in node) for (const attr of node.attrs) attributes.push(attr.value);
    if ('childNodes' in node) node.childNodes.forEach(visit);
  };
  visit(parseFragment(text));
  return [runs.join(''), ...attributes].map((part) => foldForMatching(part.replace(/\\([!-/:-@[-`{-~])/g, '$1')));
}

/** One text of an entry where a finding may have come from. */
interface ContentField {
  field: string;
  path: FieldPath;
  text: string;
}

/**
 * The body and every frontmatter string of an entry, except an indicator identity's own `value`:
 * pages only ever show it defanged, and data files carry it plain for tools on purpose.
 */
function fieldsOf(input: AnyCaseInput): ContentField[] {
  const fields: ContentField[] = [{ field: 'body', path: [], text: input.body }];
  const visit = (value: unknown, at: (string | number)[]) => {
    if (typeof value === 'string') fields.push({ field: formatFieldPath(at), path: at, text: value });
    else if (Array.isArray(value)) value.forEach((item, i) => visit(item, [...at, i]));
    else if (value !== null && typeof value === 'object')
      for (const [key, item] of Object.entries(value)) {
        if (at.length === 0 && key === 'value' && input.collection === 'identities') continue;
        visit(item, [...at, key]);
      }
  };
  visit(input.data, []);
  return fields;
}

/**
 * Whether a field holds what a finding traces: an indicator as a reader reads the field; a tag,
 * attribute or scheme as written, or as a reader reads it (a scheme may be written with character
 * references, or split by tabs and newlines, which the URL parser drops).
 */
function fieldHolds(field: ContentField, finding: PublishedFinding): boolean {
  const texts = readerTexts(field.text);
  if (finding.indicator) {
    const kind = finding.indicator.kind === 'email' ? 'email' : 'domain';
    const match = indicatorMatcher([{ value: finding.trace, kind }]);
    return texts.some((text) => match(text).length > 0);
  }
  const trace = finding.trace.toLowerCase();
  return [field.text, ...texts].some((text) =>
    text
      .replace(/[\t\n\r]/g, '')
      .toLowerCase()
      .includes(trace),
  );
}

/**
 * The content files and fields findings came from, as problems an author can act on. A page of one
 * entry is traced to that entry first; a listing or an export, which repeats texts shown on the
 * entries' own pages, only where no entry page explained the same thing.
 */
export function traceFindings(
  findings: readonly PublishedFinding[],
  inputs: readonly AnyCaseInput[],
  outDir: string,
): CaseProblem[] {
  const byId = new Map(inputs.map((input) => [entryId(input.collection, input.slug), input]));
  const traced = new Map<string, { problem: Omit<CaseProblem, 'message'>; message: string; files: string[] }>();
  const explained = new Map<string, string[]>();
  const add = (key: string, problem: Omit<CaseProblem, 'message'>, message: string, file: string) => {
    const known = traced.get(key);
    if (known) known.files.push(file);
    else traced.set(key, { problem, message, files: [file] });
  };
  // Entry pages first, and of each entry its HTML page first: its wording is the one a reader sees.
  const rank = (file: string) => (entryOfFile(file) ? 0 : 2) + (file.endsWith('.html') ? 0 : 1);
  const ordered = [...findings].sort((a, b) => rank(a.file) - rank(b.file));
  for (const finding of ordered) {
    const what = `${finding.kind}\n${finding.trace}`;
    const id = entryOfFile(finding.file);
    const shown = id ? byId.get(id) : undefined;
    const search = (candidates: readonly AnyCaseInput[]) =>
      candidates.flatMap((input) =>
        fieldsOf(input)
          .filter((field) => fieldHolds(field, finding))
          .map((field) => ({ input, field })),
      );
    let matches = shown ? search([shown]) : [];
    if (matches.length === 0) {
      const keys = explained.get(what);
      if (!shown && keys) {
        for (const key of keys) traced.get(key)?.files.push(finding.file);
        continue;
      }
      matches = search(inputs.filter((input) => input !== shown));
    }
    if (matches.length === 0) {
      const file = shown?.file ?? path.join(outDir, finding.file);
      add(`${file}\n${what}`, { file, field: '(built page)', fix: finding.fix }, finding.message, finding.file);
      continue;
    }
    for (const { input, field } of matches) {
      const key = `${input.file}\n${field.field}\n${what}`;
      const line = field.field === 'body' ? undefined : input.locate?.(field.path);
      add(key, { file: input.file, field: field.field, line, fix: finding.fix }, finding.message, finding.file);
      explained.set(what, [...(explained.get(what) ?? []), key]);
    }
  }
  return sortProblems(
    [...traced.values()].map(({ problem, message, files }) => {
      const first = path.join(outDir, files[0] ?? '');
      const others = files.length > 1 ? ` and ${files.length - 1} other built file${files.length > 2 ? 's' : ''}` : '';
      return { ...problem, message: `${message}: in ${first}${others}` };
    }),
  );
}

/** Workers at most: the machine may be shared. */
const MAX_WORKERS = 4;

/** What the previous build checked: every file's digest and findings, valid for one checker and settings. */
interface CheckCache {
  /** Digest of the checker's code and settings the files were checked with. */
  key: string;
  /** By file, relative to the output folder. */
  files: Record<string, { digest: string; findings: PublishedFinding[] }>;
}

/** The file, in Astro's cache folder, that keeps the previous build's check. */
const CACHE_FILE = 'casefile/published-check.json';

/** Every file under a folder (recursively) whose name ends in `.ts`, sorted. */
function sourcesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .sort()
    .map((file) => path.join(folder, file));
}

/**
 * The key a cached check is valid under: the settings, and the code that checks (all of src/lib,
 * which holds the checker and what it calls, this folder's check files, and the locked dependencies,
 * parse5 among them). Any change to one of them checks every file again.
 */
export function checkKey(options: PublishedCheckOptions): string {
  const src = fileURLToPath(new URL('..', import.meta.url));
  const here = fileURLToPath(new URL('.', import.meta.url));
  const lock = path.join(src, '..', 'package-lock.json');
  const code = [
    ...sourcesUnder(path.join(src, 'lib')),
    ...sourcesUnder(here).filter((file) => path.basename(file).startsWith('published-check')),
    ...(existsSync(lock) ? [lock] : []),
  ];
  const hash = createHash('sha256').update(JSON.stringify(options));
  for (const file of code) hash.update(`\n${path.relative(src, file)}\n`).update(readFileSync(file));
  return hash.digest('hex');
}

/** The previous build's check, when it was made under the same key. */
function readCache(file: string, key: string): CheckCache['files'] {
  if (!existsSync(file)) return {};
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as CheckCache;
    return parsed.key === key && typeof parsed.files === 'object' ? parsed.files : {};
  } catch {
    // A cache cut short (a build stopped while writing it) is no cache.
    return {};
  }
}

/** What a worker answers with its share: the files, and the CPU time the worker used. */
interface ShareAnswer {
  checked: CheckedFile[];
  cpuMs: number;
}

/** The worker's file, beside this one. */
const WORKER = new URL('./published-check-worker.ts', import.meta.url);

/** A worker's answers, in order; its failure or an exit before it answered rejects the one awaited. */
function answers(worker: Worker): () => Promise<unknown> {
  const queue: unknown[] = [];
  let waiting: { resolve: (value: unknown) => void; reject: (error: Error) => void } | undefined;
  let failed: Error | undefined;
  const fail = (error: Error) => {
    failed ??= error;
    waiting?.reject(failed);
    waiting = undefined;
  };
  worker.on('message', (message: unknown) => {
    if (waiting) waiting.resolve(message);
    else queue.push(message);
    waiting = undefined;
  });
  worker.once('error', fail);
  worker.once('exit', (code) => fail(new Error(`the check of the built pages stopped (worker exit ${code})`)));
  return () =>
    queue.length > 0
      ? Promise.resolve(queue.shift())
      : failed
        ? Promise.reject(failed)
        : new Promise((resolve, reject) => (waiting = { resolve, reject }));
}

/** Checks one share on a new worker thread. */
async function checkOnWorker(work: CheckWork): Promise<ShareAnswer> {
  const workerData: WorkerData = { watch: false, ...work };
  const worker = new Worker(WORKER, { workerData });
  return (await answers(worker)()) as ShareAnswer;
}

/**
 * The check that starts before the pages are written: a worker that checks each file as Astro
 * writes it (src/integrations/published-check-watch.ts), so that at the end of the build most of the
 * work is done and only needs its files hashed again.
 */
export class EarlyCheck {
  readonly #worker: Worker;
  readonly #next: () => Promise<unknown>;
  /** The settings it checks with. */
  readonly options: PublishedCheckOptions;
  /** The output folder it watches. */
  readonly out: string;

  constructor(out: string, options: PublishedCheckOptions, cacheFile?: string) {
    this.out = out;
    this.options = options;
    const known = cacheFile ? knownDigests(readCache(cacheFile, checkKey(options))) : {};
    const workerData: WorkerData = { watch: true, out, options, known };
    this.#worker = new Worker(WORKER, { workerData });
    // A build that fails before its end must not wait for this thread.
    this.#worker.unref();
    // A failure before the end is kept for `stop`, which then leaves the whole check to the end.
    this.#next = answers(this.#worker);
  }

  /** Stops watching; the files the worker has checked so far. */
  async stop(): Promise<string[]> {
    this.#worker.postMessage({ type: 'stop' } satisfies WatchMessage);
    return ((await this.#next()) as { early: string[] }).early;
  }

  /** The final word on a share of the files: what was checked early, where unchanged, and the rest checked now. */
  async finish(files: string[]): Promise<ShareAnswer> {
    this.#worker.postMessage({ type: 'finish', files } satisfies WatchMessage);
    return (await this.#next()) as ShareAnswer;
  }

  /** Ends the worker. */
  async end(): Promise<void> {
    await this.#worker.terminate();
  }
}

/** The digests of the previous build's check, by file. */
function knownDigests(cached: CheckCache['files']): Record<string, string> {
  return Object.fromEntries(Object.entries(cached).map(([file, entry]) => [file, entry.digest]));
}

/** What a check of the built files found, and what it took. */
export interface CheckResult {
  /** Every finding, in file order. */
  findings: PublishedFinding[];
  /** Files whose bytes the previous build checked, not parsed again. */
  reused: number;
  /** Files checked while the pages were being written (and found unchanged at the end). */
  early: number;
  /** CPU time of the worker threads, in milliseconds (0 when the check ran on the build's thread). */
  workerCpuMs: number;
}

/**
 * Checks the files and returns every finding in file order. With an early check (started before
 * the pages were written), the files it checked are hashed again by it and the rest shared out
 * between it and, when many remain, more workers; without one, the files are shared out over worker
 * threads (every n-th file, so large and small pages mix). With a cache file, a file whose bytes the
 * previous build checked under the same key keeps that build's findings and is not parsed again (an
 * author's next build after an edit re-checks only the files the edit changed).
 */
export async function checkFiles(
  out: string,
  files: readonly string[],
  options: PublishedCheckOptions,
  cacheFile?: string,
  early?: EarlyCheck,
): Promise<CheckResult> {
  const key = cacheFile ? checkKey(options) : '';
  const cached = cacheFile ? readCache(cacheFile, key) : {};
  const known = knownDigests(cached);
  let checkedEarly = new Set<string>();
  if (early) {
    try {
      checkedEarly = new Set(await early.stop());
    } catch {
      // The early worker failed: everything is checked here.
      early = undefined;
    }
  }
  const fresh = files.filter((file) => known[file] === undefined && !checkedEarly.has(file)).length;
  // A worker costs a start-up (its own module graph); a few files are checked on this thread.
  // Beside an early check (a worker already warm), more workers only where many files remain.
  const limit = Math.max(1, Math.min(MAX_WORKERS, availableParallelism()));
  const byLoad = Math.floor(fresh / 500);
  const count = early ? 1 + Math.min(limit - 1, byLoad) : Math.max(1, Math.min(limit, byLoad));
  const rest = files.filter((file) => !checkedEarly.has(file));
  const shares = Array.from({ length: count }, (_, i) => rest.filter((_file, j) => j % count === i));
  const work = (share: string[]): CheckWork => ({ out, files: share, options, known });
  let pending: Promise<ShareAnswer>[];
  if (early) {
    const mine = [...files.filter((file) => checkedEarly.has(file)), ...(shares[0] ?? [])];
    pending = [early.finish(mine), ...shares.slice(1).map((share) => checkOnWorker(work(share)))];
  } else if (count === 1) {
    pending = [Promise.resolve({ checked: checkShare(work(shares[0] ?? [])), cpuMs: 0 })];
  } else {
    pending = shares.map((share) => checkOnWorker(work(share)));
  }
  const results = await Promise.all(pending);
  const checked = results.flatMap((result) => result.checked);
  const order = new Map(files.map((file, i) => [file, i]));
  checked.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0));
  const findingsOf = (entry: CheckedFile) => (entry.reused ? (cached[entry.file]?.findings ?? []) : entry.findings);
  if (cacheFile) {
    const next: CheckCache = {
      key,
      files: Object.fromEntries(
        checked.map((entry) => [entry.file, { digest: entry.digest, findings: findingsOf(entry) }]),
      ),
    };
    mkdirSync(path.dirname(cacheFile), { recursive: true });
    writeFileSync(cacheFile, JSON.stringify(next));
  }
  return {
    findings: checked.flatMap(findingsOf),
    reused: checked.filter((entry) => entry.reused).length,
    early: files.filter((file) => checkedEarly.has(file)).length,
    workerCpuMs: results.reduce((sum, result) => sum + result.cpuMs, 0),
  };
}

/** The settings of the check of a case: the site's address with its base path, and the case's indicators. */
function settingsOf(root: string, options: { site: string; base: string }): PublishedCheckOptions {
  // Every file the check read, drafts included: a draft's domain must not leak either.
  const inputs = currentCase(root).files.map((file) => file.input);
  return { site: new URL(options.base, options.site).href, indicators: indicatorsOf(inputs) };
}

/**
 * The check as an Astro integration; its end must run after every step that writes pages or data.
 * It starts checking when the build starts, on a worker that reads each file as Astro writes it,
 * and at the end checks what is left and hashes again what was checked early.
 */
export function publishedCheck(options: { contentRoot: string; site: string; base: string }): AstroIntegration {
  const root = path.resolve(options.contentRoot);
  let cacheFile: string | undefined;
  let outDir: string | undefined;
  let early: EarlyCheck | undefined;
  return {
    name: 'casefile:published-check',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheFile = path.join(fileURLToPath(config.cacheDir), CACHE_FILE);
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': () => {
        if (outDir === undefined) return;
        // Astro makes the folder when it writes the first page; the watch needs it now.
        mkdirSync(outDir, { recursive: true });
        early = new EarlyCheck(outDir, settingsOf(root, options), cacheFile);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const inputs = currentCase(root).files.map((file) => file.input);
        const files = publishedFiles(out);
        const settings = settingsOf(root, options);
        // What was checked early counts only if it was this folder, under these very settings.
        const same = early && early.out === out && JSON.stringify(early.options) === JSON.stringify(settings);
        if (early && !same) await early.end();
        const result = await checkFiles(out, files, settings, cacheFile, same ? early : undefined).finally(() =>
          early?.end(),
        );
        const { findings, reused } = result;
        if (findings.length === 0) {
          const unchanged = reused > 0 ? ` (${reused} unchanged since the last build, not parsed again)` : '';
          logger.info(`${files.length} built files checked${unchanged}: no live indicator, unsafe address or markup`);
          logger.info(
            `${result.early} of them while pages were written; the check's workers used ${(result.workerCpuMs / 1000).toFixed(1)} s of CPU`,
          );
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
      },
    },
  };
}
