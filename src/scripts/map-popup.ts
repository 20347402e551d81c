import { linksByLabel, type MapPlace } from '../lib/map-data.ts';
import { CONFIDENCE_INFO } from '../lib/schema/confidence.ts';
import { ENTITY_TYPE_INFO } from '../lib/schema/entity-types.ts';
import { entryPath, withBase } from '../lib/paths.ts';

/**
 * The contents of a place's popup, built as DOM nodes (never from HTML strings, so no text from the
 * case can become markup): the name linking to its dossier, both addresses, how precise the point is
 * and how it was placed, and every entity linked to the place under its relationship label.
 */

/** Creates an element with a class and text. */
function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A link to an entry's dossier. */
function dossierLink(base: string, id: string, name: string): HTMLAnchorElement {
  const link = element('a', undefined, name);
  link.href = withBase(base, entryPath(id));
  return link;
}

/** Capitalises the first letter of a relationship label for a heading. */
function heading(label: string): string {
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** The popup of one place. */
export function placePopup(place: MapPlace, base: string): HTMLElement {
  const root = element('div', 'map-popup');
  const title = element('p', 'map-popup-title');
  title.append(dossierLink(base, place.id, place.name));
  if (place.native && place.native !== place.name) {
    const native = element('span', 'map-popup-native', place.native);
    if (place.nativeLang) native.lang = place.nativeLang;
    title.append(' ', native);
  }
  root.append(title, element('p', 'map-popup-address', place.address));
  if (place.addressNative) {
    const native = element('p', 'map-popup-address', place.addressNative);
    native.lang = 'zh';
    root.append(native);
  }
  const precision = element('p', 'map-popup-precision');
  precision.append(element('strong', undefined, `Precision ${place.precisionText}.`), ` ${place.note}`);
  root.append(precision);
  const groups = linksByLabel(place.links);
  if (groups.length > 0) {
    const list = element('dl', 'map-popup-links');
    for (const group of groups) {
      list.append(element('dt', undefined, heading(group.label)));
      for (const link of group.links) {
        const item = element('dd', `type-${link.type}`);
        item.append(
          dossierLink(base, link.id, link.name),
          element(
            'span',
            'map-popup-grade',
            ` (${ENTITY_TYPE_INFO[link.type].label.toLowerCase()}, ${CONFIDENCE_INFO[link.confidence].label})`,
          ),
        );
        list.append(item);
      }
    }
    root.append(list);
  }
  return root;
}

/** The popup of a cluster that cannot be split by zooming: every place in it, each a link. */
export function clusterPopup(places: readonly MapPlace[], base: string): HTMLElement {
  const root = element('div', 'map-popup');
  root.append(element('p', 'map-popup-title', `${places.length} places at this point`));
  const list = element('ul', 'map-popup-list');
  for (const place of places) {
    const item = element('li');
    item.append(dossierLink(base, place.id, place.name), ` (${place.precisionText})`);
    list.append(item);
  }
  root.append(list);
  return root;
}
