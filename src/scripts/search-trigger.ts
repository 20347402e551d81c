/**
 * Opens the search dialog from the header link or Ctrl/⌘-K. The search code itself (and Pagefind)
 * is fetched on first use, so pages cost almost nothing until a reader searches.
 */

interface FocusableSearch extends HTMLElement {
  focusInput(): void;
}

const dialog = document.querySelector<HTMLDialogElement>('#search-dialog');

async function openSearch(): Promise<void> {
  // On /search/ itself, the page's own box is the search.
  const onPage = document.querySelector<FocusableSearch>('case-search[data-mode="page"]');
  if (onPage) {
    onPage.querySelector('input')?.focus();
    return;
  }
  if (!dialog) return;
  await import('./search-ui.ts');
  if (!dialog.open) dialog.showModal();
  dialog.querySelector<FocusableSearch>('case-search')?.focusInput();
}

document.addEventListener('keydown', (event) => {
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
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
