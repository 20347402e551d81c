import { describe, expect, test } from 'vitest';
import { MAX_STATIC_REDIRECTS, redirectsFile } from '../../src/lib/redirects-file.ts';

/** The `_redirects` file for Cloudflare Pages and Netlify: one 301 per old slug, under the base path. */

describe('redirectsFile', () => {
  test('writes one 301 per old address, sorted, with the base path', () => {
    const redirects = [
      { from: 'people/wei-li', to: 'people/li-wei' },
      { from: 'companies/acme-old', to: 'companies/acme' },
    ];
    expect(redirectsFile(redirects, '/case/')).toEqual({
      text: [
        '# Old addresses of renamed entries, forwarded to where the entries are now.',
        '/case/companies/acme-old/ /case/companies/acme/ 301',
        '/case/people/wei-li/ /case/people/li-wei/ 301',
        '',
      ].join('\n'),
      leftOut: 0,
    });
    expect(redirectsFile(redirects, '/').text).toContain('\n/people/wei-li/ /people/li-wei/ 301\n');
  });

  test('a case with no renamed entry gets the comment only', () => {
    expect(redirectsFile([], '/').text).toBe(
      '# Old addresses of renamed entries, forwarded to where the entries are now.\n',
    );
  });

  test('keeps to Cloudflare Pages’ 2,000 static redirects and says how many were left out', () => {
    const many = Array.from({ length: 2003 }, (_, i) => ({
      from: `people/old-${String(i).padStart(4, '0')}`,
      to: 'people/li-wei',
    }));
    const file = redirectsFile(many, '/');
    expect(MAX_STATIC_REDIRECTS).toBe(2000);
    expect(file.leftOut).toBe(3);
    expect(file.text.trimEnd().split('\n')).toHaveLength(2001);
    expect(file.text).not.toContain('/people/old-2000/');
  });
});
