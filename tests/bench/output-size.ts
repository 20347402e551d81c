import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * What a build writes and what a page makes the reader download: sizes of the output folder, and the
 * JavaScript and CSS each kind of page ships, gzipped. A page's eager JavaScript is its module scripts
 * (inline and external) with every module they import statically; modules reached only through
 * `import()` load later (when the reader opens search, the graph or the map) and are listed apart.
 */

/** Gzipped size at level 9, as static hosts precompress. */
export function gzipSize(bytes: Buffer | string): number {
  return gzipSync(bytes, { level: 9 }).length;
}

/** What a file of the output is, for the breakdown of the bytes per page. */
export type OutputKind = 'html' | 'entity STIX' | 'exports' | 'JSON records' | 'graph evidence' | 'search' | 'other';

/** The kinds in the order the report prints them. */
export const OUTPUT_KINDS: readonly OutputKind[] = [
  'html',
  'entity STIX',
  'exports',
  'JSON records',
  'graph evidence',
  'search',
  'other',
];

/** A total per kind, each starting at `value` (0 to add up, NaN for a site not built). */
export function kindTotals(value: number): Record<OutputKind, number> {
  return {
    html: value,
    'entity STIX': value,
    exports: value,
    'JSON records': value,
    'graph evidence': value,
    search: value,
    other: value,
  };
}

/**
 * The kind of a file by its path in the output: pages, an entity's STIX bundle or JSON record (beside
 * its dossier, `/<type>/<slug>.stix.json`, `.json`), the whole-case files under /exports/, the
 * explorer's /graph/evidence.json, the Pagefind and name indexes, and the rest (scripts, styles, images).
 */
export function outputKind(relative: string): OutputKind {
  const file = relative.split(path.sep).join('/');
  if (file.endsWith('.html')) return 'html';
  if (file.startsWith('exports/')) return 'exports';
  if (file === 'graph/evidence.json') return 'graph evidence';
  if (file.startsWith('pagefind/') || file.startsWith('search/names/')) return 'search';
  if (/^[^/]+\/[^/]+\.stix\.json$/.test(file)) return 'entity STIX';
  if (/^[^/]+\/[^/]+\.json$/.test(file) && !file.startsWith('graph/') && !file.startsWith('search/')) {
    return 'JSON records';
  }
  return 'other';
}

/** Sizes of a build's output. */
export interface OutputSize {
  /** Every file, bytes. */
  totalBytes: number;
  /** Number of files. */
  files: number;
  /** HTML pages. */
  htmlPages: number;
  /** Bytes of all HTML pages. */
  htmlBytes: number;
  /** The whole output divided by the HTML pages, bytes. */
  bytesPerPage: number;
  /** /graph.json, raw and gzipped; undefined when the build has none. */
  graphJson: { bytes: number; gzipBytes: number } | undefined;
  /** The Pagefind folder; undefined when the build has no search index. */
  searchIndex: { bytes: number; files: number } | undefined;
  /** casefile's name index for quick jumps (search/names/); undefined when the build has none. */
  nameIndex: { bytes: number; files: number } | undefined;
  /** Bytes of each kind of file (outputKind). */
  byKind: Record<OutputKind, number>;
}

/** Every file under a folder with its size. */
function filesUnder(root: string): { file: string; bytes: number }[] {
  const files: { file: string; bytes: number }[] = [];
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.push({ file, bytes: statSync(file).size });
  }
  return files;
}

/** Measures a build's output folder. */
export function measureOutput(dist: string): OutputSize {
  const files = filesUnder(dist);
  const html = files.filter(({ file }) => file.endsWith('.html'));
  const totalBytes = files.reduce((sum, { bytes }) => sum + bytes, 0);
  const graphFile = path.join(dist, 'graph.json');
  const graph = existsSync(graphFile) ? readFileSync(graphFile) : undefined;
  const pagefind = path.join(dist, 'pagefind');
  const index = existsSync(pagefind) ? filesUnder(pagefind) : undefined;
  const namesDir = path.join(dist, 'search/names');
  const names = existsSync(namesDir) ? filesUnder(namesDir) : undefined;
  const sum = (list: { bytes: number }[]) => list.reduce((total, { bytes }) => total + bytes, 0);
  const byKind = kindTotals(0);
  for (const { file, bytes } of files) byKind[outputKind(path.relative(dist, file))] += bytes;
  return {
    totalBytes,
    files: files.length,
    htmlPages: html.length,
    htmlBytes: html.reduce((sum, { bytes }) => sum + bytes, 0),
    bytesPerPage: html.length > 0 ? totalBytes / html.length : NaN,
    graphJson: graph ? { bytes: graph.length, gzipBytes: gzipSize(graph) } : undefined,
    searchIndex: index ? { bytes: sum(index), files: index.length } : undefined,
    nameIndex: names ? { bytes: sum(names), files: names.length } : undefined,
    byKind,
  };
}

/** What one page ships. */
export interface PageAssets {
  /** Site path of the page measured. */
  path: string;
  /** Whether the page exists in the build. */
  built: boolean;
  /** Gzipped JavaScript loaded with the page (inline and external module scripts and their static imports), bytes. */
  jsGzipBytes: number;
  /** Gzipped CSS loaded with the page (stylesheets and inline styles), bytes. */
  cssGzipBytes: number;
  /** Files of the eager JavaScript, site paths. */
  jsFiles: string[];
  /** Modules the page loads only on demand (dynamic `import()`), with the gzipped size each brings, bytes. */
  lazy: { file: string; gzipBytes: number }[];
}

const STATIC_IMPORT = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{},\s]+?\s*from\s*)?["'`](\.{0,2}\/[^"'`]+\.m?js)["'`]/g;
const DYNAMIC_IMPORT = /import\(\s*["'`](\.{0,2}\/[^"'`$]+\.m?js)["'`]\s*\)/g;
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
const STYLESHEET = /<link\b[^>]*\brel=["']?stylesheet["']?[^>]*>/gi;
const STYLE = /<style\b[^>]*>([\s\S]*?)<\/style>/gi;
const HREF = /\bhref=["']?([^"'\s>]+)/i;
const SRC = /\bsrc=["']?([^"'\s>]+)/i;

/** Resolves a URL a page or module names to a file in the build (site-absolute or relative). */
function resolveAsset(from: string, url: string): string | undefined {
  if (/^[a-z]+:/i.test(url) || url.startsWith('//')) return undefined;
  const clean = url.split(/[?#]/)[0] ?? url;
  const sitePath = clean.startsWith('/') ? clean : path.posix.join(path.posix.dirname(from), clean);
  return path.posix.normalize(sitePath);
}

/** A module with everything it imports statically, as site paths, in load order. */
function staticClosure(dist: string, entry: string, seen: Set<string>): string[] {
  if (seen.has(entry)) return [];
  seen.add(entry);
  const file = path.join(dist, entry);
  if (!existsSync(file)) return [];
  const code = readFileSync(file, 'utf8');
  const found = [entry];
  for (const match of code.matchAll(STATIC_IMPORT)) {
    const target = resolveAsset(entry, match[1] ?? '');
    if (target) found.push(...staticClosure(dist, target, seen));
  }
  return found;
}

/** Dynamic imports named by a set of modules (or inline code), as site paths. */
function dynamicImports(from: string, code: string): string[] {
  return [...code.matchAll(DYNAMIC_IMPORT)].flatMap((match) => resolveAsset(from, match[1] ?? '') ?? []);
}

/** The JavaScript and CSS a built page makes the browser load before the reader does anything. */
export function measurePageAssets(dist: string, sitePath: string): PageAssets {
  const file = path.join(dist, sitePath, sitePath.endsWith('.html') ? '' : 'index.html');
  if (!existsSync(file))
    return { path: sitePath, built: false, jsGzipBytes: 0, cssGzipBytes: 0, jsFiles: [], lazy: [] };
  const html = readFileSync(file, 'utf8');
  const seen = new Set<string>();
  const eager: string[] = [];
  let inlineJs = 0;
  const dynamic: string[] = [];
  for (const match of html.matchAll(SCRIPT)) {
    const [, attributes = '', body = ''] = match;
    if (/type=["']?application\/(?:ld\+)?json/i.test(attributes)) continue;
    const src = SRC.exec(attributes)?.[1];
    if (src) {
      const target = resolveAsset(sitePath, src);
      if (target) eager.push(...staticClosure(dist, target, seen));
    } else if (body.trim()) {
      inlineJs += gzipSize(body);
      dynamic.push(...dynamicImports(sitePath, body));
      for (const imported of body.matchAll(STATIC_IMPORT)) {
        const target = resolveAsset(sitePath, imported[1] ?? '');
        if (target) eager.push(...staticClosure(dist, target, seen));
      }
    }
  }
  for (const module of eager) dynamic.push(...dynamicImports(module, readFileSync(path.join(dist, module), 'utf8')));
  const sizeOf = (sitePaths: readonly string[]) =>
    sitePaths.reduce((sum, asset) => {
      const assetFile = path.join(dist, asset);
      return sum + (existsSync(assetFile) ? gzipSize(readFileSync(assetFile)) : 0);
    }, 0);
  const lazy = [...new Set(dynamic)]
    .filter((module) => !seen.has(module))
    .map((module) => {
      const closure = staticClosure(dist, module, new Set(seen));
      return { file: module, gzipBytes: sizeOf(closure) };
    });
  let css = 0;
  for (const match of html.matchAll(STYLESHEET)) {
    const href = HREF.exec(match[0])?.[1];
    const target = href ? resolveAsset(sitePath, href) : undefined;
    if (target) css += sizeOf([target]);
  }
  for (const match of html.matchAll(STYLE)) if (match[1]?.trim()) css += gzipSize(match[1]);
  return {
    path: sitePath,
    built: true,
    jsGzipBytes: inlineJs + sizeOf(eager),
    cssGzipBytes: css,
    jsFiles: eager,
    lazy,
  };
}
