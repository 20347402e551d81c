/**
 * The pieces of the site's own CJK font that are plain data work: which characters the case needs,
 * how a CSS `unicode-range` lists them, and how one face is taken out of a TrueType collection
 * (a .ttc, as Linux distributions ship CJK fonts) so a subsetter that reads single fonts can use it.
 */

// Han characters, CJK symbols and punctuation, and full-width forms: what the :lang(zh) rules
// style and what a Latin face does not cover.
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/gu;

/** The CJK characters used in some texts, each once, by code point. */
export function cjkCharacters(texts: Iterable<string>): string[] {
  const found = new Set<string>();
  for (const text of texts) for (const match of text.matchAll(CJK)) found.add(match[0]);
  return [...found].sort((a, b) => (a.codePointAt(0) ?? 0) - (b.codePointAt(0) ?? 0));
}

/** A CSS unicode-range for characters sorted by code point, runs of neighbours as ranges. */
export function unicodeRange(characters: readonly string[]): string {
  const points = characters.map((character) => character.codePointAt(0) ?? 0);
  const parts: string[] = [];
  const hex = (point: number) => point.toString(16).toUpperCase();
  for (let i = 0; i < points.length;) {
    let j = i;
    while (j + 1 < points.length && points[j + 1] === (points[j] ?? 0) + 1) j++;
    const [start, end] = [points[i] ?? 0, points[j] ?? 0];
    parts.push(start === end ? `U+${hex(start)}` : `U+${hex(start)}-${hex(end)}`);
    i = j + 1;
  }
  return parts.join(', ');
}

/**
 * One face of a TrueType collection as a standalone font: its table directory, with each table it
 * names copied after it (4-byte aligned) and the offsets rewritten. A single font is returned as is.
 */
export function collectionFace(bytes: Uint8Array, index = 0): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = String.fromCharCode(...bytes.subarray(0, 4));
  if (tag !== 'ttcf') return bytes;
  const faces = view.getUint32(8);
  if (index >= faces) throw new RangeError(`the collection has ${faces} faces; there is no face ${index}`);
  const start = view.getUint32(12 + 4 * index);
  const tables = view.getUint16(start + 4);
  const directory = 12 + 16 * tables;
  const records = Array.from({ length: tables }, (_, t) => {
    const at = start + 12 + 16 * t;
    return { at, offset: view.getUint32(at + 8), length: view.getUint32(at + 12) };
  });
  const size = records.reduce((sum, record) => sum + Math.ceil(record.length / 4) * 4, directory);
  const out = new Uint8Array(size);
  const outView = new DataView(out.buffer);
  out.set(bytes.subarray(start, start + 12), 0);
  let position = directory;
  records.forEach((record, t) => {
    out.set(bytes.subarray(record.at, record.at + 8), 12 + 16 * t);
    outView.setUint32(12 + 16 * t + 8, position);
    outView.setUint32(12 + 16 * t + 12, record.length);
    out.set(bytes.subarray(record.offset, record.offset + record.length), position);
    position += Math.ceil(record.length / 4) * 4;
  });
  return out;
}
