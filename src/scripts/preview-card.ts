import { entityPreview, recordUrl, type EntityPreview } from '../lib/entity-preview.ts';
import { splitHanziRuns } from '../lib/hanzi.ts';
import { CONFIDENCE_INFO } from '../lib/schema/confidence.ts';

/**
 * The contents of the link preview card (see link-preview.ts), loaded with the first preview. A
 * citation's card is read from the page itself: the mark carries the passage and locator, the
 * page's source list the title, byline and addresses. A dossier's card is read from its JSON record.
 */

/** Creates an element with a class and children (text or elements). */
function el(tag: string, className: string, ...children: (Node | string | undefined)[]): HTMLElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  for (const child of children) if (child !== undefined) node.append(child);
  return node;
}

/** A link; addresses outside the site open with no referrer and no opener. */
function link(href: string, text: string, external = false): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  if (external) a.rel = 'noopener noreferrer external';
  return a;
}

/** Text with its runs of hanzi marked Chinese, as the pages mark them. */
function runs(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const run of splitHanziRuns(text)) {
    if (run.lang === undefined) fragment.append(run.text);
    else fragment.append(Object.assign(el('span', '', run.text), { lang: run.lang }));
  }
  return fragment;
}

/** The card of a citation mark, from the mark and the page's source list. */
function citationCard(mark: HTMLAnchorElement): HTMLElement | undefined {
  const entry = document.getElementById(decodeURIComponent(mark.hash.slice(1)));
  const title = entry?.querySelector<HTMLAnchorElement>('a.title');
  if (!entry || !title) return undefined;
  const n = mark.textContent.trim();
  const byline = entry
    .querySelector('.by')
    ?.textContent.replace(/^\s*—\s*/, '')
    .trim();
  const url = entry.querySelector<HTMLAnchorElement>('a.url');
  const archived = entry.querySelector<HTMLAnchorElement>('a.archived');
  const noUrl = entry.querySelector('.muted')?.textContent.trim();
  const { quote, locator } = mark.dataset;
  const links = el('p', 'pc-links');
  const addLink = (node: Node) => {
    if (links.childNodes.length > 0) links.append(' · ');
    links.append(node);
  };
  if (url) addLink(link(url.href, `Source: ${url.hostname}`, true));
  else if (noUrl) addLink(el('span', 'muted', noUrl));
  if (archived) addLink(link(archived.href, 'Archived copy', true));
  addLink(link(`#${entry.id}`, 'In the source list'));
  const card = el(
    'div',
    'pc pc-cite',
    el('p', 'pc-kicker', `Source ${n}`),
    el('p', 'pc-title', link(title.href, title.textContent.trim())),
    byline ? el('p', 'pc-by', byline) : undefined,
    quote ? el('blockquote', 'pc-quote', el('q', '', runs(quote))) : undefined,
    locator ? el('p', 'pc-locator', `Where: ${locator}`) : undefined,
    links,
  );
  if (mark.id) {
    const copy = el('button', 'pc-copy', 'Copy link to this citation');
    copy.setAttribute('type', 'button');
    copy.dataset.copyLink = `#${mark.id}`;
    card.append(el('p', '', copy));
  }
  card.dataset.title = `source ${n}, ${title.textContent.trim()}`;
  return card;
}

const previews = new Map<string, Promise<EntityPreview>>();

/** The preview of a dossier, fetched once per page. */
function fetchPreview(pathname: string): Promise<EntityPreview> {
  let preview = previews.get(pathname);
  if (!preview) {
    preview = fetch(recordUrl(pathname)).then(async (response) => {
      if (!response.ok) throw new Error(`${recordUrl(pathname)}: HTTP ${response.status}`);
      return entityPreview(await response.json());
    });
    previews.set(pathname, preview);
  }
  return preview;
}

/** The card of a link to a dossier. */
async function entityCard(target: HTMLAnchorElement): Promise<HTMLElement | undefined> {
  const url = new URL(target.href, location.href);
  const preview = await fetchPreview(url.pathname).catch(() => undefined);
  if (!preview) return undefined;
  const type = url.pathname.split('/').at(-3) ?? '';
  const name = el('p', 'pc-title', link(url.pathname, preview.name));
  if (preview.native && preview.native !== preview.name) name.append(' ', el('span', 'native', runs(preview.native)));
  const grades = el('ul', 'pc-grades');
  for (const grade of preview.grades) {
    const tag = el('span', `grade-tag grade-${grade.confidence}`, CONFIDENCE_INFO[grade.confidence].label);
    grades.append(el('li', '', `${grade.count} `, tag));
  }
  const card = el(
    'div',
    `pc pc-entity type-${type}`,
    el('p', 'pc-kicker', preview.typeLabel),
    name,
    el('p', 'pc-summary', runs(preview.summary)),
    preview.grades.length > 0 ? el('p', 'pc-grades-label', 'Relationships') : undefined,
    preview.grades.length > 0 ? grades : undefined,
  );
  card.dataset.title = preview.name;
  return card;
}

/** The card's contents for a link, or undefined when there is nothing to show. */
export async function buildCard(target: HTMLAnchorElement): Promise<HTMLElement | undefined> {
  return target.classList.contains('cite-mark') ? citationCard(target) : entityCard(target);
}

/** Places the card below the link, or above it when there is no room below, inside the viewport. */
export function placeCard(card: HTMLElement, target: HTMLElement): void {
  const margin = 8;
  const anchor = target.getBoundingClientRect();
  const size = card.getBoundingClientRect();
  let top = anchor.bottom + 6;
  if (top + size.height > innerHeight - margin && anchor.top - 6 - size.height > margin) {
    top = anchor.top - 6 - size.height;
  }
  const left = Math.max(margin, Math.min(anchor.left, innerWidth - size.width - margin));
  // Room neither below nor above: the card stays whole on screen (it is fixed, so what lies past the
  // edge could not be scrolled to), over its link if it must.
  top = Math.max(margin, Math.min(top, innerHeight - size.height - margin));
  card.style.top = `${Math.round(top)}px`;
  card.style.left = `${Math.round(left)}px`;
}
