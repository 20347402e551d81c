import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { cjkCharacters, collectionFace, unicodeRange } from '../lib/font-subset.ts';
import { SITE } from '../config.ts';
import { getCase } from './checked-case.ts';

/**
 * The site's own CJK face, "Case Hanzi": a subset of a CJK font holding exactly the characters the
 * case uses, made at build time with subset-font (HarfBuzz's subsetter), served as WOFF2 for the
 * pages and as TrueType for the sharing images. Hanzi then look the same whatever fonts a reader
 * has. The font is read from CASEFILE_CJK_FONT or the first of the usual system paths; without one
 * the build warns and pages fall back to the readers' own CJK fonts. Subsets are cached by content
 * under node_modules/.astro, so a rebuild with the same characters does not subset again.
 */

/** Where a CJK font is looked for, in order. */
const CANDIDATES = [
  process.env.CASEFILE_CJK_FONT,
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
].filter((file): file is string => Boolean(file));

// Under Astro's cache folder, so whatever clears it for a cold build (the benchmark does) clears this too.
const CACHE = path.resolve('node_modules/.astro/casefile/fonts');

/** The built subset. */
export interface CaseFont {
  /** File name of the WOFF2 under /fonts/, with a content hash. */
  file: string;
  /** The WOFF2 bytes. */
  woff2: Buffer;
  /** The same subset as TrueType, for the sharing images. */
  truetype: Buffer;
  /** The CSS unicode-range of the characters it holds. */
  range: string;
}

let building: Promise<CaseFont | undefined> | undefined;

type Format = 'woff2' | 'truetype';

/**
 * Subsets a face into each format on a worker thread of its own: HarfBuzz and the WOFF2 encoder
 * are WebAssembly modules whose memories (over 100 MB once a CJK face is loaded) never shrink, so on
 * the build's thread they stayed alive, unused, through every page after the first. The worker's
 * memory goes with it.
 */
function subsetOnWorker(face: Uint8Array, text: string, formats: readonly Format[]): Promise<Buffer[]> {
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    const subsetFont = require(workerData.module);
    const { face, text, formats } = workerData;
    Promise.all(formats.map((format) => subsetFont(Buffer.from(face), text, { targetFormat: format }))).then(
      (made) => parentPort.postMessage(made),
    );
  `;
  const module = createRequire(import.meta.url).resolve('subset-font');
  return new Promise((resolve, reject) => {
    const worker = new Worker(source, { eval: true, workerData: { module, face, text, formats } });
    worker.once('message', (made: Uint8Array[]) => resolve(made.map((bytes) => Buffer.from(bytes))));
    worker.once('error', (error) => reject(new Error('the CJK font could not be subset', { cause: error })));
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the CJK font could not be subset (worker exit ${code})`));
    });
  });
}

/** Subsets (or reads from the cache) each format, in the order asked. */
async function subsets(face: Uint8Array, key: string, text: string, formats: readonly Format[]): Promise<Buffer[]> {
  const file = (format: Format) => path.join(CACHE, `${key}.${format}`);
  const missing = formats.filter((format) => !existsSync(file(format)));
  const made = missing.length > 0 ? await subsetOnWorker(face, text, missing) : [];
  if (made.length !== missing.length) throw new Error('the CJK font subsetter made fewer files than asked');
  mkdirSync(CACHE, { recursive: true });
  missing.forEach((format, i) => {
    const bytes = made[i];
    if (bytes) writeFileSync(file(format), bytes);
  });
  return formats.map((format) => made[missing.indexOf(format)] ?? readFileSync(file(format)));
}

async function build(): Promise<CaseFont | undefined> {
  const source = CANDIDATES.find((file) => existsSync(file));
  const model = await getCase();
  const texts = [SITE.title, SITE.description];
  for (const entry of model.entries.values()) texts.push(entry.body, JSON.stringify(entry.data));
  const characters = cjkCharacters(texts);
  if (characters.length === 0) return undefined;
  if (!source) {
    console.warn(
      `[casefile:fonts] no CJK font found (looked at ${CANDIDATES.join(', ')}): pages fall back to readers' fonts for hanzi and sharing images cannot draw them. Install fonts-wqy-microhei or set CASEFILE_CJK_FONT.`,
    );
    return undefined;
  }
  const fontBytes = readFileSync(source);
  const text = characters.join('');
  const key = createHash('sha256').update(fontBytes).update(text).digest('hex').slice(0, 16);
  const face = collectionFace(fontBytes);
  const [woff2 = Buffer.alloc(0), truetype = Buffer.alloc(0)] = await subsets(face, key, text, ['woff2', 'truetype']);
  return { file: `case-hanzi-${key.slice(0, 10)}.woff2`, woff2, truetype, range: unicodeRange(characters) };
}

/** The case's CJK subset, built once per build; undefined when the case has no hanzi or no font was found. */
export function caseFont(): Promise<CaseFont | undefined> {
  building ??= build();
  return building;
}
