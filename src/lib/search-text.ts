/**
 * Chinese in an English search index. Pagefind indexes a run of hanzi such as
 * 天津市河东区新开路46号冠福大厦1102 as one word and matches queries only as prefixes of words, so
 * 新开路 from the middle of it would never be found. The copy of each page given to the indexer
 * therefore has a space after every hanzi (each becomes a word of its own), and a query written in
 * hanzi is searched as an exact phrase of single characters, which finds any substring in order.
 */

const HAN = /(\p{Script=Han})/gu;
const HAN_TEST = /\p{Script=Han}/u;

/** Puts spaces around every hanzi in a text, for the indexer's copy. */
export function spaceHanzi(text: string): string {
  if (!HAN_TEST.test(text)) return text;
  return text.replace(HAN, ' $1 ').replace(/ {2,}/g, ' ');
}

// Attributes that carry search metadata (see the data-pagefind-meta lists in the layouts).
const META_ATTRIBUTE = /(\sdata-(?:title|native|aliases|summary)=")([^"]*)"/g;

// Closing tags of blocks after which words must not run together ("Area" + "Hedong" → AreaHedong):
// Astro writes compact HTML without whitespace between elements.
const BLOCK_END = /<\/(?:dt|dd|li|p|h[1-6]|div|td|th|tr|section|header|footer|figcaption|caption|blockquote)>/g;

/**
 * The copy of a page the indexer reads: hanzi spaced apart in text and in the attributes that feed
 * search metadata (so names in hanzi weigh as names), and a space after each block so words of
 * neighbouring blocks stay apart. Other attributes are left alone.
 */
export function indexCopy(html: string): string {
  return html
    .replace(BLOCK_END, '$& ')
    .replace(/>([^<]+)</g, (whole, text: string) => (HAN_TEST.test(text) ? `>${spaceHanzi(text)}<` : whole))
    .replace(META_ATTRIBUTE, (whole, start: string, value: string) =>
      HAN_TEST.test(value) ? `${start}${spaceHanzi(value).trim()}"` : whole,
    );
}

// The element whose content Pagefind indexes, and the document's language and title around it.
const BODY_START = /<([a-z][a-z0-9-]*)\b[^>]*\sdata-pagefind-body(?=[\s>=\/])[^>]*>/i;
const HTML_START = /<html\b[^>]*>/i;
const TITLE = /<title>[\s\S]*?<\/title>/i;

/**
 * What Pagefind needs of a page, and no more: the `<html>` tag (its `lang` picks the word
 * segmentation), the title, and the element marked `data-pagefind-body` with everything in it.
 * Pagefind ignores the rest of a page once any page has such an element, but still has to receive and
 * parse it: the header, footer, search dialog, inline styles and the Content Security Policy make up
 * most of a dossier's bytes. Returns `undefined` when the page has no such element, and the whole
 * page when the element cannot be cut out cleanly.
 */
export function searchableCopy(html: string): string | undefined {
  const start = BODY_START.exec(html);
  if (!start) return html.includes('data-pagefind-body') ? html : undefined;
  const tag = (start[1] ?? '').toLowerCase();
  // Find the matching end tag, counting elements of the same name opened inside it.
  const tags = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
  tags.lastIndex = start.index + start[0].length;
  let depth = 1;
  let end = -1;
  for (let match = tags.exec(html); match; match = tags.exec(html)) {
    depth += match[1] === '/' ? -1 : 1;
    if (depth === 0) {
      end = match.index + match[0].length;
      break;
    }
  }
  if (end < 0) return html;
  const htmlTag = HTML_START.exec(html)?.[0] ?? '<html>';
  const title = TITLE.exec(html)?.[0] ?? '';
  return `<!doctype html>${htmlTag}<head><meta charset="utf-8">${title}</head><body>${html.slice(start.index, end)}</body></html>`;
}

/** Undoes `spaceHanzi` in plain text (metadata shown in results). */
export function unspaceHanzi(text: string): string {
  return text.replace(/(\p{Script=Han}) (?=\p{Script=Han}|\d)/gu, '$1').replace(/(\d) (?=\p{Script=Han})/gu, '$1');
}

/**
 * Rewrites a reader's query for the index: runs of hanzi become single characters, and a query made
 * only of hanzi becomes an exact phrase so the characters must be adjacent and in order.
 */
export function indexQuery(query: string): string {
  const trimmed = query.trim();
  if (!HAN_TEST.test(trimmed)) return trimmed;
  const spaced = spaceHanzi(trimmed).trim();
  const onlyHanzi = !/[\p{L}\p{N}]/u.test(trimmed.replace(/\p{Script=Han}/gu, ''));
  return onlyHanzi && [...trimmed.matchAll(HAN)].length > 1 ? `"${spaced}"` : spaced;
}

/** Removes the spaces the indexer's copy put between hanzi from an excerpt, marks included. */
export function tidyExcerpt(excerptHtml: string): string {
  // A space between two hanzi, possibly with </mark> or <mark> tags on either side of it.
  return excerptHtml
    .replace(/(\p{Script=Han}(?:<\/?mark>)*) ((?:<\/?mark>)*)(?=\p{Script=Han}|\d)/gu, '$1$2')
    .replace(/(\d) (?=\p{Script=Han})/gu, '$1');
}

/** What the search box says under `astro dev`, where no index exists (Starlight's users were left guessing). */
export const DEV_SEARCH_NOTICE =
  'Search works on a built site: run “npm run build”, then “npm run preview”. The development server has no search index.';
