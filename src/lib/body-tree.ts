import { parseExpressionAt, type Expression } from 'acorn';

/**
 * What a body's syntax tree holds that the checks need: its prose (text the renderer draws as text,
 * never code), its images, its raw HTML and, in MDX, its components, expressions and statements.
 * The reader parses each body once (Sätteri's mdast, the parser the site renders with) and hands
 * the tree here; wikilinks, inline citations and embeds are then read from the same nodes the
 * Markdown pipeline turns into links, so `[[people/x]]` in a code span stays code for both.
 */

/** A point in the source, as Sätteri records it. */
interface TreePoint {
  line: number;
  offset?: number | undefined;
}

/** An MDX attribute as the tree holds it. */
interface TreeAttribute {
  type: string;
  name?: string | undefined;
  value?: string | { type: string; value: string } | null | undefined;
}

/** The parts of an mdast node the facts are read from. */
export interface TreeNode {
  type: string;
  value?: string | undefined;
  url?: string | undefined;
  identifier?: string | undefined;
  name?: string | null | undefined;
  /** An MDX element's attributes (a directive's are a record, and are not read). */
  attributes?: readonly TreeAttribute[] | Readonly<Record<string, unknown>> | null | undefined;
  children?: readonly TreeNode[] | undefined;
  position?: { start: TreePoint; end: TreePoint } | undefined;
}

/** A run of prose as written (escapes kept, so `\[@` stays a literal), with the line it starts on. */
export interface BodyText {
  /** The source of the text node. */
  raw: string;
  /** Its first line in the file. */
  line: number;
}

/** A value an author may give a component's prop in a report: JSON-like literals only. */
export type LiteralValue = string | number | boolean | null | readonly LiteralValue[] | { [key: string]: LiteralValue };

/** A prop of a component, with its literal value or why it has none. */
export interface JsxProp {
  /** The prop's name; undefined for a spread `{...props}`. */
  name: string | undefined;
  /** The literal value (`true` for a bare prop). */
  value?: LiteralValue | undefined;
  /** Why the value is not a literal, when it is not. */
  problem?: string | undefined;
}

/** A JSX element in an MDX body. */
export interface JsxUse {
  /** The element's name (`GraphFocus`, `script`); undefined for a fragment. */
  name: string | undefined;
  /** Its props, in order. */
  props: JsxProp[];
  /** The line it starts on. */
  line: number;
}

/** JavaScript written into an MDX body: an import/export statement or an expression. */
export interface BodyScript {
  /** `esm` for import/export, `expression` for `{…}`. */
  kind: 'esm' | 'expression';
  /** The code as written. */
  value: string;
  /** The line it starts on. */
  line: number;
}

/** Something located on one line of the file: an image's URL, a raw HTML fragment. */
export interface BodyItem {
  /** The URL or the HTML. */
  value: string;
  /** Its line. */
  line: number;
}

/** Everything the checks read from a body. */
export interface BodyFacts {
  /** Prose, in order. */
  texts: BodyText[];
  /** Images (`![alt](url)` and `![alt][ref]`), by URL. */
  images: BodyItem[];
  /** Raw HTML in a Markdown body. */
  html: BodyItem[];
  /** JSX elements of an MDX body. */
  jsx: JsxUse[];
  /** Statements and expressions of an MDX body. */
  scripts: BodyScript[];
}

/** A body with nothing in it. */
export const EMPTY_BODY: BodyFacts = { texts: [], images: [], html: [], jsx: [], scripts: [] };

/** The value of a literal expression, or undefined when it is anything else. */
function literalOf(node: Expression): { value: LiteralValue } | undefined {
  switch (node.type) {
    case 'Literal': {
      // Regular expressions and big integers are code, not data.
      const value = node.value;
      if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        return { value };
      }
      return undefined;
    }
    case 'TemplateLiteral':
      return node.expressions.length === 0
        ? { value: node.quasis.map((q) => q.value.cooked ?? '').join('') }
        : undefined;
    case 'UnaryExpression':
      return node.operator === '-' && node.argument.type === 'Literal' && typeof node.argument.value === 'number'
        ? { value: -node.argument.value }
        : undefined;
    case 'ArrayExpression': {
      const items: LiteralValue[] = [];
      for (const element of node.elements) {
        const item = element && element.type !== 'SpreadElement' ? literalOf(element) : undefined;
        if (!item) return undefined;
        items.push(item.value);
      }
      return { value: items };
    }
    case 'ObjectExpression': {
      const object: { [key: string]: LiteralValue } = {};
      for (const property of node.properties) {
        if (property.type !== 'Property' || property.computed || property.kind !== 'init') return undefined;
        const key = property.key.type === 'Identifier' ? property.key.name : literalOf(property.key)?.value;
        const item = literalOf(property.value);
        if (typeof key !== 'string' || !item) return undefined;
        object[key] = item.value;
      }
      return { value: object };
    }
    default:
      return undefined;
  }
}

/** Reads a prop's `{…}` value as a literal: arrays, objects, strings, numbers, booleans, null. */
export function parseLiteral(source: string): { value: LiteralValue } | { problem: string } {
  try {
    const expression = parseExpressionAt(source, 0, { ecmaVersion: 'latest' });
    if (source.slice(expression.end).trim() !== '') return { problem: 'more than one expression' };
    return literalOf(expression) ?? { problem: `${source.trim()} is code, not a literal value` };
  } catch {
    return { problem: `${source.trim()} is not valid JavaScript` };
  }
}

/** An element's attribute list; anything else has none. */
function attributeList(attributes: TreeNode['attributes']): readonly TreeAttribute[] {
  return isAttributeList(attributes) ? attributes : [];
}

function isAttributeList(attributes: TreeNode['attributes']): attributes is readonly TreeAttribute[] {
  return Array.isArray(attributes);
}

/** The props of a JSX element, each read as a literal. */
function propsOf(attributes: readonly TreeAttribute[]): JsxProp[] {
  return attributes.map((attribute): JsxProp => {
    if (attribute.type !== 'mdxJsxAttribute') {
      return { name: undefined, problem: 'spread props ({...}) run code' };
    }
    const value = attribute.value;
    if (value === null || value === undefined) return { name: attribute.name, value: true };
    if (typeof value === 'string') return { name: attribute.name, value };
    const parsed = parseLiteral(value.value);
    return 'problem' in parsed
      ? { name: attribute.name, problem: parsed.problem }
      : { name: attribute.name, value: parsed.value };
  });
}

/**
 * Walks a body's tree once and gathers its facts. `source` is the text the tree was parsed from and
 * `firstLine` the file line it starts on, so every fact carries its line in the file.
 */
export function bodyFacts(tree: TreeNode, source: string, firstLine = 1): BodyFacts {
  const facts: BodyFacts = { texts: [], images: [], html: [], jsx: [], scripts: [] };
  const definitions = new Map<string, string>();
  const imageRefs: { identifier: string; line: number }[] = [];
  const lineOf = (node: TreeNode) => firstLine + (node.position?.start.line ?? 1) - 1;
  const stack: TreeNode[] = [tree];
  // An explicit stack in document order: deep nesting (lists in quotes in lists) cannot overflow it.
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) break;
    const line = lineOf(node);
    switch (node.type) {
      case 'text': {
        const start = node.position?.start.offset;
        const end = node.position?.end.offset;
        const raw = start === undefined || end === undefined ? (node.value ?? '') : source.slice(start, end);
        facts.texts.push({ raw, line });
        break;
      }
      case 'image':
        facts.images.push({ value: node.url ?? '', line });
        break;
      case 'imageReference':
        imageRefs.push({ identifier: node.identifier ?? '', line });
        break;
      case 'definition':
        definitions.set(node.identifier ?? '', node.url ?? '');
        break;
      case 'html':
        facts.html.push({ value: node.value ?? '', line });
        break;
      case 'mdxjsEsm':
        facts.scripts.push({ kind: 'esm', value: node.value ?? '', line });
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        facts.scripts.push({ kind: 'expression', value: node.value ?? '', line });
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        facts.jsx.push({ name: node.name ?? undefined, props: propsOf(attributeList(node.attributes)), line });
        break;
    }
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child) stack.push(child);
    }
  }
  for (const ref of imageRefs) facts.images.push({ value: definitions.get(ref.identifier) ?? '', line: ref.line });
  return facts;
}
