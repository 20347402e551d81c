import { loadHits, preloadFullText, searchNames, searchText } from './search-engine.ts';
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
import type { SearchHit } from '../lib/search-results.ts';
import { findParts, type Parts } from './element-parts.ts';

/**
 * `<quick-jump>`: the header's search dialog. A combobox over one list: dossiers whose name, alias,
 * identifier or address matches (one line each, from the site's name index, so they show within a
 * keystroke), then the pages whose text matches (Pagefind), then a way to the full results. Arrow
 * keys move through the list, Enter opens, Escape closes; every line is also a plain link.
 */

/** Dossiers listed by name at most. */
const NAMES_SHOWN = 6;
/** Pages listed by their text at most (the search page has the rest). */
const TEXT_SHOWN = 5;

/** The parts of the dialog the element drives. */
const PARTS = {
  input: ['[role="combobox"]', HTMLInputElement],
  list: ['[role="listbox"]', HTMLElement],
  names: ['[data-names]', HTMLElement],
  text: ['[data-text]', HTMLElement],
  all: ['[data-all]', HTMLAnchorElement],
  status: ['[data-status]', HTMLElement],
} as const;

class QuickJump extends HTMLElement {
  #ui!: Parts<typeof PARTS>;
  #base = '/';
  #generation = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #active = -1;

  connectedCallback(): void {
    const ui = findParts(this, PARTS);
    if (!ui) return;
    this.#ui = ui;
    const { input, list } = ui;
    this.#base = this.dataset.base ?? '/';
    input.addEventListener('input', () => this.#schedule());
    input.addEventListener('keydown', (event) => this.#key(event));
    // The pointer moves the highlight as the keys do, so Enter opens what is under it.
    list.addEventListener('pointermove', (event) => {
      const option = (event.target as Element).closest('[role="option"]');
      if (option) this.#activate(this.#options().indexOf(option as HTMLAnchorElement), false);
    });
    if (import.meta.env.CASEFILE_DEV_SERVER === true) this.#say(DEV_SEARCH_NOTICE);
    // What was typed while this code was on its way is searched now.
    else if (input.value.trim() !== '') this.#schedule();
  }

  /** Starts loading the full-text index while the reader types (the box has focus already). */
  prepare(): void {
    if (!import.meta.env.CASEFILE_DEV_SERVER) void preloadFullText(this.#base).catch(() => undefined);
  }

  #options(): HTMLAnchorElement[] {
    return [...this.#ui.list.querySelectorAll<HTMLAnchorElement>('[role="option"]:not([hidden])')];
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#search(), 30);
  }

  #key(event: KeyboardEvent): void {
    const options = this.#options();
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (options.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.#activate((this.#active + step + options.length) % options.length, true);
    } else if (event.key === 'Home' || event.key === 'End') {
      if (options.length === 0 || this.#active < 0) return;
      event.preventDefault();
      this.#activate(event.key === 'Home' ? 0 : options.length - 1, true);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const chosen = options[this.#active] ?? options[0];
      if (chosen) location.assign(chosen.href);
    }
  }

  #activate(index: number, scroll: boolean): void {
    const options = this.#options();
    options.forEach((option, i) => option.setAttribute('aria-selected', String(i === index)));
    this.#active = index;
    const active = options[index];
    if (active) {
      this.#ui.input.setAttribute('aria-activedescendant', active.id);
      if (scroll) active.scrollIntoView({ block: 'nearest' });
    } else {
      this.#ui.input.removeAttribute('aria-activedescendant');
    }
  }

  #clear(): void {
    this.#ui.names.replaceChildren();
    this.#ui.text.replaceChildren();
    this.#ui.names.hidden = true;
    this.#ui.text.hidden = true;
    this.#ui.all.hidden = true;
    this.#ui.input.setAttribute('aria-expanded', 'false');
    this.#activate(-1, false);
  }

  async #search(): Promise<void> {
    const query = this.#ui.input.value.trim();
    const generation = ++this.#generation;
    if (query === '' || import.meta.env.CASEFILE_DEV_SERVER === true) {
      this.#clear();
      delete this.dataset.resultCount;
      this.#say(import.meta.env.CASEFILE_DEV_SERVER === true ? DEV_SEARCH_NOTICE : '');
      return;
    }
    this.setAttribute('aria-busy', 'true');
    const current = () => generation === this.#generation;
    // Names first: a few kilobytes and no index to start, so the answer a reader most often wants
    // is on screen before the full text has loaded.
    const named = searchNames(this.#base, query, NAMES_SHOWN).catch(() => []);
    const texted = searchText(this.#base, query, []);
    const matches = await named;
    if (!current()) return;
    this.#ui.names.replaceChildren(
      textElement('div', 'group-label', 'Dossiers'),
      ...matches.map((match, i) => {
        const option = this.#option(`qj-name-${i}`, resultHref(entityPath(this.#base, match.entry), query));
        option.classList.add('name-option', `type-${match.entry.type}`);
        option.append(nameLine(match));
        return option;
      }),
    );
    this.#ui.names.hidden = matches.length === 0;
    this.#ui.all.href = `${this.#base.replace(/\/$/, '')}/search/?q=${encodeURIComponent(query)}`;
    this.#ui.all.hidden = false;
    this.#ui.input.setAttribute('aria-expanded', 'true');
    this.#activate(matches.length > 0 ? 0 : -1, false);
    const hits: SearchHit[] = [];
    let total = 0;
    try {
      const found = await texted;
      if (!current()) return;
      total = found.results.length;
      // Pages already listed by name are not listed again for their text; each page shown costs a
      // request, so only as many are loaded as can be shown.
      const listed = new Set(matches.map((match) => entityPath(this.#base, match.entry)));
      let offset = 0;
      while (hits.length < TEXT_SHOWN && offset < found.results.length) {
        const batch = found.results.slice(offset, offset + TEXT_SHOWN - hits.length);
        offset += batch.length;
        const loaded = await loadHits(query, batch);
        if (!current()) return;
        hits.push(...loaded.filter((hit) => !listed.has(hit.url)));
      }
    } catch (error) {
      if (current())
        this.#say(`Full-text search is unavailable: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!current()) return;
    this.#ui.text.replaceChildren(
      textElement('div', 'group-label', 'In the text'),
      ...hits.map((hit, i) => this.#hitOption(hit, i, query)),
    );
    this.#ui.text.hidden = hits.length === 0;
    this.#ui.all.textContent =
      total === 0
        ? `Search page for “${query}”`
        : total === 1
          ? `The one result for “${query}” on the search page`
          : `All ${total} results for “${query}”`;
    if (this.#active < 0 && hits.length > 0) this.#activate(0, false);
    this.removeAttribute('aria-busy');
    this.dataset.resultCount = String(matches.length + hits.length);
    this.#say(
      matches.length + total === 0
        ? `Nothing matches “${query}”.`
        : `${matches.length} dossier${matches.length === 1 ? '' : 's'} by name, ${total} page${total === 1 ? '' : 's'} by text.`,
    );
  }

  #option(id: string, href: string): HTMLAnchorElement {
    const option = document.createElement('a');
    option.id = id;
    option.href = href;
    option.tabIndex = -1;
    option.setAttribute('role', 'option');
    option.setAttribute('aria-selected', 'false');
    option.className = 'option';
    return option;
  }

  #hitOption(hit: SearchHit, index: number, query: string): HTMLAnchorElement {
    const option = this.#option(`qj-text-${index}`, resultHref(hit.url, query));
    option.classList.add('text-option');
    const head = document.createElement('span');
    head.className = 'names';
    if (isEntityType(hit.collection)) {
      option.classList.add(`type-${hit.collection}`);
      head.append(typeMarker(hit.collection));
    }
    head.append(textElement('span', 'name', hit.title));
    if (hit.native && hit.native !== hit.title) head.append(' ', textElement('span', 'native', hit.native, 'zh'));
    head.append(textElement('span', 'kind', hit.type));
    const excerpt = document.createElement('span');
    excerpt.className = 'excerpt';
    excerpt.append(markedText(hit.excerpt));
    option.append(head, excerpt);
    return option;
  }

  #say(message: string): void {
    this.#ui.status.textContent = message;
  }
}

if (!customElements.get('quick-jump')) customElements.define('quick-jump', QuickJump);
