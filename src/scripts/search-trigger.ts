/**
 * Opens the quick-jump dialog from the header's search link, Ctrl/⌘-K or "/" (when the reader is
 * not typing somewhere). The dialog's code (and Pagefind) is fetched on first use, so pages cost
 * almost nothing until a reader searches. On /search/ the page's own box is the search.
 */

interface FocusableSearch extends HTMLElement {
  focusInput(): void;
}

interface QuickJump extends HTMLElement {
  prepare(): void;
}

const dialog = document.querySelector<HTMLDialogElement>('#search-dialog');

/** The dialog's box, list and status, written once on first open (SearchDialog.astro ships it empty). */
function fill(target: HTMLDialogElement): void {
  if (target.firstElementChild) return;
  const template = document.createElement('template');
  template.innerHTML = `<quick-jump class="search-ui"><form class="bar" role="search" method="get"><svg class="icon" aria-hidden="true" viewBox="0 0 20 20" width="18" height="18"><circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" stroke-width="2"></circle><path d="M13 13l5 5" stroke="currentColor" stroke-width="2" stroke-linecap="round"></path></svg><input type="text" name="q" role="combobox" aria-label="Search names, aliases, handles, numbers, addresses, hanzi" aria-expanded="false" aria-controls="quick-jump-list" aria-autocomplete="list" aria-describedby="quick-jump-status" autocomplete="off" spellcheck="false" placeholder="GAO Qiang, 高强, fisherxp, 420192…"><button type="button" class="close" data-close aria-label="Close search">Esc</button></form><div id="quick-jump-list" class="list" role="listbox" aria-label="Matches"><div role="group" aria-label="Dossiers by name" data-names hidden></div><div role="group" aria-label="Pages by their text" data-text hidden></div><a role="option" id="quick-jump-all" class="option all" aria-selected="false" tabindex="-1" data-all hidden>All results</a></div><p id="quick-jump-status" class="status" data-status role="status" aria-live="polite"></p><p class="keys" aria-hidden="true"><kbd>↑</kbd><kbd>↓</kbd> move · <kbd>Enter</kbd> open · <kbd>Esc</kbd> close</p></quick-jump>`;
  const content = template.content;
  content.querySelector('quick-jump')?.setAttribute('data-base', target.dataset.base ?? '/');
  content.querySelector('form')?.setAttribute('action', target.dataset.action ?? '/search/');
  content.querySelector('[data-close]')?.addEventListener('click', () => target.close());
  target.append(content);
}

async function openSearch(): Promise<void> {
  const onPage = document.querySelector<FocusableSearch>('case-search');
  if (onPage) {
    onPage.querySelector('input')?.focus();
    return;
  }
  if (!dialog) return;
  fill(dialog);
  if (!dialog.open) dialog.showModal();
  // The box takes focus at once, the last query selected so typing replaces it; the list's
  // behaviour arrives a moment later and searches whatever was typed meanwhile.
  const input = dialog.querySelector('input');
  input?.focus();
  input?.select();
  await import('./quick-jump.ts');
  await customElements.whenDefined('quick-jump');
  dialog.querySelector<QuickJump>('quick-jump')?.prepare();
}

/**
 * Whether a key press lands in something the reader is typing into. The dialog's own box does not
 * count once the dialog is closed: Chromium may leave focus on it after Escape.
 */
function typing(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) &&
    target.closest('dialog:not([open])') === null
  );
}

document.addEventListener('keydown', (event) => {
  const modifier = event.ctrlKey || event.metaKey;
  if (modifier && !event.altKey && event.key.toLowerCase() === 'k') {
    event.preventDefault();
    void openSearch();
  } else if (event.key === '/' && !modifier && !event.altKey && !typing(event.target)) {
    event.preventDefault();
    void openSearch();
  }
});

for (const trigger of document.querySelectorAll<HTMLAnchorElement>('[data-search-trigger]')) {
  trigger.addEventListener('click', (event) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    void openSearch();
  });
}

// A click on the backdrop (outside the frame) closes the dialog, as readers expect of a modal.
dialog?.addEventListener('click', (event) => {
  if (event.target === dialog) dialog.close();
});
