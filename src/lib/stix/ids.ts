import { createHash } from 'node:crypto';
import { parse as parseUuid, stringify as stringifyUuid } from 'uuid';

/**
 * STIX ids and versions from what an object is, never from where it sits in a file: name-based
 * UUIDs (v5) in casefile's namespace for the objects it describes, in the namespace STIX fixes for
 * cyber observables (their id is their value), and a `modified` moment derived from an object's
 * content, so the same content writes the same bytes and changed content a later version.
 */

/** casefile's namespace for the ids of objects it describes (a fixed, random v4 UUID). */
export const CASEFILE_NAMESPACE = '5b0e8a3e-2f5c-4f4e-9d0c-7a61c1f0b4d2';

/** The namespace STIX 2.1 fixes for the deterministic ids of cyber observables (§2.9). */
export const STIX_SCO_NAMESPACE = '00abedb4-aa42-466c-9c01-fed23315a9b7';

/** Milliseconds in a day: `modified` falls within the day of `created`. */
const DAY_MS = 86_400_000;

/** Each namespace's 16 bytes, parsed once. */
const namespaceBytes = new Map<string, Uint8Array>();

/**
 * The name-based (v5, RFC 9562 §5.5) UUID of `name` in `namespace`, the same as uuid's `v5`, with
 * the SHA-1 of node:crypto: uuid's own SHA-1 is JavaScript, and was most of a STIX bundle's time
 * (tests/unit/stix-ids.test.ts holds the two to the same ids). The library parses the namespace and
 * writes the UUID out.
 */
function uuidV5(name: string, namespace: string): string {
  let prefix = namespaceBytes.get(namespace);
  if (!prefix) {
    prefix = parseUuid(namespace);
    namespaceBytes.set(namespace, prefix);
  }
  const bytes = createHash('sha1').update(prefix).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  return stringifyUuid(bytes);
}

/** The id of a STIX object casefile describes, e.g. `intrusion-set--…` from `actors/apt10`. */
export function casefileId(stixType: string, name: string): string {
  return `${stixType}--${uuidV5(name, CASEFILE_NAMESPACE)}`;
}

/** JSON with keys sorted, as STIX's id derivation (RFC 8785 for these flat string objects) needs. */
function canonicalJson(object: Record<string, string>): string {
  return `{${Object.keys(object)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${JSON.stringify(object[key])}`)
    .join(',')}}`;
}

/** The id STIX 2.1 derives for a cyber observable from its id-contributing properties. */
export function observableId(stixType: string, key: Record<string, string>): string {
  return `${stixType}--${uuidV5(canonicalJson(key), STIX_SCO_NAMESPACE)}`;
}

/** JSON with every object's keys sorted, so equal content hashes the same. */
function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .sort()
      .filter((key) => record[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${sortedJson(record[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A moment within the day starting at `created`, derived from the content of an object. */
export function versionStamp(created: string, content: unknown): string {
  // A UUIDv5's first 32 bits are the first 32 bits of the SHA-1 of its namespace and name.
  const offset = Number.parseInt(uuidV5(sortedJson(content), CASEFILE_NAMESPACE).slice(0, 8), 16);
  return new Date(Date.parse(created) + (offset % DAY_MS)).toISOString();
}
