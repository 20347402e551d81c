import type { FileCheck } from './findings.ts';
import { checkHtml } from './html.ts';
import { checkUrl } from './urls.ts';

/**
 * Data files (JSON, feeds and sitemaps) read as a consuming tool reads them: addresses under
 * address-like keys go to the URL rules, HTML inside a string (a feed's description) to the HTML
 * walk, every other string to the indicator rules, except the plain `value` of an indicator
 * identity or STIX observable, which tools need plain.
 */

/** The text of a key in a JSON or XML object that holds an address. */
const URL_KEY = /(^|[_@-])(url|href|src|uri|link|loc)$/i;

/** Identity kinds and STIX observable types whose `value` is the indicator itself, published plain for tools. */
const PLAIN_VALUE_HOLDERS = new Set(['domain', 'url', 'email', 'domain-name', 'email-addr']);

/** Checks parsed JSON or XML. */
export function checkData(check: FileCheck, data: unknown): void {
  const stack: [unknown, string, boolean][] = [[data, '', false]];
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const [value, key, plainAllowed] = entry;
    if (typeof value === 'string') {
      if (URL_KEY.test(key)) checkUrl(check, value, `the field "${key}"`);
      else if (!(plainAllowed && key === 'value')) {
        // HTML inside a feed's description is read as HTML.
        if (value.includes('<')) checkHtml(check, value);
        else check.indicators.checkText(check, value, `the field "${key}"`);
      }
    } else if (Array.isArray(value)) {
      for (const item of value) stack.push([item, key, false]);
    } else if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      const holder = [record['kind'], record['type']].some((v) => typeof v === 'string' && PLAIN_VALUE_HOLDERS.has(v));
      for (const [childKey, child] of Object.entries(record)) stack.push([child, childKey, holder]);
    }
  }
}
