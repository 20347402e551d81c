/**
 * The rows of a dossier's facts card, and the small formatters entity types write them with. Each
 * type says which rows it shows in its own file under schema/; facts.ts puts them together.
 */

/** One value in a fact row: text, a link out, or an indicator shown defanged. */
export type FactValue =
  | { kind: 'text'; text: string }
  | { kind: 'link'; text: string; href: string }
  | { kind: 'indicator'; defanged: string }
  | { kind: 'code'; text: string };

/** One row of the facts card. */
export interface Fact {
  /** Label, e.g. "First seen". */
  label: string;
  /** One or more values. */
  values: FactValue[];
  /** Language of the values, when not English. */
  lang?: string | undefined;
  /** An identifier a reader may search for (an address, a handle's value, a catalogue id): weighted up in search. */
  weighty?: boolean;
}

/** Adds a row; a row without values is left out. `weighty` marks an identifier search should weigh up. */
export type AddFact = (label: string, values: FactValue[] | undefined, lang?: string, weighty?: boolean) => void;

/** A plain-text value. */
export function textValue(value: string): FactValue {
  return { kind: 'text', text: value };
}

/** Catalogue identifiers (MITRE ATT&CK, CVE …), each a link when it has an address. */
export function identifierValues(
  ids: readonly { system: string; id: string; url?: string | undefined }[],
): FactValue[] {
  return ids.map((id) =>
    id.url ? { kind: 'link', text: `${id.system} ${id.id}`, href: id.url } : textValue(`${id.system} ${id.id}`),
  );
}

/** Formats a coordinate pair with hemispheres, e.g. "39.0651° N, 117.2135° E". */
export function formatCoordinates(lat: number, lon: number): string {
  const ns = lat >= 0 ? 'N' : 'S';
  const ew = lon >= 0 ? 'E' : 'W';
  return `${Math.abs(lat).toFixed(4)}° ${ns}, ${Math.abs(lon).toFixed(4)}° ${ew}`;
}

/** Formats a precision radius: "± 600 m", "± 3 km". */
export function formatPrecision(metres: number): string {
  return metres >= 1000 ? `± ${Number((metres / 1000).toFixed(1))} km` : `± ${Math.round(metres)} m`;
}

/** Humanises a kind key: "front-company" → "front company". */
export function humanise(key: string): string {
  return key.replace(/-/g, ' ');
}
