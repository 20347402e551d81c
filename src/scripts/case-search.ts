import { loadHits, loadTypeCounts, searchNames, searchText, type PagefindResult } from './search-engine.ts';
import {
  entityPath,
  isEntityType,
  markedText,
  nameLine,
  resultHref,
  textElement,
  typeMarker,
} from './search-render.ts';
import { DEV_SEARCH_NOTICE } from '../lib/search-text.ts';
import { ENTITY_TYPE_INFO } from '../lib/schema/entity-types.ts';
import type { SearchHit } from '../lib/search-results.ts';
import { findParts, type Parts } from './element-parts.ts';

/**
 * `<case-search>`: the /search/ page. Dossiers whose name matches come first (one line each, as in
 * the quick-jump dialog), then every page whose text matches, ten at a time, with the matched
 * passage marked, and filters by type that show only the types found. The query and filters live
 * in the URL, so a search can be linked.
 */

/** How many results are loaded and shown at once; each costs a request, so the reader asks for more. */
export const PAGE_SIZE = 10;

/** Dossiers listed by name above the results at most. */
const NAMES_SHOWN = 5;

/** The order types are offered in: entity types as the site lists them, then reports and sources. */
const TYPE_ORDER = [...Object.values(ENTITY_TYPE_INFO).map((info) => info.plural), 'Reports', 'Sources'];

/** The parts of the page the element drives. */
const PARTS = {
  input: ['input[type="search"]', HTMLInputElement],
  names: ['[data-names]', HTMLElement],
  nameList: ['[data-name-list]', HTMLUListElement],
  chips: ['[data-chips]', HTMLElement],
  select: ['[data-type-select]', HTMLSelectElement],
  results: ['[data-results]', HTMLOListElement],
  status: ['[data-status]', HTMLElement],
  more: ['[data-more]', HTMLButtonElement],
} as const;

class CaseSearch extends HTMLElement {
  #ui!: Parts<typeof PARTS>;
  #rest: PagefindResult[] = [];
  #total = 0;
  #query = '';
  #types: string[] = [];
  #counts: Record<string, number> = {};
  #generation = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #base = '/';

  connectedCallback(): void {
    const ui = findParts(this, PARTS);
    if (!ui) return;
    this.#ui = ui;
    const { input, select, more } = ui;
    this.#base = this.dataset.base ?? '/';
    more.addEventListener('click', () => void this.#showMore());
    select.addEventListener('change', () => this.#setTypes(select.value ? select.value.split(',') : []));
    this.querySelector('form')?.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#focusResult(0);
    });
    input.addEventListener('input', () => this.#schedule());
    input.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowDown') {
        event.preventDefault();
        this.#focusResult(0);
      }
    });
    this.addEventListener('keydown', (event) => this.#moveWithin(event));
    if (import.meta.env.CASEFILE_DEV_SERVER === true) {
      this.#say(DEV_SEARCH_NOTICE);
      return;
    }
    const params = new URLSearchParams(location.search);
    input.value = params.get('q') ?? '';
    this.#types = (params.get('type') ?? '').split(',').filter(Boolean);
    if (input.value) void this.#search();
  }

  /** Focuses the query box. */
  focusInput(): void {
    this.#ui.input.focus();
    this.#ui.input.select();
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#search(), 30);
  }

  #setTypes(types: string[]): void {
    this.#types = types;
    void this.#search();
  }

  async #search(): Promise<void> {
    const query = this.#ui.input.value.trim();
    const generation = ++this.#generation;
    const current = () => generation === this.#generation;
    this.#writeUrl(query);
    if (query === '') {
      this.#ui.results.replaceChildren();
      this.#ui.nameList.replaceChildren();
      this.#ui.names.hidden = true;
      this.#counts = {};
      this.#renderFilters();
      this.#rest = [];
      this.#ui.more.hidden = true;
      this.#say('');
      delete this.dataset.resultCount;
      return;
    }
    this.setAttribute('aria-busy', 'true');
    const named = searchNames(this.#base, query, NAMES_SHOWN * 4).catch(() => []);
    let found: Awaited<ReturnType<typeof searchText>>;
    let hits: SearchHit[];
    try {
      found = await searchText(this.#base, query, this.#types);
      hits = await loadHits(query, found.results.slice(0, PAGE_SIZE));
    } catch (error) {
      if (current()) this.#say(`Search is unavailable: ${error instanceof Error ? error.message : String(error)}`);
      this.removeAttribute('aria-busy');
      return;
    }
    const matches = (await named).filter(
      (match) => this.#types.length === 0 || this.#types.includes(ENTITY_TYPE_INFO[match.entry.type].plural),
    );
    if (!current()) return; // a newer keystroke has taken over
    this.removeAttribute('aria-busy');
    this.#ui.nameList.replaceChildren(
      ...matches.slice(0, NAMES_SHOWN).map((match) => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.className = `name-line type-${match.entry.type}`;
        link.href = resultHref(entityPath(this.#base, match.entry), query);
        link.append(nameLine(match));
        item.append(link);
        return item;
      }),
    );
    this.#ui.names.hidden = matches.length === 0;
    this.#ui.results.replaceChildren(...hits.map((hit) => this.#renderHit(hit, query)));
    this.#query = query;
    this.#rest = found.results.slice(PAGE_SIZE);
    this.#total = found.results.length;
    if (Object.keys(found.typeCounts).length > 0) this.#counts = found.typeCounts;
    this.#renderFilters();
    this.#showCount();
    this.dataset.resultCount = String(found.results.length);
    // Counting per type needs Pagefind's filter index: fetched once the first results are shown.
    if (Object.keys(found.typeCounts).length === 0) {
      try {
        await loadTypeCounts(this.#base);
        const counted = await searchText(this.#base, query, this.#types);
        if (!current()) return;
        this.#counts = counted.typeCounts;
        this.#renderFilters();
      } catch {
        // Without counts the filters stay as they were; the results are already shown.
      }
    }
  }

  /** Says how many results there are and how many are shown, and offers the next page. */
  #showCount(): void {
    const shown = this.#ui.results.children.length;
    const total = this.#total;
    const query = this.#query;
    this.#say(
      total === 0
        ? `No page has “${query}” in its text.`
        : `${total} result${total === 1 ? '' : 's'} for “${query}”${shown < total ? `, showing the first ${shown}` : ''}.`,
    );
    const next = Math.min(PAGE_SIZE, this.#rest.length);
    this.#ui.more.hidden = next === 0;
    this.#ui.more.textContent = `Show ${next} more result${next === 1 ? '' : 's'}`;
  }

  /** Loads the next page of results below the ones shown, and moves focus to the first new one. */
  async #showMore(): Promise<void> {
    const generation = this.#generation;
    const page = this.#rest.slice(0, PAGE_SIZE);
    this.#ui.more.disabled = true;
    try {
      const hits = await loadHits(this.#query, page);
      if (generation !== this.#generation) return;
      const first = this.#ui.results.children.length;
      this.#ui.results.append(...hits.map((hit) => this.#renderHit(hit, this.#query)));
      this.#rest = this.#rest.slice(page.length);
      this.#showCount();
      this.#ui.results.querySelectorAll<HTMLAnchorElement>('.hit > a')[first]?.focus();
    } catch (error) {
      this.#say(`More results could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.#ui.more.disabled = false;
    }
  }

  /**
   * The type filters: a chip per type that has results (and any chosen one, so it can be let go),
   * and the same choice as one menu on phones. Chips are updated in place, in a fixed order, on one
   * line, so counts change without the results moving.
   */
  #renderFilters(): void {
    const counts = this.#counts;
    const types = TYPE_ORDER.filter((type) => (counts[type] ?? 0) > 0 || this.#types.includes(type));
    const label = (type: string) => `${type} (${counts[type] ?? 0})`;
    const existing = new Map(
      [...this.#ui.chips.querySelectorAll<HTMLButtonElement>('button')].map((chip) => [chip.dataset.type ?? '', chip]),
    );
    const chips = types.map((type) => {
      const chip = existing.get(type) ?? this.#chip(type);
      chip.textContent = label(type);
      chip.setAttribute('aria-pressed', String(this.#types.includes(type)));
      return chip;
    });
    this.#ui.chips.replaceChildren(...chips);
    this.#ui.chips.hidden = chips.length === 0;
    const all = Object.values(counts).reduce((sum, count) => sum + count, 0);
    const options = [
      new Option(`All types${all > 0 ? ` (${all})` : ''}`, ''),
      ...types.map((type) => new Option(label(type), type)),
    ];
    if (this.#types.length > 1) options.push(new Option(this.#types.join(' + '), this.#types.join(',')));
    this.#ui.select.replaceChildren(...options);
    this.#ui.select.value = this.#types.join(',');
    this.#ui.select.disabled = types.length === 0;
  }

  #chip(type: string): HTMLButtonElement {
    const chip = document.createElement('button');
    chip.type = 'button';
    chip.className = 'filter';
    chip.dataset.type = type;
    chip.addEventListener('click', () =>
      this.#setTypes(this.#types.includes(type) ? this.#types.filter((t) => t !== type) : [...this.#types, type]),
    );
    return chip;
  }

  #renderHit(hit: SearchHit, query: string): HTMLLIElement {
    const item = document.createElement('li');
    item.className = 'hit';
    if (isEntityType(hit.collection)) item.classList.add(`type-${hit.collection}`);
    const link = document.createElement('a');
    link.href = resultHref(hit.url, query);
    link.append(textElement('span', 'hit-title', hit.title));
    if (hit.native && hit.native !== hit.title) link.append(' ', textElement('span', 'hit-native', hit.native, 'zh'));
    const type = document.createElement('span');
    type.className = 'hit-type';
    if (isEntityType(hit.collection)) type.append(typeMarker(hit.collection), ' ');
    type.append(hit.type);
    const excerpt = document.createElement('p');
    excerpt.className = hit.passage ? 'hit-excerpt' : 'hit-summary';
    excerpt.append(markedText(hit.excerpt));
    item.append(type, link, excerpt);
    return item;
  }

  #links(): HTMLAnchorElement[] {
    return [...this.querySelectorAll<HTMLAnchorElement>('[data-name-list] a, .hit > a')];
  }

  #focusResult(index: number): void {
    const links = this.#links();
    links[Math.max(0, Math.min(index, links.length - 1))]?.focus();
  }

  #moveWithin(event: KeyboardEvent): void {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = this.#links();
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0) return;
    event.preventDefault();
    if (event.key === 'ArrowUp' && at === 0) this.focusInput();
    else this.#focusResult(at + (event.key === 'ArrowDown' ? 1 : -1));
  }

  #say(message: string): void {
    this.#ui.status.textContent = message;
  }

  #writeUrl(query: string): void {
    const params = new URLSearchParams(location.search);
    if (query) params.set('q', query);
    else params.delete('q');
    if (this.#types.length > 0) params.set('type', this.#types.join(','));
    else params.delete('type');
    const search = params.toString();
    history.replaceState(null, '', `${location.pathname}${search ? `?${search}` : ''}`);
  }
}

if (!customElements.get('case-search')) customElements.define('case-search', CaseSearch);
