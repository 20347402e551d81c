/**
 * The HTML a Markdown body may publish: an allowlist, not a blocklist. Everything Markdown itself
 * produces (CommonMark and GitHub's tables, task lists, footnotes and autolinks), plus a few inline
 * elements an author legitimately writes as HTML. Anything else in a body is refused by the content
 * check (with the file, the line and the fix), dropped by the sanitiser as defence in depth, and
 * refused again by the check of the built pages. The README's Guarantees section prints this list.
 *
 * A site Markdown plugin that adds markup after the sanitiser (heading ids, `lang` on hanzi, `rel`
 * on external links) lists what it adds in SITE_ADDITIONS, or the check of the built pages refuses it.
 */

/** An attribute an element may carry: its HTML name, and when restricted, the values it may take. */
export type AttributeRule = string | readonly [name: string, ...values: (string | RegExp)[]];

/** Elements that Markdown produces. */
export const MARKDOWN_ELEMENTS = [
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'ul',
  'ol',
  'li',
  'pre',
  'code',
  'em',
  'strong',
  'del',
  'a',
  'img',
  'hr',
  'br',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'input',
  'section',
  'sup',
] as const;

/** Elements an author may write as HTML in a Markdown body, beyond what Markdown produces. */
export const AUTHOR_HTML_ELEMENTS = [
  'abbr',
  'kbd',
  'samp',
  'var',
  'sub',
  'sup',
  'details',
  'summary',
  'mark',
  'q',
  's',
  'ins',
  'del',
  'small',
  'dfn',
  'span',
  'br',
] as const;

/** Attributes allowed on every allowed element. */
const GLOBAL_ATTRIBUTES: readonly AttributeRule[] = ['lang', ['dir', 'ltr', 'rtl', 'auto'], 'title'];

/** The ids and classes the Markdown renderer gives footnotes (its clobber prefix keeps them apart). */
const FOOTNOTE_ID = /^user-content-fn(ref)?-[\w-]+$/;

/**
 * Attributes by element, as authors' Markdown (and the Markdown plugins that run before the
 * sanitiser: wikilinks) may produce them. URL-valued ones are checked against SAFE_URL_SCHEMES too.
 */
const ELEMENT_ATTRIBUTES: Readonly<Record<string, readonly AttributeRule[]>> = {
  a: [
    'href',
    ['class', 'wikilink', 'wikilink-broken', /^type-[a-z]+$/, 'data-footnote-backref'],
    ['id', FOOTNOTE_ID],
    'data-footnote-ref',
    'data-footnote-backref',
    ['aria-describedby', 'footnote-label'],
    ['aria-label', /^Back to reference [\w-]+$/],
  ],
  em: [['class', 'wikilink-broken']],
  img: ['src', 'alt'],
  abbr: [],
  dfn: [],
  q: ['cite'],
  del: ['cite'],
  ins: ['cite'],
  details: ['open'],
  ol: ['start', ['class', 'contains-task-list']],
  ul: [['class', 'contains-task-list']],
  li: [
    ['class', 'task-list-item'],
    ['id', FOOTNOTE_ID],
  ],
  input: [['type', 'checkbox'], 'checked', 'disabled'],
  code: [['class', /^language-[\w+#.-]+$/]],
  section: ['data-footnotes', ['class', 'footnotes']],
  h2: [
    ['class', 'sr-only'],
    ['id', 'footnote-label'],
  ],
  th: [['align', 'left', 'right', 'center']],
  td: [['align', 'left', 'right', 'center']],
};

/**
 * What the site itself adds to a body after the sanitiser has run, allowed in the built pages only:
 * heading ids (Astro's heading-ids step), `lang` on runs of hanzi, `rel` on external links, the
 * attributes of re-encoded images, and the figures of front-matter images beside the body.
 * Classes, ids, ARIA and data attributes cannot run code or navigate, so the site may use them
 * freely on allowed elements (`aria-*` and `data-*` stand for every name with that prefix).
 */
export const SITE_ADDITIONS: Readonly<Record<string, readonly AttributeRule[]>> = {
  '*': ['class', 'id', 'aria-*', 'data-*'],
  a: ['rel'],
  img: ['width', 'height', 'loading', 'decoding', 'srcset', 'sizes'],
  figure: [],
  figcaption: [],
};

/** Elements the site adds beside or inside a body (see SITE_ADDITIONS). */
export const SITE_ELEMENTS: readonly string[] = ['figure', 'figcaption'];

/** URL-valued attributes among the allowed ones, and the schemes they may use. */
export const URL_ATTRIBUTES: readonly string[] = ['href', 'src', 'cite', 'srcset'];

/**
 * The URL schemes a link may use: the web and mail. Anything else (javascript:, vbscript:, data:,
 * file:, blob:) is refused; relative and site-rooted paths resolve to the site's own scheme.
 */
export const SAFE_URL_SCHEMES: readonly string[] = ['https', 'http', 'mailto'];

/** The elements an author may produce, as one sorted list (for the README and the messages). */
export const BODY_ELEMENTS: readonly string[] = [...new Set([...MARKDOWN_ELEMENTS, ...AUTHOR_HTML_ELEMENTS])].sort();

const ALLOWED_ELEMENTS = new Set<string>(BODY_ELEMENTS);
const RAW_HTML_ELEMENTS = new Set<string>(AUTHOR_HTML_ELEMENTS);

/** The rules for one element's attributes, for authors or (with `site`) for the built page. */
export function attributeRules(tag: string, site = false): AttributeRule[] {
  const rules = [...GLOBAL_ATTRIBUTES, ...(ELEMENT_ATTRIBUTES[tag] ?? [])];
  if (site) rules.push(...(SITE_ADDITIONS['*'] ?? []), ...(SITE_ADDITIONS[tag] ?? []));
  return rules;
}

const SITE_ELEMENT_SET = new Set<string>(SITE_ELEMENTS);

/**
 * Whether an element may appear in a body: written as HTML by an author (`raw`), produced by
 * Markdown, or (`site`) in a built page.
 */
export function isAllowedElement(tag: string, options: { raw?: boolean; site?: boolean } = {}): boolean {
  if (options.raw) return RAW_HTML_ELEMENTS.has(tag);
  return ALLOWED_ELEMENTS.has(tag) || (options.site === true && SITE_ELEMENT_SET.has(tag));
}

/** Whether an attribute with this value may appear on an allowed element (`site`: in a built page). */
export function isAllowedAttribute(tag: string, name: string, value: string, site = false): boolean {
  for (const rule of attributeRules(tag, site)) {
    const [ruleName, ...values] = typeof rule === 'string' ? [rule] : rule;
    const matches = ruleName.endsWith('-*') ? name.startsWith(ruleName.slice(0, -1)) : name === ruleName;
    if (!matches) continue;
    if (values.length === 0) return true;
    // A class list is checked word by word.
    const words = name === 'class' ? value.split(/\s+/).filter(Boolean) : [value];
    if (
      words.every((word) =>
        values.some((allowed) => (typeof allowed === 'string' ? allowed === word : allowed.test(word))),
      )
    )
      return true;
  }
  return false;
}

/**
 * The fix to suggest for an element outside the allowlist: an embedded figure for the graph or the
 * map, Markdown for a link or an image, nothing at all for the rest.
 */
export function fixForElement(tag: string): string {
  if (tag === 'a') return 'write it as Markdown: [text](https://…)';
  if (tag === 'img' || tag === 'picture') return 'write it as Markdown: ![description](./photo.jpg)';
  if (tag === 'svg' || tag === 'canvas' || tag === 'iframe' || tag === 'object' || tag === 'embed')
    return 'write it as Markdown; a figure of the case belongs in a report, with the GraphFocus or MapFocus component';
  return `write it as Markdown; the HTML a body may use is ${AUTHOR_HTML_ELEMENTS.join(', ')}`;
}
