import { html, parse, parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { XMLParser } from 'fast-xml-parser';
import { indicatorMatcher, type IndicatorKind } from './defang.ts';
import { isAllowedAttribute, isAllowedElement, SAFE_URL_SCHEMES } from './html-allowlist.ts';
import { resolveUrl } from './safe-url.ts';

/**
 * The check of what is published, not of what was written: every built page and data file read
 * the way a browser or a consuming tool reads it. HTML goes through parse5 (the WHATWG parsing
 * algorithm, so character references are decoded and comments dropped exactly as a browser does),
 * every address through the WHATWG URL parser, resolved against its page; feeds and sitemaps
 * through an XML parser, JSON through JSON.parse. The checks:
 *
 * - an adversary indicator (a listed domain or any host under it, a URL identity's host, an email
 *   address) is never the host of a resolved address, nor written undefanged in any text or
 *   attribute a reader sees (after folding full-width forms, ideographic dots, invisible characters
 *   and percent-escapes, which browsers and copy-paste fold too);
 * - every address uses http:, https: or mailto:;
 * - no page redirects or re-bases itself (meta refresh, <base>), frames or embeds another document,
 *   carries an event-handler attribute or runs a script that is not one of the site's own files;
 * - every link to another site has rel="noopener noreferrer";
 * - inside a Markdown body (marked data-content-body by the layouts) only the allowlisted elements
 *   and attributes of src/lib/html-allowlist.ts appear; a report's own components (marked
 *   data-site-component) are the site's code and exempt.
 *
 * Each file is parsed once and walked once: linear in the size of the output.
 */

/** An indicator the published site must never carry live. */
export interface PublishedIndicator {
  /** The plain value, as its identity gives it. */
  value: string;
  /** Domain, URL or email. */
  kind: IndicatorKind;
  /** The identity it comes from, `identities/slug`. */
  id: string;
}

/** What kind of harm a finding is. */
export type FindingKind =
  | 'live-indicator'
  | 'indicator-in-text'
  | 'unsafe-scheme'
  | 'element'
  | 'attribute'
  | 'redirect'
  | 'script'
  | 'rel'
  | 'third-party';

/** One thing wrong with a published file. */
export interface PublishedFinding {
  /** The file, relative to the output folder. */
  file: string;
  /** What kind of harm it is. */
  kind: FindingKind;
  /** What is wrong, in words. */
  message: string;
  /** What the author should do. */
  fix: string;
  /** The indicator involved, for indicator findings. */
  indicator?: PublishedIndicator | undefined;
  /** What to look for in the content to find where it came from: a value, a scheme, a tag. */
  trace: string;
}

/** Settings of a check. */
export interface PublishedCheckOptions {
  /** The site's public address with its base path, e.g. https://casefile.example/. */
  site: string;
  /** The indicators of the case, drafts' included. */
  indicators: readonly PublishedIndicator[];
}

type Node = DefaultTreeAdapterMap['node'];

/**
 * Where an element sits: outside any Markdown body; in a body (data-content-body); in a report's
 * body, which may hold the site's components; inside one of those components (data-site-component).
 */
const Region = { Outside: 0, Body: 1, BodyWithComponents: 2, Component: 3 } as const;
type Region = (typeof Region)[keyof typeof Region];
type Element = DefaultTreeAdapterMap['element'];

/** Elements no page may carry: they load or replace documents, or re-base every address. */
const NEVER = new Set(['base', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'fencedframe']);

/** Attributes holding one address. */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'poster',
  'data',
  'cite',
  'background',
  'longdesc',
  'manifest',
  'icon',
  'codebase',
]);

/** Attributes holding several addresses. */
const URL_LIST_ATTRIBUTES = new Set(['srcset', 'imagesrcset', 'ping']);

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

/** Attributes whose address the browser loads as the page loads (a request the reader never chose). */
const LOADED = new Set(['src', 'srcset', 'imagesrcset', 'poster', 'data', 'background']);

/** Link relations whose address the browser loads. */
const LOADED_LINKS =
  /(^|\s)(stylesheet|icon|preload|modulepreload|prefetch|manifest|apple-touch-icon|dns-prefetch|preconnect)(\s|$)/i;

/** Script types a browser does not run. */
const DATA_SCRIPT_TYPES = new Set(['application/json', 'application/ld+json']);

const SCHEMES = new Set(SAFE_URL_SCHEMES.map((scheme) => `${scheme}:`));

// Characters a browser or a paste folds away or into ASCII: invisible format characters, and the
// dots an IDN-aware URL parser reads as a dot (ideographic, full-width, half-width).
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;
const DOTS = /[\u3002\uFF0E\uFF61]/g;
const NEEDS_FOLDING = /[^\t\n\r\x20-\x7e]|%/;
const ESCAPE = /%([0-9a-f]{2})/gi;

/**
 * Text as an address bar would read it: NFKC (full-width letters and dots to ASCII), invisible
 * characters dropped, ideographic dots as dots, percent-escapes of letters, digits and dots decoded.
 * Plain ASCII text, nearly all of it, is returned as is.
 */
export function foldForMatching(text: string): string {
  if (!NEEDS_FOLDING.test(text)) return text;
  let folded = text.normalize('NFKC').replace(IGNORABLE, '').replace(DOTS, '.');
  if (folded.includes('%')) {
    folded = folded.replace(ESCAPE, (escape, hex: string) => {
      const char = String.fromCharCode(parseInt(hex, 16));
      return /[\w.@-]/.test(char) ? char : escape;
    });
  }
  return folded;
}

/** A host name as the URL parser writes it (lower case, punycode), or undefined if it is none. */
function hostOf(value: string): string | undefined {
  const url = resolveUrl(value.includes('://') ? value : `http://${value}`, 'http://x.invalid/');
  return url?.hostname || undefined;
}

/** Percent-decoded text, or the text itself where an escape is malformed. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The text of a key in a JSON or XML object that holds an address. */
const URL_KEY = /(^|[_@-])(url|href|src|uri|link|loc)$/i;

/** Identity kinds and STIX observable types whose `value` is the indicator itself, published plain for tools. */
const PLAIN_VALUE_HOLDERS = new Set(['domain', 'url', 'email', 'domain-name', 'email-addr']);

/** The checker of one built site. */
export class PublishedChecker {
  readonly #site: URL;
  readonly #hosts = new Map<string, PublishedIndicator>();
  readonly #emails = new Map<string, PublishedIndicator>();
  readonly #match: ReturnType<typeof indicatorMatcher>;
  readonly #byValue = new Map<string, PublishedIndicator>();
  readonly #xml = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    processEntities: true,
    htmlEntities: true,
  });

  constructor(options: PublishedCheckOptions) {
    this.#site = new URL(options.site);
    const textIndicators: { value: string; kind: IndicatorKind }[] = [];
    const addText = (value: string, kind: IndicatorKind, indicator: PublishedIndicator) => {
      textIndicators.push({ value, kind });
      this.#byValue.set(value.toLowerCase(), indicator);
    };
    for (const indicator of options.indicators) {
      if (indicator.kind === 'email') {
        this.#emails.set(indicator.value.toLowerCase(), indicator);
        addText(indicator.value, 'email', indicator);
        continue;
      }
      // A URL identity makes its whole host an indicator: another path on the same server is the same server.
      const host = hostOf(indicator.value);
      if (host === undefined) continue;
      this.#hosts.set(host, indicator);
      addText(host, 'domain', indicator);
      const written = indicator.kind === 'domain' ? indicator.value.toLowerCase() : undefined;
      if (written && written !== host) addText(written, 'domain', indicator);
    }
    this.#match = indicatorMatcher(textIndicators);
  }

  /** Checks one built file by its extension; other kinds of file are not read. */
  check(file: string, text: string): PublishedFinding[] {
    const findings: PublishedFinding[] = [];
    const page = new URL(file.replace(/(^|\/)index\.html$/, '$1'), this.#site);
    if (file.endsWith('.html') || file.endsWith('.svg')) this.#checkHtml(file, text, page, findings);
    else if (file.endsWith('.json')) this.#checkData(file, JSON.parse(text) as unknown, page, findings);
    else if (file.endsWith('.xml')) this.#checkData(file, this.#xml.parse(text) as unknown, page, findings);
    return findings;
  }

  /** The listed host a host is, or is under, with its indicator. */
  #hostIndicator(name: string): { listed: string; indicator: PublishedIndicator } | undefined {
    // A fully qualified name's final dot (xiaohong.org.) reaches the same server.
    const host = name.endsWith('.') ? name.slice(0, -1) : name;
    for (let dot = -1; ; dot = host.indexOf('.', dot + 1)) {
      const listed = host.slice(dot + 1);
      const indicator = this.#hosts.get(listed);
      if (indicator) return { listed, indicator };
      if (host.indexOf('.', dot + 1) < 0) return undefined;
    }
  }

  /** Checks one address found in a file. */
  #checkUrl(file: string, value: string, page: URL, where: string, findings: PublishedFinding[]): URL | undefined {
    const url = resolveUrl(value, page);
    if (!url) return undefined;
    if (!SCHEMES.has(url.protocol)) {
      const scheme = url.protocol.slice(0, -1);
      findings.push({
        file,
        kind: 'unsafe-scheme',
        message: `${where} uses the ${scheme}: scheme ("${value.slice(0, 60)}")`,
        fix: 'link only https:, http: or mailto: addresses, or a path on the site',
        trace: scheme,
      });
      return url;
    }
    let hit = url.hostname ? this.#hostIndicator(url.hostname) : undefined;
    if (!hit && url.protocol === 'mailto:') {
      const address = safeDecode(url.pathname).toLowerCase();
      const email = this.#emails.get(address);
      hit = email
        ? { listed: address, indicator: email }
        : this.#hostIndicator(address.slice(address.lastIndexOf('@') + 1));
    }
    if (hit) {
      const { listed, indicator } = hit;
      findings.push({
        file,
        kind: 'live-indicator',
        message: `${where} leads to the adversary's ${url.protocol === 'mailto:' ? 'address' : 'server'} ${url.hostname || url.pathname} (the indicator "${indicator.value}", ${indicator.id}): a reader who follows it visits them`,
        fix: `remove the link; write the indicator defanged, or link the identity with [[${indicator.id}]]`,
        indicator,
        trace: listed,
      });
    }
    return url;
  }

  /** Checks a text a reader sees for indicators written plainly. */
  #checkText(file: string, text: string, where: string, findings: PublishedFinding[]): void {
    for (const found of this.#match(foldForMatching(text))) {
      const indicator = this.#byValue.get(found.value.toLowerCase());
      if (!indicator) continue;
      findings.push({
        file,
        kind: 'indicator-in-text',
        message: `${where} shows the indicator "${indicator.value}" (${indicator.id}) undefanged, as "${found.text}"`,
        fix: `write ${found.defanged}, or link the identity with [[${indicator.id}]]`,
        indicator,
        trace: found.value,
      });
    }
  }

  #checkHtml(file: string, html: string, page: URL, findings: PublishedFinding[]): void {
    const document = file.endsWith('.svg') ? parseFragment(html) : parse(html);
    // Text is read in runs as a reader reads it: `xiao<em>hong</em>.org` shows xiaohong.org, so the
    // run goes on through inline elements and comments and ends only at a block's edge.
    let run: string[] = [];
    const flush = () => {
      if (run.length > 0) this.#checkText(file, run.join(''), 'the text', findings);
      run = [];
    };
    const stack: (readonly [Node, Region] | 'end of block')[] = [[document, Region.Outside]];
    while (stack.length > 0) {
      const entry = stack.pop() as readonly [Node, Region] | 'end of block';
      if (entry === 'end of block') {
        flush();
        continue;
      }
      const [node, region] = entry;
      if (node.nodeName === '#text') {
        run.push((node as DefaultTreeAdapterMap['textNode']).value);
        continue;
      }
      let inner = region;
      if ('tagName' in node) {
        inner = this.#checkElement(file, node, page, region, findings);
        if (!INLINE.has(node.tagName)) {
          flush();
          stack.push('end of block');
        }
      }
      const children =
        node.nodeName === 'template'
          ? (node as DefaultTreeAdapterMap['template']).content.childNodes
          : 'childNodes' in node
            ? node.childNodes
            : [];
      for (let i = children.length - 1; i >= 0; i--) stack.push([children[i] as Node, inner]);
    }
    flush();
  }

  /** Checks one element; returns the region its children are in. */
  #checkElement(file: string, element: Element, page: URL, region: Region, findings: PublishedFinding[]): Region {
    const tag = element.tagName;
    const attribute = (name: string) => element.attrs.find((attr) => attr.name === name && !attr.prefix)?.value;
    let inner: Region = region;
    const contentBody = attribute('data-content-body');
    if (region === Region.Outside && contentBody !== undefined) {
      inner = contentBody === 'with-components' ? Region.BodyWithComponents : Region.Body;
    } else if (region === Region.BodyWithComponents && attribute('data-site-component') !== undefined) {
      inner = Region.Component;
    }
    // The element is judged by where it sits: the body's own container and a component's root are the site's.
    const inBody = region === Region.Body || (region === Region.BodyWithComponents && inner !== Region.Component);
    // A component's script file is rendered beside it; the script rule below still judges it.
    const listed = isAllowedElement(tag, { site: true });
    const allowed = listed || (region === Region.BodyWithComponents && tag === 'script');
    const elementFinding = (kind: FindingKind, message: string, fix: string, trace: string) =>
      findings.push({ file, kind, message, fix, trace });

    if (NEVER.has(tag)) {
      elementFinding(
        tag === 'base' ? 'redirect' : 'element',
        `a <${tag}> element: ${tag === 'base' ? 're-bases every address on the page' : 'loads another document into the page'}`,
        'remove it; write the body as Markdown',
        `<${tag}`,
      );
    }
    if (tag === 'meta') {
      const equiv = attribute('http-equiv')?.toLowerCase();
      if (equiv === 'refresh') {
        // The site's own redirect pages (renamed slugs) refresh to a page of the site, from their head.
        const target = /url\s*=\s*['"]?([^'"]*)/i.exec(attribute('content') ?? '')?.[1];
        const url = target === undefined ? undefined : resolveUrl(target.trim(), page);
        if (inBody || !url || url.origin !== this.#site.origin) {
          elementFinding(
            'redirect',
            `a <meta http-equiv="refresh"> to ${url?.href ?? 'another address'}: the page would redirect on load`,
            'remove it; a renamed entry keeps its old address with redirect_from',
            'refresh',
          );
        }
      } else if (equiv === 'set-cookie') {
        elementFinding('redirect', 'a <meta http-equiv="set-cookie">', 'remove it', 'set-cookie');
      }
    }
    if (tag === 'script') {
      const type = (attribute('type') ?? '').trim().toLowerCase();
      const src = attribute('src');
      if (!DATA_SCRIPT_TYPES.has(type)) {
        const url = src === undefined ? undefined : resolveUrl(src, page);
        if (!url || url.origin !== this.#site.origin) {
          elementFinding(
            'script',
            src === undefined ? 'an inline script' : `a script from ${url?.origin ?? src}`,
            "remove it: only the site's own script files run on its pages",
            '<script',
          );
        }
      }
    }
    if (inBody && !allowed && element.namespaceURI === html.NS.HTML) {
      elementFinding(
        'element',
        `a <${tag}> element inside a body: it is not on the allowlist`,
        'write it as Markdown; a figure of the case belongs in a report, with the GraphFocus or MapFocus component',
        `<${tag}`,
      );
    } else if (inBody && element.namespaceURI !== html.NS.HTML) {
      elementFinding(
        'element',
        `a <${tag}> element (SVG or MathML) inside a body: it is not on the allowlist`,
        'write it as Markdown; a figure of the case belongs in a report, with the GraphFocus or MapFocus component',
        `<${tag}`,
      );
    }

    for (const attr of element.attrs) {
      const name = attr.prefix ? `${attr.prefix}:${attr.name}` : attr.name;
      const where = `<${tag} ${name}>`;
      if (name.startsWith('on') || name === 'srcdoc') {
        elementFinding(
          'attribute',
          `${where}: an event handler or inline document`,
          'remove it: pages run no script from content',
          name,
        );
        continue;
      }
      if (inBody && listed && !isAllowedAttribute(tag, name, attr.value, true)) {
        elementFinding(
          'attribute',
          `${where} inside a body: the attribute is not on the allowlist`,
          'remove it; write the body as Markdown',
          name,
        );
      }
      if (URL_ATTRIBUTES.has(attr.name)) {
        const url = this.#checkUrl(file, attr.value, page, where, findings);
        if (url && (tag === 'a' || tag === 'area') && attr.name === 'href')
          this.#checkRel(file, element, url, findings);
        const loaded =
          LOADED.has(attr.name) ||
          (tag === 'link' && attr.name === 'href' && LOADED_LINKS.test(attribute('rel') ?? ''));
        if (url && loaded) this.#checkOrigin(file, url, where, findings);
      } else if (URL_LIST_ATTRIBUTES.has(attr.name)) {
        const candidates =
          attr.name === 'ping'
            ? attr.value.split(/\s+/)
            : attr.value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '');
        for (const candidate of candidates) {
          const url = candidate ? this.#checkUrl(file, candidate, page, where, findings) : undefined;
          if (url && LOADED.has(attr.name)) this.#checkOrigin(file, url, where, findings);
        }
      } else {
        this.#checkText(file, attr.value, where, findings);
      }
    }
    return inner;
  }

  /** What a page loads by itself comes from the site: a request elsewhere would report the reader to a third party. */
  #checkOrigin(file: string, url: URL, where: string, findings: PublishedFinding[]): void {
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin === this.#site.origin) return;
    findings.push({
      file,
      kind: 'third-party',
      message: `${where} makes every reader's browser fetch ${url.href.slice(0, 80)} from another site`,
      fix: 'save the file next to the entry and refer to it with a relative path',
      trace: url.hostname,
    });
  }

  /** A link off the site must not hand the other site this page (window.opener) or its address. */
  #checkRel(file: string, element: Element, url: URL, findings: PublishedFinding[]): void {
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin === this.#site.origin) return;
    const rel = (element.attrs.find((attr) => attr.name === 'rel')?.value ?? '').toLowerCase().split(/\s+/);
    if (rel.includes('noopener') && rel.includes('noreferrer')) return;
    findings.push({
      file,
      kind: 'rel',
      message: `a link to ${url.origin} without rel="noopener noreferrer"`,
      fix: 'links in bodies get it from the Markdown pipeline; a component must add it itself',
      trace: url.hostname,
    });
  }

  /** Checks parsed JSON or XML: addresses under address-like keys, indicators in every other string. */
  #checkData(file: string, data: unknown, page: URL, findings: PublishedFinding[]): void {
    const stack: [unknown, string, boolean][] = [[data, '', false]];
    while (stack.length > 0) {
      const [value, key, plainAllowed] = stack.pop() as [unknown, string, boolean];
      if (typeof value === 'string') {
        if (URL_KEY.test(key)) this.#checkUrl(file, value, page, `the field "${key}"`, findings);
        else if (!(plainAllowed && key === 'value')) {
          // HTML inside a feed's description is read as HTML.
          if (value.includes('<')) this.#checkHtml(file, value, page, findings);
          else this.#checkText(file, value, `the field "${key}"`, findings);
        }
      } else if (Array.isArray(value)) {
        for (const item of value) stack.push([item, key, false]);
      } else if (value !== null && typeof value === 'object') {
        const record = value as Record<string, unknown>;
        const holder = [record['kind'], record['type']].some(
          (v) => typeof v === 'string' && PLAIN_VALUE_HOLDERS.has(v),
        );
        for (const [childKey, child] of Object.entries(record)) stack.push([child, childKey, holder]);
      }
    }
  }
}
