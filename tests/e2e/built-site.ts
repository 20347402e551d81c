import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import exifr from 'exifr';

/**
 * Reading a built site from disk, as a static host would publish it: every file, with Pagefind's
 * compressed index opened up so what it holds can be searched like the pages.
 */

/** The project root, where dist/ and dist-fixture/ live. */
export const ROOT = path.resolve(import.meta.dirname, '../..');

/** Every file under a built site, as paths relative to it, sorted. */
export function builtFiles(dist: string, folder = ''): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(path.join(ROOT, dist, folder), { withFileTypes: true })) {
    const relative = path.join(folder, entry.name);
    if (entry.isDirectory()) files.push(...builtFiles(dist, relative));
    else files.push(relative);
  }
  return files.sort();
}

/** The bytes of a built file, decompressed when it is gzip (as Pagefind's index and fragments are). */
export function builtBytes(dist: string, file: string): Buffer {
  const bytes = readFileSync(path.join(ROOT, dist, file));
  return bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
}

/** The site paths of every HTML page, e.g. `/`, `/people/gao-qiang/`, `/404.html`. */
export function builtPages(dist: string): string[] {
  return builtFiles(dist)
    .filter((file) => file.endsWith('.html'))
    .map((file) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`);
}

/** Whether a built page only forwards to another (an old slug's redirect page). */
export function isRedirectPage(dist: string, page: string): boolean {
  const file = page.endsWith('/') ? `${page}index.html` : page;
  return /<meta\s+http-equiv="refresh"/i.test(readFileSync(path.join(ROOT, dist, file), 'utf8'));
}

/** Image files a page can show. */
export const IMAGE_FILE = /\.(jpe?g|png|webp|avif|gif|tiff?|heic|heif)$/i;

/** The RIFF chunks of a WebP file, by their four-letter ids. */
function webpChunks(bytes: Buffer): { id: string; data: Buffer }[] {
  const chunks: { id: string; data: Buffer }[] = [];
  if (bytes.toString('latin1', 0, 4) !== 'RIFF' || bytes.toString('latin1', 8, 12) !== 'WEBP') return chunks;
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const id = bytes.toString('latin1', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    chunks.push({ id, data: bytes.subarray(offset + 8, offset + 8 + size) });
    offset += 8 + size + (size % 2);
  }
  return chunks;
}

/**
 * Every metadata tag an image carries (EXIF, GPS, XMP, IPTC), as `name=value` lines; empty when
 * the file is clean. exifr reads JPEG, PNG, AVIF, TIFF and HEIC itself; WebP keeps its EXIF and
 * XMP in chunks of its own, which are opened here and read the same way.
 */
export async function imageMetadata(bytes: Buffer): Promise<string[]> {
  // PNG's IHDR (size, bit depth) is the image itself, not metadata about it.
  const options = { tiff: true, exif: true, gps: true, ifd1: true, interop: true, xmp: true, iptc: true, ihdr: false };
  const chunks = webpChunks(bytes);
  const tags: Record<string, unknown> = {};
  if (chunks.length > 0) {
    for (const chunk of chunks) {
      if (chunk.id === 'EXIF') {
        // Some writers start the chunk with the JPEG segment's "Exif\0\0" header, others with TIFF.
        const tiff = chunk.data.toString('latin1', 0, 4) === 'Exif' ? chunk.data.subarray(6) : chunk.data;
        Object.assign(tags, (await exifr.parse(tiff, options)) ?? { EXIF: `${chunk.data.length} unreadable bytes` });
      }
      if (chunk.id === 'XMP ') tags.XMP = chunk.data.toString('utf8').slice(0, 200);
    }
  } else {
    Object.assign(tags, (await exifr.parse(bytes, options)) ?? {});
  }
  // AVIF and HEIC keep EXIF in an item exifr may fail to read: find its TIFF header directly.
  if (bytes.toString('latin1', 4, 8) === 'ftyp') {
    const at = [bytes.indexOf('II*\0', 0, 'latin1'), bytes.indexOf('MM\0*', 0, 'latin1')].filter((i) => i >= 0);
    if (at.length > 0) {
      const tiff = bytes.subarray(Math.min(...at));
      Object.assign(
        tags,
        (await exifr.parse(tiff, options).catch(() => undefined)) ?? { EXIF: 'unreadable TIFF block' },
      );
    }
  }
  delete tags.errors;
  return Object.entries(tags).map(([name, value]) => `${name}=${JSON.stringify(value)}`);
}
