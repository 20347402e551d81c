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

/**
 * The popup of one place. Compact (on a phone-sized map) it gives the name, the address and the
 * precision, with the rest (native address, how the point was placed, who is there) under "More".
 */
export function placePopup(place: MapPlace, base: string, compact = false): HTMLElement {
  const root = element('div', compact ? 'map-popup compact' : 'map-popup');
  const title = element('p', 'map-popup-title');
  title.append(dossierLink(base, place.id, place.name));
  if (place.native && place.native !== place.name) {
    const native = element('span', 'map-popup-native', place.native);
    if (place.nativeLang) native.lang = place.nativeLang;
    title.append(' ', native);
  }
  root.append(title, element('p', 'map-popup-address', place.address));
  const more = compact ? element('details', 'map-popup-more') : root;
  if (compact && more instanceof HTMLDetailsElement) {
    root.append(element('p', 'map-popup-precision', `Precision ${place.precisionText}.`));
    more.append(element('summary', undefined, 'More: how it was placed, who is there'));
    root.append(more);
  }
  if (place.addressNative) {
    const native = element('p', 'map-popup-address', place.addressNative);
    native.lang = 'zh';
    more.append(native);
  }
  const precision = element('p', 'map-popup-precision');
  precision.append(element('strong', undefined, `Precision ${place.precisionText}.`), ` ${place.note}`);
  if (compact) precision.firstChild?.remove();
  more.append(precision);
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
    more.append(list);
  }
  return root;
}
