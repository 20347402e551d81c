import * as L from 'leaflet';
// Linked by URL when a map mounts, not imported: an imported stylesheet would be hoisted into every
// page of the dossier route, map or not.
import mapStylesUrl from '../styles/map.css?url';
import { basemapSchema, districtPolygons, type Basemap } from '../lib/basemap.ts';
import {
  fromMapData,
  mapConfigSchema,
  mapDataSchema,
  placeBounds,
  type MapConfig,
  type MapPlace,
} from '../lib/map-data.ts';
import { clusterPoints, type Cluster } from '../lib/map-clusters.ts';
import { MARKER_ICON, parseMarkerKey } from '../lib/map-markers.ts';
import { withBase } from '../lib/paths.ts';
import { placePopup } from './map-popup.ts';
import { MapLabels, type DistrictLabel, type PinLabel } from './map-labels.ts';
import { spiderLayers } from './map-spider.ts';
import { contextBounds, unionBounds } from '../lib/map-context.ts';
import type { DrawnCircle } from './case-map.ts';

/**
 * The map itself, drawn with Leaflet inside a `<case-map>` element: the offline district outlines,
 * a marker and a precision circle per place (clustered where pins would overlap), popups, and the
 * street-map switch. Loaded only when a map comes into view.
 */

/** Where the reader's street-map choice is kept, shared by every map of the site. */
export const STREET_MAP_KEY = 'casefile:street-map';

/** Pins closer than this many pixels are drawn as one numbered marker. */
const CLUSTER_RADIUS = 36;

/** Escapes text for the few places Leaflet takes HTML strings (attribution). */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Fetches and parses JSON, naming the URL when it fails. */
async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

/** The places of a map, fetched from `/map.json`: all of them, or those the element names, in map order. */
async function placesOf(config: MapConfig): Promise<readonly MapPlace[]> {
  const places = fromMapData(mapDataSchema.parse(await fetchJson(config.src)));
  if (config.only === null) return places;
  const wanted = new Set(config.only);
  return places.filter((place) => wanted.has(place.id));
}

/** Reads the reader's saved street-map choice; null when none (or storage is blocked). */
function savedStreetChoice(): boolean | null {
  try {
    const value = localStorage.getItem(STREET_MAP_KEY);
    return value === null ? null : value === '1';
  } catch {
    return null;
  }
}

let styles: Promise<void> | undefined;

/** Adds the map's stylesheet (Leaflet's and the site's map styles) to the page once, and waits for it. */
function loadStyles(): Promise<void> {
  if (getComputedStyle(document.documentElement).getPropertyValue('--casefile-map-styles').trim() === 'loaded') {
    return Promise.resolve();
  }
  styles ??= new Promise((resolve, reject) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = mapStylesUrl;
    link.addEventListener('load', () => resolve());
    link.addEventListener('error', () => reject(new Error(`${mapStylesUrl} did not load`)));
    document.head.append(link);
  });
  return styles;
}

/** A drawn map; created by {@link MapView.mount}. */
export class MapView {
  /** The Leaflet map. */
  readonly map: L.Map;
  readonly #host: HTMLElement;
  readonly #config: MapConfig;
  readonly #places: readonly MapPlace[];
  readonly #layer = L.layerGroup();
  readonly #markers = new Map<string, L.Marker>();
  readonly #circles = new Map<string, L.Circle>();
  readonly #labels: MapLabels;
  #spider: (() => void) | undefined;
  /** The layers on the map now, by lone place id or cluster members. */
  readonly #shown = new Map<string, L.Layer[]>();
  #tiles: L.TileLayer | undefined;
  #tileFailureShown = false;

  /** Loads the places and the outlines, then draws the map into the element. */
  static async mount(host: HTMLElement): Promise<MapView> {
    // Phase marks for the benchmark: code evaluated, then data in; ready is marked by the element.
    performance.mark('casefile:map:code');
    const config = mapConfigSchema.parse(JSON.parse(host.dataset.config ?? 'null'));
    // Leaflet measures its container when the map is created: the styles must be in by then.
    const [, places, basemap] = await Promise.all([
      loadStyles(),
      placesOf(config),
      config.basemap
        ? fetchJson(config.basemap)
            .then((data) => basemapSchema.parse(data))
            .catch((error: unknown) => {
              console.warn('casefile map: no district outlines:', error);
              return undefined;
            })
        : undefined,
    ]);
    performance.mark('casefile:map:data');
    return new MapView(host, config, places, basemap);
  }

  private constructor(host: HTMLElement, config: MapConfig, places: readonly MapPlace[], basemap: Basemap | undefined) {
    this.#host = host;
    this.#config = config;
    this.#places = places;
    const stage = host.querySelector<HTMLElement>('[data-stage]');
    if (!stage) throw new Error('the map element has no [data-stage]');
    stage.replaceChildren();
    this.map = L.map(stage, {
      attributionControl: false,
      scrollWheelZoom: !config.mini,
      maxZoom: Math.min(18, config.tiles.maxZoom),
      minZoom: 3,
    });
    const attribution = L.control
      .attribution({ prefix: '<a href="https://leafletjs.com" rel="noopener noreferrer">Leaflet</a>' })
      .addTo(this.map);
    this.#layer.addTo(this.map);
    this.#labels = new MapLabels(this.map);
    const bounds = placeBounds(places);
    // A small map of one place shows at least its district and the edges of its neighbours (several
    // places are framed by their own circles, which reach further).
    const single = config.mini && places.length === 1;
    const widen = basemap && basemap.casefile.widen !== false;
    const context = single && widen ? contextBounds(places, basemap.features) : undefined;
    if (bounds) this.map.fitBounds(unionBounds(bounds, context), { padding: [16, 16], maxZoom: 16, animate: false });
    else if (basemap) {
      const corners = basemap.features.flatMap((f) => districtPolygons(f).flatMap((polygon) => polygon[0] ?? []));
      this.map.fitBounds(L.latLngBounds(corners), { animate: false });
    } else this.map.setView([0, 0], 3);
    if (!bounds) this.#note('No place in this case has coordinates yet.');
    // Drawn once the map has a view: layers added before it wait, and have no SVG element yet.
    if (basemap) this.#drawDistricts(basemap, attribution);
    this.#render();
    this.map.on('zoomend', () => this.#render());
    this.map.on('zoomstart click', () => this.#unspider());
    this.map.on('popupopen', (event) => {
      // Keyboard readers land in the popup they opened, at the place's own link.
      event.popup.getElement()?.querySelector<HTMLElement>('a[href]')?.focus({ preventScroll: true });
    });
    this.#setupStreetSwitch();
  }

  /** The precision circles on screen now. */
  precisionCircles(): DrawnCircle[] {
    return [...this.#circles]
      .filter(([, circle]) => this.map.hasLayer(circle))
      .map(([id, circle]) => {
        const path = circle.getElement();
        const box = path instanceof SVGGraphicsElement ? path.getBBox() : undefined;
        return { id, radiusMetres: circle.getRadius(), radiusPixels: box ? box.width / 2 : 0 };
      });
  }

  #note(text: string): void {
    const note = this.#host.querySelector<HTMLElement>('[data-note]');
    if (note) note.textContent = text;
  }

  #drawDistricts(basemap: Basemap, attribution: L.Control.Attribution): void {
    const outlines = this.map.createPane('districts');
    outlines.style.zIndex = '250';
    const names: DistrictLabel[] = [];
    for (const feature of basemap.features) {
      const outline = L.polygon(districtPolygons(feature), {
        pane: 'districts',
        className: 'map-district',
        interactive: false,
      }).addTo(this.map);
      outline.getElement()?.setAttribute('data-testid', `district-${feature.id}`);
      const content = document.createElement('span');
      content.append(feature.properties.name.replace(/ District$/, ''));
      if (feature.properties.name_native) {
        const native = document.createElement('span');
        native.lang = 'zh';
        native.textContent = feature.properties.name_native;
        content.append(' ', native);
      }
      const [lon, lat] = feature.properties.label;
      const lons = districtPolygons(feature).flatMap((polygon) => (polygon[0] ?? []).map(([, x]) => x));
      names.push({ content, latLng: L.latLng(lat, lon), west: Math.min(...lons), east: Math.max(...lons) });
    }
    this.#labels.setDistricts(names);
    const source = basemap.casefile;
    attribution.addAttribution(
      `<a href="${escapeHtml(withBase(this.#config.base, source.attributionPath))}">${escapeHtml(source.attribution)}</a>`,
    );
  }

  /** The names on the map now: pins and districts, for tests. */
  labelsShown(): { pins: string[]; districts: number } {
    return this.#labels.shown();
  }

  /** Draws the markers for the current zoom: a pin and circle per lone place, a count per cluster. */
  #render(): void {
    // Only what changed is swapped, so a pin that stays keeps its open popup and its focus.
    const wanted = new Map<string, () => L.Layer[]>();
    const lone: PinLabel[] = [];
    for (const cluster of clusterPoints(this.#places, this.map.getZoom(), CLUSTER_RADIUS)) {
      const only = cluster.members.length === 1 ? this.#places[cluster.members[0] ?? -1] : undefined;
      if (only) {
        wanted.set(only.id, () => [this.#circleOf(only), this.#markerOf(only)]);
        lone.push({ id: only.id, name: only.name, latLng: L.latLng(only.lat, only.lon), marker: this.#markerOf(only) });
      } else wanted.set(`cluster:${cluster.members.join(',')}`, () => [this.#clusterMarker(cluster)]);
    }
    // The legend explains a numbered marker only while one is drawn.
    const clustered = lone.length < this.#places.length;
    for (const item of document.querySelectorAll<HTMLElement>('[data-legend-cluster]')) item.hidden = !clustered;
    for (const [key, layers] of this.#shown) {
      if (wanted.has(key)) continue;
      for (const layer of layers) this.#layer.removeLayer(layer);
      this.#shown.delete(key);
    }
    for (const [key, make] of wanted) {
      if (this.#shown.has(key)) continue;
      const layers = make();
      for (const layer of layers) this.#layer.addLayer(layer);
      this.#shown.set(key, layers);
    }
    this.#labels.setPins(lone);
  }

  /** Popups narrow enough for the map, panned clear of the zoom buttons. */
  #popupOptions(): L.PopupOptions {
    return {
      maxWidth: Math.max(180, Math.min(300, this.map.getSize().x - 90)),
      autoPanPaddingTopLeft: [56, 16],
      autoPanPaddingBottomRight: [16, 16],
    };
  }

  #markerOf(place: MapPlace): L.Marker {
    let marker = this.#markers.get(place.id);
    if (marker) return marker;
    const icon = L.icon({
      iconUrl: `${this.#config.markers}${parseMarkerKey(place.marker) ? place.marker : 'locations'}.svg`,
      iconSize: MARKER_ICON.size,
      iconAnchor: MARKER_ICON.anchor,
      popupAnchor: MARKER_ICON.popupAnchor,
      className: 'map-marker',
    });
    marker = L.marker([place.lat, place.lon], { icon, title: place.name, alt: place.name, riseOnHover: true });
    // On a phone-sized map the popup is short, with the rest a tap away.
    marker.bindPopup(() => placePopup(place, this.#config.base, this.map.getSize().x < 480), this.#popupOptions());
    marker.on('popupclose', () => {
      const icon = marker.getElement();
      if (icon && document.activeElement === document.body) icon.focus({ preventScroll: true });
    });
    this.#markers.set(place.id, marker);
    return marker;
  }

  #circleOf(place: MapPlace): L.Circle {
    let circle = this.#circles.get(place.id);
    if (circle) return circle;
    const style = parseMarkerKey(place.marker);
    circle = L.circle([place.lat, place.lon], {
      radius: place.precision,
      className: `map-precision type-${style?.primary ?? 'locations'}`,
      interactive: false,
    });
    // Leaflet makes a new path each time a layer is added; tests find it by the place's slug.
    circle.on('add', (event) => {
      const target = event.target as L.Circle;
      target.getElement()?.setAttribute('data-testid', `precision-${place.id.replace('/', '-')}`);
    });
    this.#circles.set(place.id, circle);
    return circle;
  }

  #clusterMarker(cluster: Cluster): L.Marker {
    const members = cluster.members.map((i) => this.#places[i]).filter((place) => place !== undefined);
    const count = document.createElement('span');
    count.textContent = String(members.length);
    const marker = L.marker([cluster.lat, cluster.lon], {
      icon: L.divIcon({ html: count, className: 'map-cluster', iconSize: [36, 36] }),
      title: `${members.length} places: ${members
        .slice(0, 3)
        .map((place) => place.name)
        .join('; ')}${members.length > 3 ? '; …' : ''}. Zoom in to separate them.`,
    });
    const bounds = placeBounds(members.map((place) => ({ ...place, precision: 1 })));
    marker.on('click', () => {
      const zoom = bounds ? this.map.getBoundsZoom(bounds, false, L.point(48, 48)) : this.map.getZoom();
      if (bounds && zoom > this.map.getZoom()) this.map.fitBounds(bounds, { padding: [48, 48] });
      else this.#spiderfy(marker, members);
    });
    return marker;
  }

  /** Fans co-located places out around their point, each pin on a leg to where it really is. */
  #spiderfy(cluster: L.Marker, members: readonly MapPlace[]): void {
    this.#unspider();
    this.#layer.removeLayer(cluster);
    const layers = spiderLayers(this.map, cluster.getLatLng(), members, (place, at) => {
      const marker = L.marker(at, { icon: this.#markerOf(place).options.icon, title: place.name, alt: place.name });
      marker.bindPopup(() => placePopup(place, this.#config.base, this.map.getSize().x < 480), this.#popupOptions());
      return [this.#circleOf(place), marker];
    });
    for (const layer of layers) this.#layer.addLayer(layer);
    this.#spider = () => {
      for (const layer of layers) this.#layer.removeLayer(layer);
      this.#layer.addLayer(cluster);
    };
  }

  #unspider(): void {
    this.#spider?.();
    this.#spider = undefined;
  }

  /** The "show street map" button: tiles only on request, remembered, or at once if the site says so. */
  #setupStreetSwitch(): void {
    const bar = this.#host.querySelector<HTMLElement>('[data-bar]');
    const button = this.#host.querySelector<HTMLButtonElement>('[data-street]');
    if (bar) bar.hidden = false;
    if (!button) return;
    const apply = (on: boolean) => {
      button.setAttribute('aria-pressed', String(on));
      this.#host.classList.toggle('streets', on);
      if (on && !this.#tiles) {
        const tiles = this.#config.tiles;
        this.#tiles = L.tileLayer(tiles.url, {
          maxZoom: tiles.maxZoom,
          attribution: `<a href="${escapeHtml(tiles.attributionUrl)}" rel="noopener noreferrer">${escapeHtml(tiles.attribution)}</a>`,
        })
          .on('tileerror', () => {
            if (this.#tileFailureShown) return;
            this.#tileFailureShown = true;
            this.#note(
              `Street tiles did not load from ${new URL(tiles.url.replace(/\{[a-z]\}/g, 'a')).host}; the map works without them.`,
            );
          })
          .addTo(this.map);
        this.#tiles.bringToBack();
      } else if (!on && this.#tiles) {
        this.#tiles.remove();
        this.#tiles = undefined;
        this.#tileFailureShown = false;
        this.#note('');
      }
    };
    apply(savedStreetChoice() ?? this.#config.tiles.loadOnStart);
    button.addEventListener('click', () => {
      const on = button.getAttribute('aria-pressed') !== 'true';
      try {
        localStorage.setItem(STREET_MAP_KEY, on ? '1' : '0');
      } catch {
        // Storage blocked: the choice lasts for this page only.
      }
      apply(on);
    });
  }
}
