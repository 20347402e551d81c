import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT, builtFiles } from '../e2e/built-site.ts';

/**
 * Every page carries one fixed Content Security Policy, first in its head after the character set, so
 * it governs every script and style sheet the page names. The policy lists no hashes, which holds only
 * while no page inlines a script the browser runs or a style: this test looks for either in every page.
 * (tests/e2e/site-checks.ts compares the policy with _headers and runs every page in Chromium.)
 */

/** The policy as the site's settings give it, written out by hand (the sample and fixture use OSM tiles). */
const POLICY =
  "default-src 'self'; img-src 'self' data: https://tile.openstreetmap.org; connect-src 'self'; font-src 'self'; " +
  "object-src 'none'; base-uri 'self'; form-action 'self'; worker-src 'self' blob:; manifest-src 'self'; " +
  "script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

const HEAD_START = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="${POLICY}">`;

describe.each(['dist', 'dist-fixture', 'dist-fixture-base'])('%s', (dist) => {
  const built = existsSync(path.join(ROOT, dist));
  const pages = built ? builtFiles(dist).filter((file) => file.endsWith('.html') && !file.startsWith('pagefind')) : [];

  test.skipIf(!built)('every page starts with the one policy, and has no other', () => {
    expect(pages.length).toBeGreaterThan(20);
    for (const page of pages) {
      const html = readFileSync(path.join(ROOT, dist, page), 'utf8');
      expect(html.startsWith(HEAD_START), `${page} starts its head with the policy`).toBe(true);
      expect(html.match(/http-equiv="content-security-policy"/gi), page).toHaveLength(1);
    }
  });

  test.skipIf(!built)('no page inlines a script the browser runs, a style element or a style attribute', () => {
    const found: string[] = [];
    for (const page of pages) {
      const html = readFileSync(path.join(ROOT, dist, page), 'utf8');
      for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
        if (!/\ssrc="/.test(tag) && !/\stype="application\/ld\+json"/.test(tag)) found.push(`${page}: ${tag}`);
      }
      if (/<style\b/i.test(html)) found.push(`${page}: a <style> element`);
      if (/<[a-z][^>]*\sstyle=/i.test(html)) found.push(`${page}: a style attribute`);
    }
    expect(found).toEqual([]);
  });
});
