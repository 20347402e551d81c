import type { AnyEntity } from './case.ts';
import { formatPartialDate } from './dates.ts';
import { defang, type IndicatorKind } from './defang.ts';
import { INDICATOR_KINDS } from './schema/identities.ts';

/**
 * The type-specific facts of a dossier as label/value rows, so the card that shows them stays a
 * plain renderer and exports can reuse the same wording.
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

const text = (value: string): FactValue => ({ kind: 'text', text: value });

/** Whether an identity's value is an indicator that must be shown defanged. */
export function isIndicator(entity: AnyEntity): boolean {
  return entity.type === 'identities' && (INDICATOR_KINDS as readonly string[]).includes(entity.data.kind);
}

/** The value of an identity as it may be shown: defanged for indicators, plain otherwise. */
export function displayValue(entity: Extract<AnyEntity, { type: 'identities' }>): string {
  return isIndicator(entity) ? defang(entity.data.kind as IndicatorKind, entity.data.value) : entity.data.value;
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

/** The facts rows of an entity, by type. */
export function factsOf(entity: AnyEntity): Fact[] {
  const facts: Fact[] = [];
  const add = (label: string, values: FactValue[] | undefined, lang?: string, weighty = false) => {
    if (values && values.length > 0) facts.push({ label, values, lang, weighty });
  };
  switch (entity.type) {
    case 'actors': {
      const d = entity.data;
      add(
        'Identifiers',
        d.external_ids.map((id) =>
          id.url ? { kind: 'link', text: `${id.system} ${id.id}`, href: id.url } : text(`${id.system} ${id.id}`),
        ),
        undefined,
        true,
      );
      if (d.first_seen) add('First seen', [text(formatPartialDate(d.first_seen))]);
      add('Targets', d.target_sectors.length > 0 ? [text(d.target_sectors.join(', '))] : undefined);
      if (d.suspected_sponsor) add('Suspected sponsor', [text(d.suspected_sponsor)]);
      break;
    }
    case 'people': {
      const d = entity.data;
      add('Roles', d.roles.length > 0 ? [text(d.roles.join(', '))] : undefined);
      if (d.nationality) add('Nationality', [text(d.nationality)]);
      break;
    }
    case 'companies': {
      const d = entity.data;
      add('Kind', [text(humanise(d.kind))]);
      if (d.country) add('Country', [text(d.country)]);
      break;
    }
    case 'locations': {
      const d = entity.data;
      add('Address', [text(d.address)], undefined, true);
      if (d.address_native) add('Address (native)', [text(d.address_native)], 'zh', true);
      const place = [d.district, d.city, d.country].filter((part): part is string => Boolean(part)).join(', ');
      if (place) add('Area', [text(place)]);
      if (d.lat !== undefined && d.lon !== undefined) {
        add('Coordinates', [
          text(`${formatCoordinates(d.lat, d.lon)} (WGS84)`),
          text(d.precision_m === undefined ? '' : formatPrecision(d.precision_m)),
        ]);
      } else {
        add('Coordinates', [text('not placed on the map: no reliable position')]);
      }
      if (d.geocode_note) add('How it was placed', [text(d.geocode_note)]);
      break;
    }
    case 'identities': {
      const d = entity.data;
      add('Kind', [text(humanise(d.kind))]);
      if (d.platform) add('Platform', [text(d.platform)]);
      add(
        'Value',
        [isIndicator(entity) ? { kind: 'indicator', defanged: displayValue(entity) } : { kind: 'code', text: d.value }],
        undefined,
        true,
      );
      add('Status', [text(d.status)]);
      break;
    }
    case 'tools': {
      const d = entity.data;
      add('Kind', [text(humanise(d.kind))]);
      add(
        'Identifiers',
        d.external_ids.map((id) =>
          id.url ? { kind: 'link', text: `${id.system} ${id.id}`, href: id.url } : text(`${id.system} ${id.id}`),
        ),
        undefined,
        true,
      );
      if (d.open_source !== undefined) add('Source code', [text(d.open_source ? 'public' : 'not public')]);
      if (d.first_seen) add('First seen', [text(formatPartialDate(d.first_seen))]);
      break;
    }
  }
  return facts.map((fact) => ({ ...fact, values: fact.values.filter((v) => v.kind !== 'text' || v.text !== '') }));
}
