import { expect, test } from '@playwright/test';
import { builtBytes, builtFiles } from '../built-site.ts';
import { INTERNAL_PHRASES } from '../../internal-phrases.ts';

/**
 * Whatever the case, the built site speaks to readers, never of the project that built it: no page,
 * feed, export or note beside the map's outlines names the project's own files or commands.
 */

// What a reader or a downstream tool receives as text. Left out: the bundled scripts and styles
// (_astro/) and Pagefind's index (built from the pages already read).
const PUBLIC_TEXT = /\.(html|xml|json|csv|txt)$/;
const NOT_PUBLIC_TEXT = /^(_astro|pagefind)\//;
/** How the project's files and commands would show: a path into the repository, or a command. */
const PROJECT_WORDS = [/\bsrc\/(lib|cli|site|scripts|components|pages|reader)\b/, /\btests\/(unit|e2e|fixtures)\b/, /\bnpm run\b/];

test('no built page, feed, export or note names the project’s files or commands', () => {
  const files = builtFiles('dist').filter((file) => PUBLIC_TEXT.test(file) && !NOT_PUBLIC_TEXT.test(file));
  expect(files).toContain('basemap/README.txt');
  const found: string[] = [];
  for (const file of files) {
    const text = builtBytes('dist', file).toString('utf8');
    for (const pattern of PROJECT_WORDS) if (pattern.test(text)) found.push(`${file}: ${String(pattern)}`);
    const lower = text.toLowerCase();
    for (const phrase of INTERNAL_PHRASES) if (lower.includes(phrase)) found.push(`${file}: “${phrase}”`);
  }
  expect(found).toEqual([]);
});
