import type { DefaultTreeAdapterMap } from 'parse5';

/** The parse5 node shapes the HTML rules walk. */

/** Any node of a parsed document. */
export type Node = DefaultTreeAdapterMap['node'];

/** An element of a parsed document. */
export type Element = DefaultTreeAdapterMap['element'];

/** The value of an element's attribute (without a namespace prefix), when it has it. */
export function attributeOf(element: Element, name: string): string | undefined {
  return element.attrs.find((attr) => attr.name === name && !attr.prefix)?.value;
}
