import { XMLParser } from 'fast-xml-parser';
import { checkData } from './data.ts';
import type { FileCheck, PublishedCheckOptions, PublishedFinding } from './findings.ts';
import { checkHtml } from './html.ts';
import { AdversaryIndicators } from './indicators.ts';

/** The checker of one built site: each file parsed once by its kind and walked once. */

/** The checker of one built site. */
export class PublishedChecker {
  readonly #site: URL;
  readonly #siteOrigin: string;
  /** Whether the site's origin is a web origin that is no indicator's host. */
  readonly #siteSafe: boolean;
  readonly #indicators: AdversaryIndicators;
  readonly #xml = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    processEntities: true,
    htmlEntities: true,
  });

  constructor(options: PublishedCheckOptions) {
    this.#site = new URL(options.site);
    this.#siteOrigin = this.#site.origin;
    this.#indicators = new AdversaryIndicators(options.indicators);
    const web = this.#site.protocol === 'http:' || this.#site.protocol === 'https:';
    this.#siteSafe = web && this.#indicators.host(this.#site.hostname) === undefined;
  }

  /** Checks one built file by its extension; other kinds of file are not read. */
  check(file: string, text: string): PublishedFinding[] {
    const page = new URL(file.replace(/(^|\/)index\.html$/, '$1'), this.#site);
    const check: FileCheck = {
      file,
      page,
      site: this.#site,
      siteOrigin: this.#siteOrigin,
      originSafe: this.#siteSafe && page.origin === this.#siteOrigin,
      indicators: this.#indicators,
      findings: [],
    };
    if (file.endsWith('.html') || file.endsWith('.svg')) checkHtml(check, text);
    else if (file.endsWith('.json')) checkData(check, JSON.parse(text) as unknown);
    else if (file.endsWith('.xml')) checkData(check, this.#xml.parse(text) as unknown);
    return check.findings;
  }
}
