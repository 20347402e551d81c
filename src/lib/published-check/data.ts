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

/** Whether each key met so far holds an address: keys repeat in every record, the test runs once per key. */
const urlKeys = new Map<string, boolean>();

/** Whether a key of a JSON or XML object holds an address. */
function isUrlKey(key: string): boolean {
  let known = urlKeys.get(key);
  if (known === undefined) {
    known = URL_KEY.test(key);
    // Keys are the writers' own few names; a file of made-up keys must not grow the table without end.
    if (urlKeys.size < 10_000) urlKeys.set(key, known);
  }
  return known;
}

/** Whether a record is an identity or observable whose `value` is its indicator (its kind or type says so). */
function holdsPlainValue(record: Record<string, unknown>): boolean {
  const kind = record['kind'];
  if (typeof kind === 'string' && PLAIN_VALUE_HOLDERS.has(kind)) return true;
  const type = record['type'];
  return typeof type === 'string' && PLAIN_VALUE_HOLDERS.has(type);
}

/** Checks parsed JSON or XML. */
export function checkData(check: FileCheck, data: unknown): void {
  // Depth first on three stacks (a file may nest deeper than the call stack): each value, the key
  // it sits under, and whether its record publishes its `value` plain.
  const values: unknown[] = [data];
  const keys: string[] = [''];
  const plain: boolean[] = [false];
  while (values.length > 0) {
    const value = values.pop();
    const key = keys.pop() ?? '';
    const plainAllowed = plain.pop() ?? false;
    if (typeof value === 'string') {
      if (isUrlKey(key)) checkUrl(check, value, `the field "${key}"`);
      else if (!(plainAllowed && key === 'value')) {
        // HTML inside a feed's description is read as HTML.
        if (value.includes('<')) checkHtml(check, value);
        else check.indicators.checkText(check, value, `the field "${key}"`);
      }
    } else if (Array.isArray(value)) {
      for (const item of value) {
        values.push(item);
        keys.push(key);
        plain.push(false);
      }
    } else if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      const holder = holdsPlainValue(record);
      for (const childKey of Object.keys(record)) {
        values.push(record[childKey]);
        keys.push(childKey);
        plain.push(holder);
      }
    }
  }
}
