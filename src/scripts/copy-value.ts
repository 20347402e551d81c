import { refang } from '../lib/defang.ts';

/**
 * `<copy-value data-defanged="xiaohong[.]org">`: a button that copies the plain form of a defanged
 * indicator. The plain form exists only in the reader's clipboard, never in the page.
 */
class CopyValue extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector('button');
    const defanged = this.dataset.defanged;
    // The clipboard is absent outside secure contexts, whatever the DOM types say.
    if (!button || !defanged || !('clipboard' in navigator)) return;
    button.hidden = false;
    button.addEventListener('click', () => {
      navigator.clipboard.writeText(refang(defanged)).then(
        () => this.#announce(button, 'Copied'),
        () => this.#announce(button, 'Copy failed'),
      );
    });
  }

  #announce(button: HTMLButtonElement, message: string): void {
    const label = button.textContent;
    button.textContent = message;
    setTimeout(() => (button.textContent = label), 1500);
  }
}

if (!customElements.get('copy-value')) customElements.define('copy-value', CopyValue);
