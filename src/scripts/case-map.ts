import { whenVisible } from './when-visible.ts';
import type { MapView } from './map-view.ts';

/**
 * `<case-map>`: the map of the case's places. This file is all a page carries until the element
 * nears the viewport; then Leaflet, the map's styles and the drawing code (map-view.ts) load in one
 * chunk. The element's markup is rendered by CaseMap.astro with its settings in `data-config`; the
 * list of addresses beside it carries the same links for readers without JavaScript.
 *
 * When the map is interactive (markers added, view fitted) the element gets `data-state="ready"`
 * and the page a `casefile:map:ready` performance mark, which the benchmark measures.
 */

/** One precision circle as drawn: the place, its radius in metres and on screen. */
export interface DrawnCircle {
  /** Location id, `locations/slug`. */
  id: string;
  /** Radius in metres, as Leaflet holds it. */
  radiusMetres: number;
  /** Half the width of the drawn SVG path, in CSS pixels. */
  radiusPixels: number;
}

/** The map element; its typed accessors let tests and tools read what is drawn. */
export class CaseMapElement extends HTMLElement {
  #view: MapView | undefined;

  connectedCallback(): void {
    if (this.dataset.state) return;
    this.dataset.state = 'waiting';
    whenVisible(this, () => void this.#load());
  }

  async #load(): Promise<void> {
    this.dataset.state = 'loading';
    try {
      const { MapView } = await import('./map-view.ts');
      this.#view = await MapView.mount(this);
      this.dataset.state = 'ready';
      performance.mark('casefile:map:ready');
    } catch (error) {
      this.dataset.state = 'failed';
      const note = this.querySelector<HTMLElement>('[data-note]');
      if (note)
        note.textContent = `The map could not be drawn (${String(error)}); the list of addresses has every place.`;
      console.warn('casefile map:', error);
    }
  }

  /** The precision circles on screen now, by place. Empty until the map is ready. */
  precisionCircles(): DrawnCircle[] {
    return this.#view?.precisionCircles() ?? [];
  }

  /** The names shown on the map now: pins (by place id) and how many districts. */
  labelsShown(): { pins: string[]; districts: number } {
    return this.#view?.labelsShown() ?? { pins: [], districts: 0 };
  }

  /** The map's zoom level now, or undefined before it is ready. */
  zoom(): number | undefined {
    return this.#view?.map.getZoom();
  }
}

if (!customElements.get('case-map')) customElements.define('case-map', CaseMapElement);
