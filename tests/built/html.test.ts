import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT, builtFiles } from '../e2e/built-site.ts';
import { checkHtmlFiles, formatNuMessage, isNuError, type NuMessage } from './nu-checker.ts';

/**
 * Every page of both built sites, checked by the W3C Nu HTML Checker: zero errors. All pages go to
 * one run of the checker (it is slow to start), with a page of known faults beside them, so a
 * checker that reads nothing cannot pass for one that finds nothing. Run after `npm run build` and
 * `npm run build:fixture`.
 */

const SITES = ['dist', 'dist-fixture'] as const;
const scratch = mkdtempSync(path.join(tmpdir(), 'casefile-nu-'));
const canary = path.join(scratch, 'canary.html');
let messages: NuMessage[] = [];

/** The HTML files of a built site, as absolute paths. */
function pagesOf(site: string): string[] {
  if (!existsSync(path.join(ROOT, site, 'index.html')))
    throw new Error(`${site}/ has no built site: run npm run build and npm run build:fixture first`);
  return builtFiles(site)
    .filter((file) => file.endsWith('.html'))
    .map((file) => path.join(ROOT, site, file));
}

/** The file a message is about. */
function fileOf(message: NuMessage): string {
  return message.url ? fileURLToPath(message.url) : '';
}

/** The checker's errors on the files under `folder`, one line each. */
function errorsUnder(folder: string): string[] {
  return messages
    .filter((message) => isNuError(message) && fileOf(message).startsWith(`${folder}${path.sep}`))
    .map(formatNuMessage);
}

beforeAll(async () => {
  writeFileSync(
    canary,
    [
      '<!DOCTYPE html>',
      '<html lang="en">',
      '<head><meta charset="utf-8"><title>A page with three known faults</title></head>',
      '<body>',
      '<figure><div>picture</div><figcaption>caption</figcaption><div>list</div></figure>',
      '<img src="pin.svg" alt="" width="21.5" height="29">',
      '</body>',
      '</html>',
      '<script type="module" src="page.js"></script>',
      '',
    ].join('\n'),
  );
  messages = await checkHtmlFiles([...SITES.flatMap(pagesOf), canary]);
}, 600_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the Nu HTML Checker', () => {
  test('finds the faults of a page made to have them', () => {
    expect(messages.filter((message) => fileOf(message) === canary).map((message) => message.message)).toEqual([
      'Element “div” not allowed as child of element “figure” in this context. (Suppressing further errors from this subtree.)',
      'Bad value “21.5” for attribute “width” on element “img”: Expected a digit but saw “.” instead.',
      'Stray start tag “script”.',
      'Cannot recover after last error. Any further errors will be ignored.',
    ]);
  });

  test.each(SITES)('finds no error on any page of %s/', (site) => {
    expect(pagesOf(site).length).toBeGreaterThan(1);
    const errors = errorsUnder(path.join(ROOT, site));
    expect(errors, `${errors.length} errors:\n${errors.join('\n')}`).toEqual([]);
  });
});
