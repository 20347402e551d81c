import { defineHastPlugin } from 'satteri';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { find, html } from 'property-information';
import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';
import type { MdxJsxFlowElementHast, MdxJsxTextElementHast } from 'satteri';
import {
  BODY_ELEMENTS,
  SAFE_URL_SCHEMES,
  URL_ATTRIBUTES,
  attributeRules,
  type AttributeRule,
} from '../lib/html-allowlist.ts';
import { isSafeUrl, isExternalUrl } from '../lib/safe-url.ts';
import { EMBEDS } from '../lib/embeds.ts';

/**
 * The sanitising step of the Markdown pipeline (Sätteri, with raw HTML parsed into elements): every
 * body's tree goes through hast-util-sanitize with the allowlist of src/lib/html-allowlist.ts before
 * any other site plugin sees it. The content check refuses what this step would drop, so an author
 * learns of it with a file and a line; this step is the defence in depth behind that check, and the
 * check of the built pages (published-check) is the guarantee behind both.
 *
 * In a report's MDX the site's own components (GraphFocus, MapFocus) are kept with their props;
 * any other JSX, every `{expression}` and every import/export are dropped: the MDX fence of the
 * content check refuses them, and without them a report cannot run code at build time.
 */

/** The hast property name of an HTML attribute (`class` → `className`, `data-x` → `dataX`). */
function propertyName(attribute: string): string {
  return find(html, attribute).property;
}

/** An allowlist rule in hast-util-sanitize's form. */
function toDefinition(rule: AttributeRule): string | [string, ...(string | RegExp)[]] {
  if (typeof rule === 'string') return propertyName(rule);
  const [name, ...values] = rule;
  return [propertyName(name), ...values];
}

/** The placeholder an MDX node stands in during sanitising (not a tag any Markdown produces). */
const SLOT = 'casefile-mdx-slot';

/** hast-util-sanitize's schema for authors' bodies. */
const SCHEMA: Schema = {
  tagNames: [...BODY_ELEMENTS, SLOT],
  attributes: {
    ...Object.fromEntries(BODY_ELEMENTS.map((tag) => [tag, attributeRules(tag).map(toDefinition)])),
    [SLOT]: ['dataSlot'],
  },
  protocols: Object.fromEntries(URL_ATTRIBUTES.map((name) => [propertyName(name), [...SAFE_URL_SCHEMES]])),
  // Footnote ids already carry the renderer's own prefix; other ids are not allowed at all.
  clobber: [],
  required: { input: { type: 'checkbox', disabled: true } },
  // A checkbox only as a task list's; table parts only inside a table.
  ancestors: { input: ['li'], tbody: ['table'], thead: ['table'], tr: ['table'], th: ['table'], td: ['table'] },
  // Elements whose content is not text for a reader: dropped whole, not unwrapped.
  strip: ['script', 'style', 'template', 'textarea', 'title', 'noscript', 'xmp', 'iframe', 'noembed', 'noframes'],
  allowComments: false,
  allowDoctypes: false,
};

type MdxNode =
  | MdxJsxFlowElementHast
  | MdxJsxTextElementHast
  | { type: 'mdxFlowExpression' | 'mdxTextExpression' | 'mdxjsEsm'; value: string };

/** Whether a node belongs to MDX rather than HTML. */
function isMdxNode(node: { type: string }): node is MdxNode {
  return node.type.startsWith('mdx');
}

const COMPONENTS = new Set<string>(Object.keys(EMBEDS));

/**
 * Copies a tree for sanitising: each MDX node kept becomes a placeholder element, so
 * hast-util-sanitize (which knows HTML only) sanitises the Markdown around and inside components
 * without dropping the components, and table cells get `align`. `slots` receives the kept nodes.
 */
function slotMdx(nodes: readonly RootContent[], slots: MdxNode[]): RootContent[] {
  const out: RootContent[] = [];
  for (const node of nodes) {
    if (isMdxNode(node)) {
      if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && COMPONENTS.has(node.name ?? '')) {
        slots.push(node);
        out.push({
          type: 'element',
          tagName: SLOT,
          properties: { dataSlot: String(slots.length - 1) },
          children: slotMdx(node.children, slots) as ElementContent[],
        });
      }
      // Anything else of MDX (other JSX, expressions, import/export) is dropped.
      continue;
    }
    if (node.type === 'element') {
      const align = node.tagName === 'th' || node.tagName === 'td' ? alignmentOf(node.properties) : undefined;
      out.push({
        ...node,
        properties: align ? { ...node.properties, align } : node.properties,
        children: slotMdx(node.children, slots) as ElementContent[],
      });
    } else {
      out.push(node);
    }
  }
  return out;
}

/** Puts the kept MDX nodes back in place of their placeholders, with their sanitised children. */
function unslotMdx(nodes: readonly RootContent[], slots: readonly MdxNode[]): RootContent[] {
  return nodes.map((node) => {
    if (node.type !== 'element') return node;
    const children = unslotMdx(node.children, slots) as ElementContent[];
    if (node.tagName === SLOT) {
      const original = slots[Number(node.properties['dataSlot'])];
      if (original && 'children' in original) return { ...original, children };
    }
    return { ...node, children };
  });
}

/**
 * Table alignment arrives as `style="text-align: …"`, which the Content Security Policy blocks;
 * the `align` attribute says the same without a style.
 */
function alignmentOf(properties: Properties): string | undefined {
  const style = properties['style'];
  const match = typeof style === 'string' ? /^\s*text-align:\s*(left|right|center)\s*;?\s*$/.exec(style) : null;
  return match?.[1];
}

/**
 * After sanitising: URLs checked once more the way a browser reads them (hast-util-sanitize reads
 * the scheme as written), images from other sites dropped, and external links opened without
 * access to, or a referrer from, the page that links them.
 */
function finish(node: RootContent, base: URL): void {
  if (isMdxNode(node) && 'children' in node) node.children.forEach((child) => finish(child, base));
  if (node.type !== 'element') return;
  const element: Element = node;
  for (const attribute of URL_ATTRIBUTES) {
    const key = propertyName(attribute);
    const value = element.properties[key];
    if (typeof value === 'string' && !isSafeUrl(value, base)) Reflect.deleteProperty(element.properties, key);
  }
  // A body's images are the entry's own files: one from another site would report every reader to it.
  const src = element.properties['src'];
  if (typeof src === 'string' && isExternalUrl(src, base)) delete element.properties['src'];
  const href = element.properties['href'];
  if (element.tagName === 'a' && typeof href === 'string' && isExternalUrl(href, base)) {
    element.properties['rel'] = ['noopener', 'noreferrer'];
  }
  element.children.forEach((child) => finish(child, base));
}

/** Sanitises one body's tree: the whole of the step, usable without Sätteri (tests call it). */
export function sanitiseBody(root: Root, base: URL): Root {
  const slots: MdxNode[] = [];
  const children = slotMdx(root.children, slots);
  const clean = sanitize({ type: 'root', children }, SCHEMA) as Root;
  clean.children = unslotMdx(clean.children, slots);
  clean.children.forEach((child) => finish(child, base));
  return clean;
}

/** The Sätteri hast plugin; it must come first among the hast plugins. `site` is the site's origin. */
export function sanitiserPlugin(site: string) {
  const base = new URL(site);
  return defineHastPlugin({
    name: 'casefile-sanitiser',
    before(root, ctx) {
      ctx.replaceNode(root, sanitiseBody(root, base));
    },
  });
}
