import { html } from 'parse5';
import { isAllowedAttribute, isAllowedElement } from '../html-allowlist.ts';
import type { FileCheck, FindingKind } from './findings.ts';
import type { Element } from './html-nodes.ts';
import { checkMeta, checkScript } from './scripts.ts';
import { checkUrlAttribute } from './urls.ts';

/**
 * Element and attribute rules: no page frames, embeds or re-bases (<iframe>, <object>, <base> …) or
 * carries an event handler; inside a Markdown body (data-content-body) only the elements and
 * attributes of src/lib/html-allowlist.ts appear, while a report's own components
 * (data-site-component) are the site's code and exempt. Each attribute's addresses go to the URL
 * rules, any other value to the indicator rules.
 */

/**
 * Where an element sits: outside any Markdown body; in a body (data-content-body); in a report's
 * body, which may hold the site's components; inside one of those components (data-site-component).
 */
export const Region = { Outside: 0, Body: 1, BodyWithComponents: 2, Component: 3 } as const;

/** One of the regions of a page. */
export type Region = (typeof Region)[keyof typeof Region];

/** Elements no page may carry: they load or replace documents, or re-base every address. */
const NEVER = new Set(['base', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'fencedframe']);

/** The fix for markup a body may not hold. */
const WRITE_AS_MARKDOWN =
  'write it as Markdown; a figure of the case belongs in a report, with the GraphFocus or MapFocus component';

/** The region an element's children are in, given its data-content-body and data-site-component values. */
function regionInside(region: Region, contentBody: string | undefined, siteComponent: boolean): Region {
  if (region === Region.Outside && contentBody !== undefined)
    return contentBody === 'with-components' ? Region.BodyWithComponents : Region.Body;
  if (region === Region.BodyWithComponents && siteComponent) return Region.Component;
  return region;
}

/** Checks one element and its attributes; returns the region its children are in. */
export function checkElement(check: FileCheck, element: Element, region: Region): Region {
  const tag = element.tagName;
  const attrs = element.attrs;
  let contentBody: string | undefined;
  let siteComponent = false;
  for (const attr of attrs) {
    if (attr.prefix) continue;
    if (attr.name === 'data-content-body' && contentBody === undefined) contentBody = attr.value;
    else if (attr.name === 'data-site-component') siteComponent = true;
  }
  const inner = regionInside(region, contentBody, siteComponent);
  // The element is judged by where it sits: the body's own container and a component's root are the site's.
  const inBody = region === Region.Body || (region === Region.BodyWithComponents && inner !== Region.Component);
  const finding = (kind: FindingKind, message: string, fix: string, trace: string) =>
    check.findings.push({ file: check.file, kind, message, fix, trace });

  if (NEVER.has(tag)) {
    finding(
      tag === 'base' ? 'redirect' : 'element',
      `a <${tag}> element: ${tag === 'base' ? 're-bases every address on the page' : 'loads another document into the page'}`,
      'remove it; write the body as Markdown',
      `<${tag}`,
    );
  }
  if (tag === 'meta') checkMeta(check, element, inBody);
  if (tag === 'script') checkScript(check, element);
  // A component's script file is rendered beside it; the script rule above still judges it.
  const listed = inBody && isAllowedElement(tag, { site: true });
  if (inBody) {
    const allowed = listed || (region === Region.BodyWithComponents && tag === 'script');
    if (!allowed && element.namespaceURI === html.NS.HTML) {
      finding('element', `a <${tag}> element inside a body: it is not on the allowlist`, WRITE_AS_MARKDOWN, `<${tag}`);
    } else if (element.namespaceURI !== html.NS.HTML) {
      finding(
        'element',
        `a <${tag}> element (SVG or MathML) inside a body: it is not on the allowlist`,
        WRITE_AS_MARKDOWN,
        `<${tag}`,
      );
    }
  }

  for (const attr of attrs) {
    const name = attr.prefix ? `${attr.prefix}:${attr.name}` : attr.name;
    const where = `<${tag} ${name}>`;
    if (name.startsWith('on') || name === 'srcdoc') {
      finding(
        'attribute',
        `${where}: an event handler or inline document`,
        'remove it: pages run no script from content',
        name,
      );
      continue;
    }
    if (listed && !isAllowedAttribute(tag, name, attr.value, true)) {
      finding(
        'attribute',
        `${where} inside a body: the attribute is not on the allowlist`,
        'remove it; write the body as Markdown',
        name,
      );
    }
    if (!checkUrlAttribute(check, element, attr, where)) check.indicators.checkText(check, attr.value, where);
  }
  return inner;
}
