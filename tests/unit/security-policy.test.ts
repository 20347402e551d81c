import { describe, expect, test } from 'vitest';
import {
  formatCsp,
  headersFile,
  mergeCsp,
  metaPolicy,
  nginxSnippet,
  parseCsp,
  parseHeadersFile,
  securityHeaders,
} from '../../src/lib/security-policy.ts';

describe('parseCsp and formatCsp', () => {
  test('read and write a policy without changing it', () => {
    const text = "default-src 'self'; img-src 'self' data:; script-src 'self' 'sha256-abc='";
    expect(formatCsp(parseCsp(text))).toBe(text);
  });

  test('accept Astro’s spacing and keep the first of a repeated directive, as browsers do', () => {
    const policy = parseCsp("default-src 'self';img-src 'self'; img-src *; script-src 'self';");
    expect([...policy.keys()]).toEqual(['default-src', 'img-src', 'script-src']);
    expect(policy.get('img-src')).toEqual(["'self'"]);
  });
});

describe('metaPolicy', () => {
  test('reads the policy from a page, unescaping quotes', () => {
    const html =
      '<head><meta http-equiv="content-security-policy" content="default-src &#39;self&#39;; img-src data:"></head>';
    expect(metaPolicy(html)).toBe("default-src 'self'; img-src data:");
  });

  test('says when a page has none', () => {
    expect(metaPolicy('<head><meta name="referrer" content="no-referrer"></head>')).toBeUndefined();
  });
});

describe('mergeCsp', () => {
  test('keeps every source any page needs, hashes sorted, whatever the page order', () => {
    const a = parseCsp("script-src 'self' 'sha256-b='; style-src 'self'");
    const b = parseCsp("script-src 'self' 'sha256-a=' 'wasm-unsafe-eval'; img-src data:");
    const expected = "script-src 'self' 'wasm-unsafe-eval' 'sha256-a=' 'sha256-b='; style-src 'self'; img-src data:";
    expect(formatCsp(mergeCsp([a, b]))).toBe(expected);
    expect(formatCsp(mergeCsp([b, a]))).toBe(
      "script-src 'self' 'wasm-unsafe-eval' 'sha256-a=' 'sha256-b='; img-src data:; style-src 'self'",
    );
  });
});

describe('securityHeaders', () => {
  const headers = securityHeaders(parseCsp("default-src 'self'; script-src 'self'"));
  const byName = new Map(headers.map((header) => [header.name, header.value]));

  test('adds what a <meta> policy cannot say to the pages’ own policy', () => {
    expect(byName.get('Content-Security-Policy')).toBe("default-src 'self'; script-src 'self'; frame-ancestors 'none'");
  });

  test.each([
    ['X-Content-Type-Options', 'nosniff'],
    ['X-Frame-Options', 'DENY'],
    ['Referrer-Policy', 'no-referrer'],
  ])('sends %s: %s', (name, value) => {
    expect(byName.get(name)).toBe(value);
  });

  test('turns off the browser features the site never uses', () => {
    expect(byName.get('Permissions-Policy')).toMatch(/^(?:[a-z-]+=\(\)(?:, |$))+/);
    expect(byName.get('Permissions-Policy')).toContain('geolocation=()');
    expect(byName.get('Permissions-Policy')).toContain('camera=()');
  });
});

describe('the _headers file and the nginx snippet', () => {
  const headers = securityHeaders(parseCsp("default-src 'self'"));

  test('_headers applies every header to every path and reads back the same', () => {
    const file = headersFile(headers);
    expect(file.split('\n')[0]).toBe('/*');
    expect(parseHeadersFile(file)).toEqual(headers);
  });

  test('only headers of the /* rule are read back', () => {
    const file = `/downloads/*\n  X-Robots-Tag: noindex\n\n${headersFile(headers)}`;
    expect(parseHeadersFile(file)).toEqual(headers);
  });

  test('nginx gets one add_header line per header, sent with error pages too', () => {
    const lines = nginxSnippet(headers)
      .split('\n')
      .filter((line) => line.startsWith('add_header'));
    expect(lines).toHaveLength(headers.length);
    expect(lines[0]).toBe(`add_header Content-Security-Policy "default-src 'self'; frame-ancestors 'none'" always;`);
    expect(lines.every((line) => line.endsWith('" always;'))).toBe(true);
  });
});
