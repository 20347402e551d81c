/**
 * Components a report embeds in its MDX body, with the entities they point at:
 * `<GraphFocus entities={["people/gao-qiang"]} />` and `<MapFocus locations={["locations/x"]} />`.
 * The checker resolves these ids like wikilinks, so a renamed entity breaks the build, not the page.
 */

/** The embeddable components and the prop that carries their ids. */
export const EMBEDS = {
  GraphFocus: { prop: 'entities', collections: ['actors', 'people', 'companies', 'locations', 'identities', 'tools'] },
  MapFocus: { prop: 'locations', collections: ['locations'] },
} as const;

/** An embedding component's name. */
export type EmbedName = keyof typeof EMBEDS;

/** One embed found in a body. */
export interface Embed {
  /** Component name. */
  component: EmbedName;
  /** The ids listed in its prop, as written. */
  ids: string[];
  /** Offset of the tag in the body. */
  index: number;
}

const TAG = /<(GraphFocus|MapFocus)\b([^>]*?)\/?>/g;

/** Every embed in a body, with the ids in its id-list prop. */
export function findEmbeds(body: string): Embed[] {
  const embeds: Embed[] = [];
  for (const match of body.matchAll(TAG)) {
    const component = match[1] as EmbedName;
    const attributes = match[2] ?? '';
    const prop = EMBEDS[component].prop;
    const list = new RegExp(`${prop}\\s*=\\s*\\{\\s*\\[([^\\]]*)\\]\\s*\\}`).exec(attributes);
    const ids = list ? [...(list[1] ?? '').matchAll(/["']([^"']+)["']/g)].map((m) => m[1] ?? '') : [];
    embeds.push({ component, ids, index: match.index });
  }
  return embeds;
}
