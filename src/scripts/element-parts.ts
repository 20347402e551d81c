/**
 * The parts a custom element upgrades, found once when it connects: each by its selector and the
 * element class it must be. When any is missing the element leaves its no-JavaScript HTML as it is.
 */

/** Where a part is and what it must be, e.g. `['[data-status]', HTMLElement]`. */
type PartSpec = readonly [selector: string, kind: abstract new () => Element];

/** The parts found, typed by their specs. */
export type Parts<S extends Record<string, PartSpec>> = { [K in keyof S]: InstanceType<S[K][1]> };

/** Finds every part inside `root`, or returns undefined when one is missing or of another kind. */
export function findParts<const S extends Record<string, PartSpec>>(root: ParentNode, specs: S): Parts<S> | undefined {
  const found: Record<string, Element> = {};
  for (const [key, [selector, kind]] of Object.entries<PartSpec>(specs)) {
    const element = root.querySelector(selector);
    if (!(element instanceof kind)) return undefined;
    found[key] = element;
  }
  // Every key was checked against its kind just above.
  return found as Parts<S>;
}
