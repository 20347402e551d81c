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
 * Each file is parsed once and walked once: linear in the size of the output. The rules live in
 * published-check/: indicators.ts (adversary hosts and text), urls.ts (schemes, hosts, origins,
 * rel), elements.ts (the allowlist and attributes), scripts.ts (scripts, JSON-LD, refresh), html.ts
 * (the walk through a page), data.ts (JSON and XML), findings.ts (what is reported).
 */
export { PublishedChecker } from './published-check/index.ts';
export { foldForMatching } from './published-check/indicators.ts';
export type {
  FindingKind,
  PublishedCheckOptions,
  PublishedFinding,
  PublishedIndicator,
} from './published-check/findings.ts';
