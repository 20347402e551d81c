import * as z from 'zod/mini';
import { ENTITY_TYPES, type EntityType } from './schema/entity-types.ts';
import { foldText, wordsOf, type Nameable } from './name-match.ts';

/**
 * The name index behind the quick-jump list: every entity's name, native name, aliases, identifier
 * and addresses with its relationship grades, split into small files by the first letter of each
 * word, so the first keystroke fetches a few kilobytes instead of the whole case. Written at build
 * time from the case model; read in the browser with the schema below.
 */

/** One entity in the name index. */
export interface NameEntry extends Nameable {
  /** Entity type. */
  type: EntityType;
  /** Slug: the dossier is at /<type>/<slug>/. */
  slug: string;
  /** Display name. */
  name: string;
  /** Name in its own script. */
  native: string | undefined;
  /** Aliases, the identity's value (defanged when it is an indicator), identifiers, addresses. */
  also: string[];
  /** Its relationships by grade, in CONFIDENCE_LEVELS order (confirmed first). */
  grades: number[];
}

/** Hanzi are spread over this many files, by code point. */
const HANZI_SHARDS = 16;

/**
 * The file a word starting with this character is listed in: a–z and 0–9 by themselves, hanzi in
 * sixteen groups (h0–hf), everything else together (`other`). Takes a folded character.
 */
export function shardOf(char: string): string {
  if (/^[a-z0-9]$/.test(char)) return char;
  const code = char.codePointAt(0) ?? 0;
  if (/^\p{Script=Han}$/u.test(char)) return `h${(code % HANZI_SHARDS).toString(16)}`;
  return 'other';
}

/** Every shard name, so the client never asks for a file that was not written. */
export const SHARDS: readonly string[] = [
  ...'abcdefghijklmnopqrstuvwxyz0123456789',
  ...Array.from({ length: HANZI_SHARDS }, (_, i) => `h${i.toString(16)}`),
  'other',
];

/**
 * The shard a query is looked up in: that of its first word's first character. The entity must
 * then have a word starting with it, which the matcher wants anyway (typing mistakes are forgiven
 * after the first letter). Undefined for a query without letters or digits.
 */
export function queryShard(query: string): string | undefined {
  const first = wordsOf(foldText(query))[0];
  return first === undefined ? undefined : shardOf([...first][0] ?? '');
}

/**
 * Which shards list an entity: that of the first character of each word of its texts and, for
 * hanzi, of every character (a query may start in the middle of a Chinese name or address).
 */
export function shardsOf(entry: Nameable): Set<string> {
  const shards = new Set<string>();
  for (const text of [entry.name, entry.native ?? '', ...entry.also]) {
    for (const word of wordsOf(foldText(text))) {
      const chars = [...word];
      if (/\p{Script=Han}/u.test(word)) for (const char of chars) shards.add(shardOf(char));
      else shards.add(shardOf(chars[0] ?? ''));
    }
  }
  return shards;
}

/** One entity as a shard file stores it: [type, slug, name, native or "", also, grades]. */
const shardRow = z.tuple([
  z.enum(ENTITY_TYPES),
  z.string(),
  z.string(),
  z.string(),
  z.array(z.string()),
  z.array(z.number()),
]);

/** A shard file: format version and rows. */
export const nameShardFile = z.object({
  /** Format version, bumped when the row layout changes. */
  v: z.literal(1),
  /** The entities listed. */
  rows: z.array(shardRow),
});

/** A shard file's contents. */
export type NameShardFile = z.infer<typeof nameShardFile>;

/** The contents of every shard file, by shard name; entities keep the order given. */
export function nameShards(entries: readonly NameEntry[]): Map<string, NameShardFile> {
  const shards = new Map<string, NameShardFile>(SHARDS.map((shard) => [shard, { v: 1, rows: [] }]));
  for (const entry of entries) {
    for (const shard of shardsOf(entry)) {
      shards.get(shard)?.rows.push([entry.type, entry.slug, entry.name, entry.native ?? '', entry.also, entry.grades]);
    }
  }
  return shards;
}

/** Reads a fetched shard file back into entries; throws when it does not have the expected shape. */
export function readNameShard(json: unknown): NameEntry[] {
  return nameShardFile.parse(json).rows.map(([type, slug, name, native, also, grades]) => ({
    type,
    slug,
    name,
    native: native || undefined,
    also,
    grades,
  }));
}
