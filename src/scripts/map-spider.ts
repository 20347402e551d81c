import * as L from 'leaflet';
import type { MapPlace } from '../lib/map-data.ts';

/**
 * Spiderfying: places that share a point (or lie too close to part at the deepest zoom) are fanned
 * out on a circle around it, each pin on a thin leg back to the point, so each can be told apart,
 * pointed at and opened. Leaflet.markercluster does the same with its own clustering; the map's own
 * clustering (src/lib/map-clusters.ts) is kept, so this is the small part that was missing.
 */

/** Pixels from the point to the fanned-out pins, growing with their number. */
function legLength(count: number): number {
  return 36 + 6 * count;
}

/**
 * The layers of a fanned-out group: one leg per place and whatever `draw` makes for each place at
 * its fanned-out position (its pin, and its precision circle at the true point).
 */
export function spiderLayers(
  map: L.Map,
  centre: L.LatLng,
  places: readonly MapPlace[],
  draw: (place: MapPlace, at: L.LatLng) => L.Layer[],
): L.Layer[] {
  const origin = map.latLngToLayerPoint(centre);
  const length = legLength(places.length);
  const layers: L.Layer[] = [];
  places.forEach((place, i) => {
    const angle = -Math.PI / 2 + (i * 2 * Math.PI) / places.length;
    const at = map.layerPointToLatLng(
      L.point(origin.x + length * Math.cos(angle), origin.y + length * Math.sin(angle)),
    );
    layers.push(L.polyline([centre, at], { className: 'map-spider-leg', interactive: false }), ...draw(place, at));
  });
  return layers;
}
