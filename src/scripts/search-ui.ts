import { loadHits, PAGE_SIZE, runSearch, type PagefindResult, type SearchOutcome } from './search-engine.ts';
import { DEV_SEARCH_NOTICE } from '../lib/search-text.ts';
import type { SearchHit } from '../lib/search-results.ts';

/**
 * `<case-search>`: the search box, type filters and results, used both in the header's dialog and on
 * /search/. Results are built as DOM nodes from text (never HTML strings); the page variant keeps the
 * query and filters in the URL so a search can be linked.
 */
class CaseSearch extends HTMLElement {
  #input!: HTMLInputElement;
  #filters!: HTMLElement;
  #results!: HTMLOListElement;
  #status!: HTMLElement;
  #more!: HTMLButtonElement;
  #rest: PagefindResult[] = [];
  #total = 0;
  #query = '';
  #types: string[] = [];
  #generation = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #base = '/';
  #syncUrl = false;

  connectedCallback(): void {
    const input = this.querySelector<HTMLInputElement>('input[type="search"]');
    const filters = this.querySelector<HTMLElement>('[data-filters]');
    const results = this.querySelector<HTMLOListElement>('[data-results]');
    const status = this.querySelector<HTMLElement>('[data-status]');
    const more = this.querySelector<HTMLButtonElement>('[data-more]');
    if (!input || !filters || !results || !status || !more) return;
    this.#input = input;
    this.#filters = filters;
    this.#results = results;
    this.#status = status;
    this.#more = more;
    more.addEventListener('click', () => void this.#showMore());
    this.#base = this.dataset.base ?? '/';
    this.#syncUrl = this.dataset.mode === 'page';
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
    results.addEventListener('keydown', (event) => this.#moveWithin(event));
    if (import.meta.env.DEV) {
      this.#say(DEV_SEARCH_NOTICE);
      return;
    }
    if (this.#syncUrl) {
      const params = new URLSearchParams(location.search);
      input.value = params.get('q') ?? '';
      this.#types = (params.get('type') ?? '').split(',').filter(Boolean);
      if (input.value) void this.#search();
    }
  }

  /** Focuses the query box (the dialog calls this when it opens). */
  focusInput(): void {
    this.#input.focus();
    this.#input.select();
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#search(), 30);
  }

  async #search(): Promise<void> {
    const query = this.#input.value.trim();
    const generation = ++this.#generation;
    if (this.#syncUrl) this.#writeUrl(query);
    if (query === '') {
      this.#results.replaceChildren();
      this.#filters.replaceChildren();
      this.#rest = [];
      this.#more.hidden = true;
      this.#say('');
      return;
    }
    this.setAttribute('aria-busy', 'true');
    let outcome: SearchOutcome;
    try {
      outcome = await runSearch(this.#base, query, this.#types);
    } catch (error) {
      if (generation === this.#generation)
        this.#say(`Search is unavailable: ${error instanceof Error ? error.message : String(error)}`);
      this.removeAttribute('aria-busy');
      return;
    }
    if (generation !== this.#generation) return; // a newer keystroke has taken over
    this.removeAttribute('aria-busy');
    this.#renderFilters(outcome.typeCounts);
    this.#results.replaceChildren(...outcome.hits.map((hit) => this.#renderHit(hit, query)));
    this.#query = query;
    this.#rest = outcome.rest;
    this.#total = outcome.total;
    this.#showCount();
    this.dataset.resultCount = String(outcome.total);
  }

  /** Says how many results there are and how many are shown, and offers the next page. */
  #showCount(): void {
    const shown = this.#results.children.length;
    const total = this.#total;
    const query = this.#query;
    this.#say(
      total === 0
        ? `No results for “${query}”.`
        : `${total} result${total === 1 ? '' : 's'} for “${query}”${shown < total ? `, showing the first ${shown}` : ''}.`,
    );
    const next = Math.min(PAGE_SIZE, this.#rest.length);
    this.#more.hidden = next === 0;
    this.#more.textContent = `Show ${next} more result${next === 1 ? '' : 's'}`;
  }

  /** Loads the next page of results below the ones shown, and moves focus to the first new one. */
  async #showMore(): Promise<void> {
    const generation = this.#generation;
    const page = this.#rest.slice(0, PAGE_SIZE);
    this.#more.disabled = true;
    try {
      const hits = await loadHits(this.#query, page);
      if (generation !== this.#generation) return;
      const first = this.#results.children.length;
      this.#results.append(...hits.map((hit) => this.#renderHit(hit, this.#query)));
      this.#rest = this.#rest.slice(page.length);
      this.#showCount();
      this.#focusResult(first);
    } catch (error) {
      this.#say(`More results could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.#more.disabled = false;
    }
  }

  #renderFilters(counts: Record<string, number>): void {
    const types = Object.keys(counts).sort();
    this.#filters.replaceChildren(
      ...types.map((type) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'filter';
        button.setAttribute('aria-pressed', String(this.#types.includes(type)));
        button.textContent = `${type} (${counts[type] ?? 0})`;
        button.addEventListener('click', () => {
          this.#types = this.#types.includes(type) ? this.#types.filter((t) => t !== type) : [...this.#types, type];
          void this.#search();
        });
        return button;
      }),
    );
    if (types.length > 0) {
      const label = document.createElement('span');
      label.className = 'filters-label';
      label.textContent = 'Show only:';
      this.#filters.prepend(label);
    }
  }

  #renderHit(hit: SearchHit, query: string): HTMLLIElement {
    const item = document.createElement('li');
    item.className = 'hit';
    const link = document.createElement('a');
    const url = new URL(hit.url, location.origin);
    url.searchParams.set('highlight', query);
    link.href = url.pathname + url.search;
    const title = document.createElement('span');
    title.className = 'hit-title';
    title.textContent = hit.title;
    link.append(title);
    if (hit.native && hit.native !== hit.title) {
      const native = document.createElement('span');
      native.className = 'hit-native';
      native.lang = 'zh';
      native.textContent = hit.native;
      link.append(' ', native);
    }
    const type = document.createElement('span');
    type.className = 'hit-type';
    type.textContent = hit.type;
    const summary = document.createElement('p');
    summary.className = 'hit-summary';
    summary.textContent = hit.summary;
    const excerpt = document.createElement('p');
    excerpt.className = 'hit-excerpt';
    for (const run of hit.excerpt) {
      if (run.marked) {
        const mark = document.createElement('mark');
        mark.textContent = run.text;
        excerpt.append(mark);
      } else {
        excerpt.append(run.text);
      }
    }
    item.append(type, link, summary, excerpt);
    return item;
  }

  #focusResult(index: number): void {
    const links = [...this.#results.querySelectorAll<HTMLAnchorElement>('.hit > a')];
    links[Math.max(0, Math.min(index, links.length - 1))]?.focus();
  }

  #moveWithin(event: KeyboardEvent): void {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = [...this.#results.querySelectorAll<HTMLAnchorElement>('.hit > a')];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0) return;
    event.preventDefault();
    if (event.key === 'ArrowUp' && at === 0) this.focusInput();
    else this.#focusResult(at + (event.key === 'ArrowDown' ? 1 : -1));
  }

  #say(message: string): void {
    this.#status.textContent = message;
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
