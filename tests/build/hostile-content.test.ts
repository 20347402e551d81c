import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runAstroBuild } from './astro-build.ts';

/**
 * tests/fixtures/hostile is full of the attacks a hostile contributor would try in Markdown: raw
 * documents, scripts, SVG and MathML with scripts, forms, redirects, <base>, event handlers and link
 * addresses in every encoding a browser still runs. It is built with the author-facing refusals of
 * raw HTML and link schemes switched off (CASEFILE_TEST_SANITISER_ONLY), so what is proven here is
 * that the sanitiser alone publishes none of it, and that the check of the built pages passes the
 * result. This test reads the built pages with its own parse5 walk and its own lists.
 */

const out = mkdtempSync(path.join(tmpdir(), 'casefile-hostile-'));
const SITE = 'https://casefile.example/';

type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['node'];

/** What a body may hold in the built page, written out here rather than taken from the code. */
const BODY_TAGS = new Set(
  'p h1 h2 h3 h4 h5 h6 blockquote ul ol li pre code em strong del a img hr br table thead tbody tr th td input section sup sub abbr kbd samp var details summary mark q s ins small dfn span figure figcaption'.split(
    ' ',
  ),
);
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'poster', 'data', 'cite', 'background'];
const SAFE = new Set(['http:', 'https:', 'mailto:']);

let pages: { file: string; document: DefaultTreeAdapterMap['document'] }[] = [];

beforeAll(() => {
  const result = runAstroBuild('tests/fixtures/hostile', out, { CASEFILE_TEST_SANITISER_ONLY: '1' });
  expect(result.status, result.output).toBe(0);
  const walk = (folder: string): string[] =>
    readdirSync(path.join(out, folder), { withFileTypes: true }).flatMap((entry) => {
      const relative = path.join(folder, entry.name);
      if (entry.isDirectory()) return relative === 'pagefind' ? [] : walk(relative);
      return entry.name.endsWith('.html') ? [relative] : [];
    });
  pages = walk('').map((file) => ({ file, document: parse(readFileSync(path.join(out, file), 'utf8')) }));
}, 120_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Every element of a page, with whether it sits in a Markdown body (outside the site's components). */
function elementsOf(document: Node): { element: Element; inBody: boolean }[] {
  const found: { element: Element; inBody: boolean }[] = [];
  const visit = (node: Node, inBody: boolean, components: boolean) => {
    let bodyBelow = inBody;
    let componentsBelow = components;
    if ('tagName' in node) {
      const has = (name: string) => node.attrs.some((attr) => attr.name === name);
      const isComponent = components && (has('data-site-component') || node.tagName === 'script');
      found.push({ element: node, inBody: inBody && !isComponent });
      if (has('data-content-body')) {
        bodyBelow = true;
        componentsBelow = node.attrs.some((attr) => attr.value === 'with-components');
      }
      if (isComponent) bodyBelow = false;
    }
    const children =
      node.nodeName === 'template'
        ? (node as DefaultTreeAdapterMap['template']).content.childNodes
        : 'childNodes' in node
          ? node.childNodes
          : [];
    for (const child of children) visit(child, bodyBelow, componentsBelow);
  };
  visit(document, false, false);
  return found;
}

function attr(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

/** Whether a text is a JSON document. */
function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

function page(file: string) {
  const found = pages.find((p) => p.file === file);
  if (!found) throw new Error(`no page ${file}`);
  return found;
}

describe('a build of hostile Markdown publishes none of it', () => {
  test('every body holds only allowlisted elements', () => {
    const outside = pages.flatMap(({ file, document }) =>
      elementsOf(document)
        .filter(({ element, inBody }) => inBody && !BODY_TAGS.has(element.tagName))
        .map(({ element }) => `${file}: <${element.tagName}>`),
    );
    expect(outside).toEqual([]);
    // The hostile pages were checked, not skipped: their bodies are there.
    expect(elementsOf(page('people/raw-elements/index.html').document).some(({ inBody }) => inBody)).toBe(true);
  });

  test('no page carries an address with an unsafe scheme, or an event handler', () => {
    const bad: string[] = [];
    for (const { file, document } of pages) {
      const base = new URL(file.replace(/index\.html$/, ''), SITE);
      for (const { element } of elementsOf(document)) {
        for (const { name, value } of element.attrs) {
          if (name.startsWith('on')) bad.push(`${file}: <${element.tagName} ${name}>`);
          if (!URL_ATTRIBUTES.includes(name)) continue;
          const url = URL.canParse(value, base) ? new URL(value, base) : undefined;
          if (url && !SAFE.has(url.protocol)) bad.push(`${file}: <${element.tagName} ${name}="${value}">`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  test('no page redirects, re-bases, frames, embeds or runs a script of its content', () => {
    const bad: string[] = [];
    for (const { file, document } of pages) {
      for (const { element, inBody } of elementsOf(document)) {
        const tag = element.tagName;
        if (['base', 'iframe', 'frame', 'object', 'embed'].includes(tag)) bad.push(`${file}: <${tag}>`);
        // The site's own search form sits in every header; none may come from a body.
        if (inBody && ['form', 'style', 'video', 'math', 'svg', 'template', 'button'].includes(tag))
          bad.push(`${file}: <${tag}> in a body`);
        if (tag === 'meta' && attr(element, 'http-equiv')?.toLowerCase() === 'refresh')
          bad.push(`${file}: meta refresh`);
        // The site's bundles, or structured data that is JSON and nothing else (browsers never run it).
        const data = tag === 'script' && attr(element, 'type') === 'application/ld+json' && isJson(textOf(element));
        if (tag === 'script' && !data && !attr(element, 'src')?.startsWith('/_astro/'))
          bad.push(`${file}: inline script`);
      }
    }
    expect(bad).toEqual([]);
  });

  test('every link out of the site opens without opener or referrer', () => {
    const bad: string[] = [];
    for (const { file, document } of pages) {
      for (const { element } of elementsOf(document)) {
        const href = element.tagName === 'a' ? attr(element, 'href') : undefined;
        if (!href || !/^https?:/.test(href) || href.startsWith(SITE)) continue;
        const rel = (attr(element, 'rel') ?? '').split(' ');
        if (!rel.includes('noopener') || !rel.includes('noreferrer')) bad.push(`${file}: ${href}`);
      }
    }
    expect(bad).toEqual([]);
  });

  test('the indicator is never a link target nor written plainly', () => {
    for (const { file, document } of pages) {
      for (const { element } of elementsOf(document)) {
        for (const name of URL_ATTRIBUTES) {
          const value = attr(element, name);
          if (value && URL.canParse(value, SITE))
            expect(new URL(value, SITE).hostname, file).not.toContain('hostile-domain.example');
        }
      }
      expect(textOf(document), file).not.toContain('hostile-domain.example');
    }
    expect(textOf(page('identities/hostile-domain/index.html').document)).toContain('hostile-domain[.]example');
  });

  test('what an author may write is kept', () => {
    const acme = elementsOf(page('companies/acme/index.html').document)
      .filter(({ inBody }) => inBody)
      .map(({ element }) => element);
    const described = acme.map(
      (element) => `${element.tagName}${element.attrs.map((a) => ` ${a.name}=${a.value}`).join('')}`,
    );
    expect(described).toContain('abbr title=Limited');
    expect(described).toContain('kbd');
    expect(described).toContain('details open=');
    expect(described).toContain('th align=left');
    expect(described).toContain('section data-footnotes= class=footnotes');
    expect(described).toContain('a href=https://fixture.example.org/more rel=noopener noreferrer');
    // Character references written as text stay text.
    expect(textOf(page('people/link-schemes/index.html').document)).toContain('<script>alert(13)</script>');
    // A report keeps its component and its wikilinks.
    const report = elementsOf(page('reports/hostile-report/index.html').document).map(({ element }) => element);
    expect(report.some((element) => element.tagName === 'case-local-graph')).toBe(true);
    expect(report.some((element) => attr(element, 'class')?.includes('wikilink'))).toBe(true);
  });
});
