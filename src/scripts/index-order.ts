/**
 * `<index-order>`: a pair of buttons over a list of dossiers, ordering it by importance (as built:
 * the most connected first) or by name. Items carry their name in `data-name`. Without script the
 * buttons stay hidden and the list keeps its built order.
 */
class IndexOrder extends HTMLElement {
  connectedCallback(): void {
    const list = this.querySelector<HTMLElement>('[data-sortable]');
    const controls = this.querySelector<HTMLElement>('[data-order-controls]');
    if (!list || !controls) return;
    const built = [...list.children];
    const collator = new Intl.Collator('en', { sensitivity: 'base' });
    controls.hidden = false;
    for (const button of controls.querySelectorAll<HTMLButtonElement>('button[data-order]')) {
      button.addEventListener('click', () => {
        const byName = button.dataset.order === 'name';
        const items = byName
          ? [...built].sort((a, b) =>
              collator.compare((a as HTMLElement).dataset.name ?? '', (b as HTMLElement).dataset.name ?? ''),
            )
          : built;
        list.replaceChildren(...items);
        for (const other of controls.querySelectorAll('button[data-order]')) {
          other.setAttribute('aria-pressed', String(other === button));
        }
      });
    }
  }
}

if (!customElements.get('index-order')) customElements.define('index-order', IndexOrder);
