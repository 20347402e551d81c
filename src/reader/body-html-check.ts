import { htmlToHast, markdownToMdast, mdxToMdast, type HastNode, type MdastNode } from 'satteri';
import { find, html } from 'property-information';
import { fixForElement, isAllowedAttribute, isAllowedElement, URL_ATTRIBUTES } from '../lib/html-allowlist.ts';
import { unsafeScheme } from '../lib/safe-url.ts';
import type { CaseProblem } from '../lib/problems.ts';

/**
 * The author-facing half of the HTML allowlist: a Markdown body is parsed with the same parser
 * the build renders it with (Sätteri), every piece of raw HTML in it with Sätteri's HTML parser,
 * and each element, attribute or link address that the sanitiser would drop is reported with its
 * file, line and fix. So an author learns at once why a part of the page would go missing, and no
 * build depends on the sanitiser alone.
 */

/** Any base on the web: only the scheme a browser would follow matters here. */
const BASE = 'https://site.invalid/';

/**
 * Set only by the hostile-content test, to prove that the sanitiser and the check of the built pages
 * hold on their own: it silences these author errors, never the sanitiser or the output check.
 */
const SANITISER_ONLY = process.env['CASEFILE_TEST_SANITISER_ONLY'] === '1';

/** One problem at a line of the body. */
type Report = (line: number | undefined, message: string, fix: string) => void;

/** The HTML name of a hast property (`onClick` → `onclick`). */
function attributeName(property: string): string {
  return find(html, property).attribute;
}

/** The text of a hast property value as it would be written in HTML. */
function attributeText(value: unknown): string {
  return Array.isArray(value) ? value.join(' ') : String(value);
}

/** Checks one piece of raw HTML against the allowlist. */
function checkRawHtml(value: string, line: number | undefined, report: Report): void {
  const visit = (node: HastNode) => {
    if (node.type === 'element') {
      const tag = node.tagName;
      if (!isAllowedElement(tag, { raw: true })) {
        report(line, `<${tag}> is not allowed in a body: the page would leave it out`, fixForElement(tag));
        return;
      }
      for (const [property, propertyValue] of Object.entries(node.properties)) {
        const name = attributeName(property);
        const text = attributeText(propertyValue);
        if (!isAllowedAttribute(tag, name, text)) {
          report(
            line,
            `the attribute ${name}="${text}" on <${tag}> is not allowed: the page would leave it out`,
            `remove it; <${tag}> may carry only plain attributes such as title or lang`,
          );
        } else if (URL_ATTRIBUTES.includes(name)) {
          const scheme = unsafeScheme(text, BASE);
          if (scheme)
            report(line, `${name} uses the ${scheme}: scheme`, 'link only https:, http: or mailto: addresses');
        }
      }
    }
    if ('children' in node) node.children.forEach(visit);
  };
  visit(htmlToHast(value, { fragment: true }));
}

/** Problems with the raw HTML and link addresses of one body, with the file's lines. */
export function bodyHtmlProblems(body: string, file: string, bodyLine: number, format: 'md' | 'mdx'): CaseProblem[] {
  if (SANITISER_ONLY) return [];
  const tree = format === 'mdx' ? mdxToMdast(body, { position: true }) : markdownToMdast(body, { position: true });
  return treeHtmlProblems(tree, file, bodyLine);
}

/**
 * The same problems, from a body's tree already parsed with positions and the parser's own
 * features (the reader's, src/reader/body.ts): parsing each body once instead of twice was a
 * tenth of a 5,000-entity case's check.
 */
export function treeHtmlProblems(tree: MdastNode, file: string, bodyLine: number): CaseProblem[] {
  if (SANITISER_ONLY) return [];
  const problems: CaseProblem[] = [];
  const report: Report = (line, message, fix) =>
    problems.push({ file, field: 'body', line: line === undefined ? undefined : bodyLine + line - 1, message, fix });
  const visit = (node: MdastNode) => {
    const line = node.position?.start.line;
    if (node.type === 'html') checkRawHtml(node.value, line, report);
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      const scheme = unsafeScheme(node.url, BASE);
      if (scheme) {
        const what = node.type === 'image' ? 'an image' : 'a link';
        report(
          line,
          `${what} to a ${scheme}: address ("${node.url.slice(0, 60)}"): readers' browsers would run or open it`,
          'link only https:, http: or mailto: addresses, or a path on the site',
        );
      }
    }
    if ('children' in node) node.children.forEach(visit);
  };
  visit(tree);
  return problems;
}
