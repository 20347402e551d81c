import type { Page } from '@playwright/test';

/**
 * Walking a page with the Tab key, as a keyboard user does, and recording what each stop looks
 * like: is it visible, and does it show where focus is?
 */

/** One stop of the Tab key. */
export interface FocusStop {
  /** A short description: tag, accessible text, href. */
  name: string;
  /** Index among the page's tabbable elements; -1 when focus left them (the document itself). */
  index: number;
  /** Whether a focus indicator is drawn (an outline of at least 2 px, or a box shadow). */
  indicated: boolean;
  /** Whether the element is on screen with a non-empty box once focused. */
  onScreen: boolean;
}

/**
 * Marks every element the Tab key should reach (visible, enabled, not inert, not tabindex=-1,
 * one radio button per group) with its index, and returns their descriptions.
 */
export async function markTabbables(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector =
      'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, iframe, [tabindex], [contenteditable="true"], audio[controls], video[controls]';
    const radioGroups = new Set<string>();
    const tabbable = [...document.querySelectorAll<HTMLElement>(selector)].filter((element) => {
      if (element.tabIndex < 0 || element.closest('[inert]')) return false;
      if ('disabled' in element && (element as HTMLButtonElement).disabled) return false;
      if (!element.checkVisibility({ visibilityProperty: true })) return false;
      if (element instanceof HTMLInputElement && element.type === 'radio' && element.name) {
        if (radioGroups.has(element.name)) return false;
        radioGroups.add(element.name);
      }
      return true;
    });
    return tabbable.map((element, index) => {
      element.dataset.tabStop = String(index);
      const text = (element.getAttribute('aria-label') ?? element.textContent).trim().replace(/\s+/g, ' ');
      const href = element.getAttribute('href');
      return `<${element.localName}> "${text.slice(0, 50)}"${href ? ` ${href}` : ''}`;
    });
  });
}

/** Presses Tab once and describes where focus landed. */
export async function tabOnce(page: Page): Promise<FocusStop> {
  await page.keyboard.press('Tab');
  return page.evaluate(async () => {
    const element = document.activeElement;
    if (!(element instanceof HTMLElement) || element === document.body) {
      return { name: '(document)', index: -1, indicated: false, onScreen: false };
    }
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    const visible = (): boolean => {
      const box = element.getBoundingClientRect();
      return (
        box.width > 0 &&
        box.height > 0 &&
        box.bottom > 0 &&
        box.right > 0 &&
        box.top < innerHeight &&
        box.left < innerWidth
      );
    };
    // What focus opens (a citation's card) is placed in the next frame: on a busy machine this
    // evaluation can run before it, so an element off screen is measured again two frames later.
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    let onScreen = visible();
    if (!onScreen) {
      await frame();
      await frame();
      onScreen = visible();
    }
    const text = (element.getAttribute('aria-label') ?? element.textContent).trim().replace(/\s+/g, ' ');
    return {
      name: `<${element.localName}> "${text.slice(0, 50)}"`,
      index: Number(element.dataset.tabStop ?? -2),
      indicated: outline || style.boxShadow !== 'none',
      onScreen,
    };
  });
}

/**
 * Tabs through the whole page from the top, once round: returns every stop until focus leaves the
 * page's elements or comes back to one already visited. `limit` stops a runaway walk.
 */
export async function tabThrough(page: Page, limit: number): Promise<FocusStop[]> {
  const stops: FocusStop[] = [];
  const visited = new Set<number>();
  for (let i = 0; i < limit; i++) {
    const stop = await tabOnce(page);
    // Stops outside the marked elements (-2: a scrolling box Chromium makes focusable) are kept.
    if (stop.index === -1 || (stop.index >= 0 && visited.has(stop.index))) break;
    visited.add(stop.index);
    stops.push(stop);
  }
  return stops;
}
