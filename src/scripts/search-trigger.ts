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

async function openSearch(): Promise<void> {
  const onPage = document.querySelector<FocusableSearch>('case-search');
  if (onPage) {
    onPage.querySelector('input')?.focus();
    return;
  }
  if (!dialog) return;
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

dialog?.querySelector('[data-close]')?.addEventListener('click', () => dialog.close());
// A click on the backdrop (outside the frame) closes the dialog, as readers expect of a modal.
dialog?.addEventListener('click', (event) => {
  if (event.target === dialog) dialog.close();
});
