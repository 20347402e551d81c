import { parse, parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { checkElement, Region } from './elements.ts';
import type { FileCheck } from './findings.ts';
import type { Node } from './html-nodes.ts';

/**
 * The walk through a page or SVG as parse5 builds it (the WHATWG parsing algorithm, so character
 * references are decoded and comments dropped exactly as a browser does): each element to the
 * element rules, and the text in runs as a reader reads it, to the indicator rules.
 */

/** Elements a reader's eye runs through: their text joins the text around them. */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'i',
  'ins',
  'kbd',
  'label',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
  'font',
  'tt',
]);

/** Checks an HTML page, an SVG file, or HTML found inside a data file. */
export function checkHtml(check: FileCheck, markup: string): void {
  const document = check.file.endsWith('.svg') ? parseFragment(markup) : parse(markup);
  // Text is read in runs as a reader reads it: `xiao<em>hong</em>.org` shows xiaohong.org, so the
  // run goes on through inline elements and comments and ends only at a block's edge.
  const run: string[] = [];
  const flush = () => {
    if (run.length === 0) return;
    check.indicators.checkText(check, run.length === 1 ? (run[0] ?? '') : run.join(''), 'the text');
    run.length = 0;
  };
  // Depth first, in document order, on a stack (a page may nest deeper than the call stack): each
  // node with the region it sits in; `undefined` marks the end of a block, where a run ends.
  const nodes: (Node | undefined)[] = [document];
  const regions: Region[] = [Region.Outside];
  while (nodes.length > 0) {
    const node = nodes.pop();
    const region = regions.pop() ?? Region.Outside;
    if (node === undefined) {
      flush();
      continue;
    }
    if (node.nodeName === '#text') {
      run.push((node as DefaultTreeAdapterMap['textNode']).value);
      continue;
    }
    let inner = region;
    if ('tagName' in node) {
      inner = checkElement(check, node, region);
      if (!INLINE.has(node.tagName)) {
        flush();
        nodes.push(undefined);
        regions.push(inner);
      }
    }
    const children =
      node.nodeName === 'template'
        ? (node as DefaultTreeAdapterMap['template']).content.childNodes
        : 'childNodes' in node
          ? node.childNodes
          : [];
    for (let i = children.length - 1; i >= 0; i--) {
      nodes.push(children[i]);
      regions.push(inner);
    }
  }
  flush();
}
