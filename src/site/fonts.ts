import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import subsetFont from 'subset-font';
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

/** Subsets (or reads from the cache) one format. */
async function subset(face: Uint8Array, key: string, text: string, format: 'woff2' | 'truetype'): Promise<Buffer> {
  const cached = path.join(CACHE, `${key}.${format}`);
  if (existsSync(cached)) return readFileSync(cached);
  const bytes = await subsetFont(Buffer.from(face), text, { targetFormat: format });
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(cached, bytes);
  return bytes;
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
  const [woff2, truetype] = [await subset(face, key, text, 'woff2'), await subset(face, key, text, 'truetype')];
  return { file: `case-hanzi-${key.slice(0, 10)}.woff2`, woff2, truetype, range: unicodeRange(characters) };
}

/** The case's CJK subset, built once per build; undefined when the case has no hanzi or no font was found. */
export function caseFont(): Promise<CaseFont | undefined> {
  building ??= build();
  return building;
}
