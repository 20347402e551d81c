/**
 * Copy-link controls: a permalink (`a.permalink`, the "#" beside a relationship, an event or a
 * correction) copies the absolute address of its claim as it jumps there; a button with
 * `data-copy-link="#fragment"` copies that address, one with `data-copy-text="element-id"` the text of
 * that element (the suggested citation). Without script a permalink is still a plain link to its
 * anchor, and the buttons stay hidden.
 */

/** Says what happened in the page's live region and on the control itself. */
function announce(control: HTMLElement, message: string): void {
  const status = document.getElementById('copy-status');
  if (status) status.textContent = message;
  control.dataset.copied = message;
  setTimeout(() => delete control.dataset.copied, 1600);
}

/** Copies text, then announces it. */
function copy(control: HTMLElement, text: string, done: string): void {
  // Absent outside secure contexts (a page opened over plain http), whatever the DOM types say.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
  if (!navigator.clipboard) return;
  navigator.clipboard.writeText(text).then(
    () => announce(control, done),
    () => announce(control, 'Copy failed'),
  );
}

/** The page's own address with a fragment, without any query (a search highlight, say). */
function addressOf(fragment: string): string {
  return `${location.origin}${location.pathname}${fragment}`;
}

for (const button of document.querySelectorAll<HTMLElement>('[data-copy-text]')) button.hidden = false;

document.addEventListener('click', (event) => {
  const control = (event.target as Element | null)?.closest<HTMLElement>(
    'a.permalink, [data-copy-link], [data-copy-text]',
  );
  if (!control) return;
  if (control instanceof HTMLAnchorElement) {
    copy(control, addressOf(control.hash), 'Link copied');
  } else if (control.dataset.copyLink) {
    copy(control, addressOf(control.dataset.copyLink), 'Link copied');
  } else if (control.dataset.copyText) {
    const text = document.getElementById(control.dataset.copyText)?.textContent.trim().replace(/\s+/g, ' ');
    if (text) copy(control, text, 'Citation copied');
  }
});
