import * as L from 'leaflet';
import { placeLabels, type Box, type LabelRequest } from '../lib/label-placement.ts';

/**
 * The map's names: a label beside every pin drawn on its own and the name of every district wide
 * enough to hold one, placed together so that none covers another or a pin (pins first, then the
 * districts). A pin whose name finds no room shows it while pointed at or focused; the list under
 * the map names every place. Laid out again after each zoom or move.
 */

/** A pin to name. */
export interface PinLabel {
  /** Place id. */
  id: string;
  /** Its name. */
  name: string;
  /** Where the pin's tip is. */
  latLng: L.LatLng;
  /** The pin. */
  marker: L.Marker;
}

/** A district to name. */
export interface DistrictLabel {
  /** The label's contents (Latin name and hanzi). */
  content: HTMLElement;
  /** Where the name goes. */
  latLng: L.LatLng;
  /** Its west and east edges, degrees: narrow districts stay unnamed at low zooms. */
  west: number;
  /** Its east edge. */
  east: number;
}

/** Districts narrower than this on screen keep their name hidden, so small ones do not pile up. */
const DISTRICT_MIN_WIDTH = 90;
/** The pin image: its tip sits on the point, its head is this far above it. */
const PIN_HEAD = 26;

/** One label element with its measured size. */
interface Shown {
  element: HTMLElement;
  width: number;
  height: number;
}

/** Keeps a map's pin and district names placed. */
export class MapLabels {
  readonly #map: L.Map;
  readonly #pane: HTMLElement;
  #pins: PinLabel[] = [];
  readonly #districts: (DistrictLabel & Shown)[] = [];
  readonly #pinElements = new Map<string, Shown>();

  constructor(map: L.Map) {
    this.#map = map;
    this.#pane = map.createPane('casefile-labels');
    this.#pane.style.zIndex = '640';
    this.#pane.style.pointerEvents = 'none';
    map.on('zoomend moveend resize', () => this.layout());
  }

  /** Makes a label element in the pane and measures it. */
  #make(className: string, content: Node | string): Shown {
    const element = document.createElement('div');
    element.className = className;
    element.append(content);
    element.setAttribute('aria-hidden', 'true');
    this.#pane.append(element);
    return { element, width: element.offsetWidth, height: element.offsetHeight };
  }

  /** The districts to name. */
  setDistricts(districts: readonly DistrictLabel[]): void {
    for (const district of districts) {
      this.#districts.push({ ...district, ...this.#make('map-district-label', district.content) });
    }
  }

  /** The pins drawn on their own now (clustered ones are not named). */
  setPins(pins: readonly PinLabel[]): void {
    this.#pins = [...pins];
    for (const pin of pins) {
      if (this.#pinElements.has(pin.id)) continue;
      // On a small map a long name gives way to its first part ("Bureau compound"); the popup has it whole.
      const short = this.#map.getSize().x < 480 ? (pin.name.split(',')[0] ?? pin.name) : pin.name;
      const shown = this.#make('map-pin-label', short);
      this.#pinElements.set(pin.id, shown);
      // A name with no room shows while its pin is pointed at or focused.
      const reveal = (on: boolean) => shown.element.classList.toggle('forced', on);
      pin.marker.on('mouseover', () => reveal(true)).on('mouseout', () => reveal(false));
      pin.marker.on('add', () => {
        const icon = pin.marker.getElement();
        icon?.addEventListener('focus', () => reveal(true));
        icon?.addEventListener('blur', () => reveal(false));
      });
    }
    this.layout();
  }

  /** Places every name for the current view. */
  layout(): void {
    const size = this.#map.getSize();
    const point = (latLng: L.LatLng) => this.#map.latLngToContainerPoint(latLng);
    const pinBoxes: Box[] = this.#pins.map((pin) => {
      const p = point(pin.latLng);
      return { x0: p.x - 14, y0: p.y - 42, x1: p.x + 18, y1: p.y + 2 };
    });
    const requests: LabelRequest[] = [];
    // A label made before its map was laid out measures nothing: measure it again now.
    for (const shown of [...this.#pinElements.values(), ...this.#districts]) {
      if (shown.width > 0) continue;
      shown.element.hidden = false;
      shown.width = shown.element.offsetWidth;
      shown.height = shown.element.offsetHeight;
    }
    // Everything starts hidden; what finds room is shown below.
    for (const shown of [...this.#pinElements.values(), ...this.#districts]) shown.element.hidden = true;
    const position = (shown: Shown, box: Box) => {
      const at = this.#map.containerPointToLayerPoint([box.x0, box.y0]);
      L.DomUtil.setPosition(shown.element, at);
      shown.element.hidden = false;
    };
    this.#pins.forEach((pin, i) => {
      const shown = this.#pinElements.get(pin.id);
      if (!shown) return;
      const p = point(pin.latLng);
      requests.push({
        id: i,
        x: p.x + 2,
        y: p.y - PIN_HEAD,
        r: 14,
        width: shown.width,
        height: shown.height,
        must: true,
      });
    });
    const pixelsPerDegree = (256 * 2 ** this.#map.getZoom()) / 360;
    this.#districts.forEach((district, i) => {
      if ((district.east - district.west) * pixelsPerDegree < DISTRICT_MIN_WIDTH) return;
      const p = point(district.latLng);
      requests.push({
        id: 1000 + i,
        x: p.x,
        y: p.y,
        r: 0,
        width: district.width,
        height: district.height,
        centred: true,
      });
    });
    const placed = placeLabels(requests, { x0: 0, y0: 0, x1: size.x, y1: size.y }, { obstacles: pinBoxes });
    for (const label of placed) {
      const shown =
        label.id >= 1000 ? this.#districts[label.id - 1000] : this.#pinElements.get(this.#pins[label.id]?.id ?? '');
      if (shown) position(shown, label.box);
    }
  }

  /** How many names show now, pins and districts, for tests. */
  shown(): { pins: string[]; districts: number } {
    return {
      pins: this.#pins.filter((pin) => this.#pinElements.get(pin.id)?.element.hidden === false).map((pin) => pin.id),
      districts: this.#districts.filter((district) => !district.element.hidden).length,
    };
  }
}
