import { ENTITY_TYPES } from '../lib/schema/entity-types.ts';
import type * as Card from './preview-card.ts';

/**
 * `<link-preview data-base="/">`, once per page: a card that shows what a link leads to without
 * leaving the page. Citation marks show their source (title, publisher, date, the passage quoted,
 * links to the source and its archived copy); links to dossiers show the dossier's name, type,
 * summary and grade counts, read from its JSON record. The card opens on hover (after a short
 * pause), on keyboard focus, and on a first tap on touch screens (a second tap follows the link);
 * Esc or moving away closes it. It floats over the page (popover top layer), so nothing moves, and
 * print leaves it out. The card's code loads on the first preview only (preview-card.ts).
 */

const OPEN_DELAY = 250;
const CLOSE_DELAY = 300;

type CardModule = typeof Card;
let cardModule: Promise<CardModule> | undefined;

/** Loads the card's code once. */
function loadCard(): Promise<CardModule> {
  cardModule ??= import('./preview-card.ts');
  return cardModule;
}

class LinkPreview extends HTMLElement {
  #card: HTMLElement | undefined;
  #target: HTMLAnchorElement | undefined;
  #openTimer: ReturnType<typeof setTimeout> | undefined;
  #closeTimer: ReturnType<typeof setTimeout> | undefined;
  #pointer = 'mouse';
  #dossierPath: RegExp | undefined;

  connectedCallback(): void {
    const base = (this.dataset.base ?? '/').replace(/\/?$/, '/');
    const escaped = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    this.#dossierPath = new RegExp(`^${escaped}(?:${ENTITY_TYPES.join('|')})/[a-z0-9-]+/$`);
    document.addEventListener(
      'pointerdown',
      (event) => {
        this.#pointer = event.pointerType;
        // A tap anywhere but the card and its link puts the card away.
        const on = event.target as Node;
        if (this.#target && !this.#card?.contains(on) && !this.#target.contains(on)) this.close(false);
      },
      true,
    );
    document.addEventListener('pointerover', (event) => this.#over(event));
    document.addEventListener('pointerout', (event) => this.#out(event));
    document.addEventListener('focusin', (event) => this.#focus(event));
    document.addEventListener('focusout', (event) => this.#blur(event));
    document.addEventListener('click', (event) => this.#click(event), true);
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.#target) this.close(true);
    });
    // The card is fixed to the viewport: it follows its link when the page scrolls.
    window.addEventListener('scroll', () => this.#place(), { passive: true });
    window.addEventListener('resize', () => this.#place(), { passive: true });
  }

  /** The link an event concerns, if it is one the card can preview. */
  #previewable(node: EventTarget | null): HTMLAnchorElement | undefined {
    if (!(node instanceof Element)) return undefined;
    const link = node.closest('a');
    if (!link || this.#card?.contains(link) || link.closest('.site-header, [data-no-preview]')) return undefined;
    if (link.classList.contains('cite-mark')) return link;
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin || url.hash || url.pathname === location.pathname) return undefined;
    return this.#dossierPath?.test(url.pathname) ? link : undefined;
  }

  #over(event: PointerEvent): void {
    if (event.pointerType === 'touch') return;
    if (this.#card?.contains(event.target as Node)) {
      clearTimeout(this.#closeTimer);
      return;
    }
    const link = this.#previewable(event.target);
    if (!link) return;
    clearTimeout(this.#closeTimer);
    if (link === this.#target) return;
    clearTimeout(this.#openTimer);
    this.#openTimer = setTimeout(() => void this.open(link), OPEN_DELAY);
    void loadCard();
  }

  #out(event: PointerEvent): void {
    if (event.pointerType === 'touch') return;
    const into = event.relatedTarget as Node | null;
    if (into && (this.#card?.contains(into) || (this.#target && this.#target.contains(into)))) return;
    clearTimeout(this.#openTimer);
    if (this.#target) this.#closeTimer = setTimeout(() => this.close(false), CLOSE_DELAY);
  }

  #focus(event: FocusEvent): void {
    const link = this.#previewable(event.target);
    if (this.#card?.contains(event.target as Node)) return;
    // Focus that follows a click or a tap is left to those; only keyboard focus opens the card.
    if (!link || !link.matches(':focus-visible')) {
      if (this.#target && event.target !== this.#target) this.close(false);
      return;
    }
    clearTimeout(this.#closeTimer);
    // As for hover, a short pause: tabbing through a list does not open (and fetch) a card per link.
    clearTimeout(this.#openTimer);
    this.#openTimer = setTimeout(() => void this.open(link), OPEN_DELAY);
  }

  #blur(event: FocusEvent): void {
    const into = event.relatedTarget as Node | null;
    if (!this.#target || (into && (this.#card?.contains(into) || into === this.#target))) return;
    if (event.target === this.#target || this.#card?.contains(event.target as Node)) this.close(false);
  }

  #click(event: MouseEvent): void {
    if (this.#pointer !== 'touch') return;
    const link = this.#previewable(event.target);
    if (!link || link === this.#target) return;
    event.preventDefault();
    void this.open(link);
  }

  #place(): void {
    if (!this.#card || !this.#target) return;
    const [card, target] = [this.#card, this.#target];
    void loadCard().then(({ placeCard }) => placeCard(card, target));
  }

  /** Shows the card for a link. */
  async open(link: HTMLAnchorElement): Promise<void> {
    const { buildCard, placeCard } = await loadCard();
    this.#card ??= this.#makeCard();
    this.#target = link;
    const content = await buildCard(link);
    if (this.#target !== link || !content) return;
    this.#card.replaceChildren(content);
    this.#card.setAttribute('aria-label', `Preview: ${content.dataset.title ?? link.textContent}`);
    if (!this.#card.matches(':popover-open')) this.#card.showPopover();
    placeCard(this.#card, link);
    link.setAttribute('aria-describedby', this.#card.id);
  }

  /** Hides the card; with `refocus`, gives focus back to the link it was for. */
  close(refocus: boolean): void {
    clearTimeout(this.#openTimer);
    clearTimeout(this.#closeTimer);
    const target = this.#target;
    this.#target = undefined;
    if (!this.#card || !target) return;
    const hadFocus = this.#card.contains(document.activeElement);
    target.removeAttribute('aria-describedby');
    if (this.#card.matches(':popover-open')) this.#card.hidePopover();
    if (refocus && hadFocus) target.focus();
  }

  #makeCard(): HTMLElement {
    const card = document.createElement('div');
    card.id = 'link-preview-card';
    card.className = 'preview-card';
    card.setAttribute('popover', 'manual');
    card.setAttribute('role', 'dialog');
    card.addEventListener('pointerleave', (event) => {
      if (event.pointerType !== 'touch') this.#closeTimer = setTimeout(() => this.close(false), CLOSE_DELAY);
    });
    card.addEventListener('focusout', (event) => this.#blur(event));
    // A card that grows once placed (its fonts arrive, a quote wraps) is placed again, so it never
    // reaches past the bottom of the screen, where a fixed card's links could not be scrolled to.
    new ResizeObserver(() => this.#place()).observe(card);
    this.append(card);
    return card;
  }
}

if (!customElements.get('link-preview')) customElements.define('link-preview', LinkPreview);
