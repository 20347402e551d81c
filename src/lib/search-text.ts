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

// Closing tags of blocks after which words must not run together ("Area" + "Hedong" → AreaHedong):
// Astro writes compact HTML without whitespace between elements.
const BLOCK_END = /<\/(?:dt|dd|li|p|h[1-6]|div|td|th|tr|section|header|footer|figcaption|caption|blockquote)>/g;

/**
 * The copy of a search document the indexer reads: hanzi spaced apart in the text, and a space
 * after each block so words of neighbouring blocks stay apart. Attributes (the metadata shown in
 * results) are left as written.
 */
export function indexCopy(html: string): string {
  return html
    .replace(BLOCK_END, '$& ')
    .replace(/>([^<]+)</g, (whole, text: string) => (HAN_TEST.test(text) ? `>${spaceHanzi(text)}<` : whole));
}

/**
 * The inner HTML of every element carrying `attribute` (e.g. `data-search-body`), in page order:
 * the part of a built page that is the entry's own body. Elements of the same name nested inside are
 * counted, so the cut ends at the marked element's own end tag. Throws when one is never closed.
 */
export function markedElements(html: string, attribute: string): string[] {
  const start = new RegExp(`<([a-z][a-z0-9-]*)\\b[^>]*\\s${attribute}(?=[\\s>=/])[^>]*>`, 'gi');
  // `start` alone tries every tag of the page, each to its end and back (a tenth of a 5,000-entity
  // build's main thread after its pages). A match holds the attribute's name, and no `>` lies between
  // its `<` and the name: so none starts before the last `>` ahead of the name's next occurrence, and
  // the search may begin just after that `>`, finding the very match it would have found from afar.
  const name = new RegExp(attribute, 'gi');
  const nextOpen = (at: number): RegExpExecArray | null => {
    name.lastIndex = at;
    const next = name.exec(html);
    if (!next) return null;
    start.lastIndex = Math.max(at, html.lastIndexOf('>', next.index) + 1);
    return start.exec(html);
  };
  const found: string[] = [];
  for (let open = nextOpen(0); open; open = nextOpen(start.lastIndex)) {
    const tag = (open[1] ?? '').toLowerCase();
    const tags = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
    const from = open.index + open[0].length;
    tags.lastIndex = from;
    let depth = 1;
    let end = -1;
    for (let match = tags.exec(html); match; match = tags.exec(html)) {
      depth += match[1] === '/' ? -1 : 1;
      if (depth === 0) {
        end = match.index;
        break;
      }
    }
    if (end < 0) throw new Error(`the <${tag} ${attribute}> element is never closed`);
    found.push(html.slice(from, end));
    start.lastIndex = end;
  }
  return found;
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
