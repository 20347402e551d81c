/**
 * What the tests of the built-page check's cache and early check both check: the check's settings
 * with one indicator, a page that names it only defanged, and a page that links to it live.
 */

/** The check's settings: the site and one indicator domain. */
export const options = {
  site: 'https://casefile.example/',
  indicators: [{ value: 'xiaohong.org', kind: 'domain' as const, id: 'identities/xiaohong-org' }],
};

/** A page that names the indicator defanged: nothing to report. */
export const SAFE = '<!doctype html><html><head><title>t</title></head><body><p>see xiaohong[.]org</p></body></html>';

/** A page that links to the indicator: a live indicator to report. */
export const LIVE =
  '<!doctype html><html><head><title>t</title></head><body><a href="https://xiaohong.org/" rel="noopener noreferrer">x</a></body></html>';
