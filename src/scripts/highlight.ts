/**
 * Arriving from a search result (…?highlight=terms), marks the matched terms in the page's main
 * content and scrolls to the first one. Hanzi are matched as written, anywhere in a word.
 */

const HAN = /\p{Script=Han}/u;

/** The terms of a query: hanzi runs whole, other words of two or more characters. */
function termsOf(query: string): string[] {
  const terms = query
    .split(/\s+/)
    .map((term) => term.replace(/^["'“”]+|["'“”]+$/g, ''))
    .filter((term) => term.length >= 2 || HAN.test(term));
  return [...new Set(terms)].sort((a, b) => b.length - a.length);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function highlight(root: Element, terms: readonly string[]): HTMLElement | undefined {
  if (terms.length === 0) return undefined;
  const pattern = new RegExp(terms.map(escapeRegExp).join('|'), 'giu');
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest('script, style, mark, button') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  let first: HTMLElement | undefined;
  for (const node of nodes) {
    const text = node.data;
    pattern.lastIndex = 0;
    if (!pattern.test(text)) continue;
    pattern.lastIndex = 0;
    const fragment = document.createDocumentFragment();
    let cursor = 0;
    for (const match of text.matchAll(pattern)) {
      fragment.append(text.slice(cursor, match.index));
      const mark = document.createElement('mark');
      mark.className = 'search-hit';
      mark.textContent = match[0];
      fragment.append(mark);
      first ??= mark;
      cursor = match.index + match[0].length;
    }
    fragment.append(text.slice(cursor));
    node.replaceWith(fragment);
  }
  return first;
}

const query = new URLSearchParams(location.search).get('highlight');
// The page's main content: the dossier with its facts (an address matched is in the facts card).
const root = document.querySelector('main article') ?? document.querySelector('main');
if (query && root) {
  const first = highlight(root, termsOf(query));
  first?.scrollIntoView({ block: 'center' });
}

// A module (not a global script), so Base.astro can load it with import() only when needed.
export {};
