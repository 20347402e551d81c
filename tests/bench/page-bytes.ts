import { readFileSync } from 'node:fs';
import { parse, type DefaultTreeAdapterMap } from 'parse5';

/**
 * What one built page's bytes are made of: the size of each element down to a depth (its whole markup,
 * children included), and the bytes of tags, of each attribute and of each class over the whole page,
 * so that a change to a dossier's markup can be aimed at what is large and measured after.
 *
 *   node tests/bench/page-bytes.ts dist/actors/actor-00002/index.html [--depth 9] [--min 400]
 */

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** One element's place and size. */
export interface RegionBytes {
  /** How deep it sits (html is 1). */
  depth: number;
  /** Bytes from its start tag to its end tag. */
  bytes: number;
  /** Its tag, #id and .classes, as a selector would name it. */
  label: string;
}

/** A page's bytes by element, tag, attribute and class. */
export interface PageBytes {
  /** The whole file. */
  total: number;
  /** Text outside tags. */
  text: number;
  /** Elements in document order. */
  regions: RegionBytes[];
  /** Start and end tags by tag name, attributes excluded. */
  tags: Map<string, number>;
  /** Each attribute's name, value, quotes and space, by name. */
  attributes: Map<string, number>;
  /** Each class name and its separating space, by class. */
  classes: Map<string, number>;
}

const isElement = (node: Node): node is Element => 'tagName' in node;

/** Measures a page's markup (byte offsets are UTF-16 offsets, so hanzi count once; near enough to aim). */
export function pageBytes(html: string): PageBytes {
  const result: PageBytes = {
    total: Buffer.byteLength(html),
    text: 0,
    regions: [],
    tags: new Map(),
    attributes: new Map(),
    classes: new Map(),
  };
  const add = (map: Map<string, number>, key: string, bytes: number) => map.set(key, (map.get(key) ?? 0) + bytes);
  const walk = (node: Node, depth: number) => {
    if (node.nodeName === '#text' && 'value' in node) result.text += Buffer.byteLength(node.value);
    if (isElement(node)) {
      const location = node.sourceCodeLocation;
      const attribute = (name: string) => node.attrs.find((attr) => attr.name === name)?.value;
      const id = attribute('id');
      const classes = attribute('class')?.split(/\s+/).filter(Boolean) ?? [];
      if (location) {
        result.regions.push({
          depth,
          bytes: location.endOffset - location.startOffset,
          label: `${node.tagName}${id ? `#${id}` : ''}${classes.map((name) => `.${name}`).join('')}`,
        });
        const attributeBytes = node.attrs.reduce(
          (sum, attr) => sum + attr.name.length + 1 + (attr.value ? attr.value.length + 3 : 0),
          0,
        );
        const start = location.startTag ? location.startTag.endOffset - location.startTag.startOffset : 0;
        const end = location.endTag ? location.endTag.endOffset - location.endTag.startOffset : 0;
        add(result.tags, node.tagName, start + end - attributeBytes);
      }
      for (const attr of node.attrs) {
        add(result.attributes, attr.name, attr.name.length + 1 + (attr.value ? attr.value.length + 3 : 0));
      }
      for (const name of classes) add(result.classes, name, name.length + 1);
    }
    const children = 'content' in node ? node.content.childNodes : 'childNodes' in node ? node.childNodes : [];
    for (const child of children) walk(child, depth + 1);
  };
  walk(parse(html, { sourceCodeLocationInfo: true }), 0);
  return result;
}

/** The largest entries of a tally, as aligned lines. */
function largest(map: ReadonlyMap<string, number>, count: number): string {
  return [...map]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, count)
    .map(([name, bytes]) => `${String(bytes).padStart(8)}  ${name}`)
    .join('\n');
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const file = args.find((arg, i) => !arg.startsWith('--') && !args[i - 1]?.startsWith('--'));
  if (!file) throw new Error('Usage: node tests/bench/page-bytes.ts <built page.html> [--depth 9] [--min 400]');
  const option = (name: string, fallback: number) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const [depth, min] = [option('depth', 9), option('min', 400)];
  const measured = pageBytes(readFileSync(file, 'utf8'));
  console.log(`${file}: ${measured.total} bytes, ${measured.text} of them text`);
  console.log(`\nElements of ${min} bytes or more, to depth ${depth}:`);
  for (const region of measured.regions) {
    if (region.depth <= depth && region.bytes >= min) {
      console.log(`${String(region.bytes).padStart(8)}  ${'  '.repeat(region.depth - 1)}${region.label}`);
    }
  }
  console.log(`\nTags (without attributes):\n${largest(measured.tags, 15)}`);
  console.log(`\nAttributes:\n${largest(measured.attributes, 15)}`);
  console.log(`\nClasses:\n${largest(measured.classes, 25)}`);
}
