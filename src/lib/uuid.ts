import { sha1 } from './sha1.ts';

/**
 * Name-based UUIDs (RFC 9562 version 5): the same namespace and name always give the same id, so
 * exports are reproducible and an entity keeps its STIX id from one build to the next. The hash runs
 * inline (src/lib/sha1.ts): the exports derive tens of thousands of ids in a large case.
 */

/** Parses a UUID's 32 hex digits into bytes. */
function uuidBytes(uuid: string): Uint8Array {
  const hex = uuid.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`not a UUID: ${uuid}`);
  const bytes = new Uint8Array(16);
  for (let i = 0; i < 16; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** Formats 16 bytes as a hyphenated lowercase UUID. */
function formatUuid(bytes: Uint8Array): string {
  let hex = '';
  for (let i = 0; i < 16; i++) hex += HEX[bytes[i] ?? 0];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

// A build uses two or three namespaces for every id it derives: parse each once.
const namespaces = new Map<string, Uint8Array>();
const encoder = new TextEncoder();

/** The version-5 UUID of `name` (UTF-8) in `namespace`. */
export async function uuidV5(namespace: string, name: string): Promise<string> {
  let ns = namespaces.get(namespace);
  if (!ns) {
    ns = uuidBytes(namespace);
    namespaces.set(namespace, ns);
  }
  const text = encoder.encode(name);
  const input = new Uint8Array(ns.length + text.length);
  input.set(ns);
  input.set(text, ns.length);
  const hash = sha1(input).slice(0, 16);
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  return formatUuid(hash);
}
