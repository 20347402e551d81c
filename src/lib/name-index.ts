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
const HANZI_SHARDS = 64;

/**
 * Entities one file lists at most. A word that starts the names of thousands of entities ("Tianjin")
 * says little about which one a reader wants; the file keeps those most likely wanted (see
 * `nameShards`), so no keystroke fetches more than a few kilobytes.
 */
export const SHARD_CAP = 400;

/**
 * The file a word starting with this character is listed in: a–z and 0–9 by themselves, hanzi in
 * 64 groups by code point (h00–h3f), everything else together (`other`). Takes a folded character.
 */
export function shardOf(char: string): string {
  if (/^[a-z0-9]$/.test(char)) return char;
  const code = char.codePointAt(0) ?? 0;
  if (/^\p{Script=Han}$/u.test(char)) return `h${(code % HANZI_SHARDS).toString(16).padStart(2, '0')}`;
  return 'other';
}

/** Every shard name, so the client never asks for a file that was not written. */
export const SHARDS: readonly string[] = [
  ...'abcdefghijklmnopqrstuvwxyz0123456789',
  ...Array.from({ length: HANZI_SHARDS }, (_, i) => `h${i.toString(16).padStart(2, '0')}`),
  'other',
];

/** Query words whose files are fetched at most: a name rarely needs more than three to pin down. */
const QUERY_SHARDS = 3;

/**
 * The files a query is looked up in: those of the first character of each of its first few words.
 * An entity then has to have a word starting like one of them, which the matcher wants anyway
 * (typing mistakes are forgiven after the first letter); a distinctive word finds an entity that a
 * common one ("Tianjin") would have left out of its crowded file. Empty without letters or digits.
 */
export function queryShards(query: string): string[] {
  const words = wordsOf(foldText(query)).slice(0, QUERY_SHARDS);
  return [...new Set(words.map((word) => shardOf([...word][0] ?? '')))];
}

/**
 * Which files list an entity, each with a rank that decides, in a crowded file, who stays: 0 for
 * the first word of its name, 1 for its name's other words and its native name, 2 for the words of
 * its aliases, identifier and addresses, 3 for the hanzi inside its names (a query may start in the
 * middle of a Chinese name) and 4 for those inside the rest.
 */
export function shardsOf(entry: Nameable): Map<string, number> {
  const shards = new Map<string, number>();
  const add = (shard: string, rank: number) => shards.set(shard, Math.min(rank, shards.get(shard) ?? rank));
  const texts: [string, number][] = [
    [entry.name, 1],
    [entry.native ?? '', 1],
    ...entry.also.map((text): [string, number] => [text, 2]),
  ];
  texts.forEach(([text, rank], t) => {
    wordsOf(foldText(text)).forEach((word, w) => {
      const [first = '', ...rest] = [...word];
      add(shardOf(first), t === 0 && w === 0 ? 0 : rank);
      if (/\p{Script=Han}/u.test(word)) for (const char of rest) add(shardOf(char), rank + 2);
    });
  });
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

/**
 * The contents of every shard file, by shard name. A file over `cap` keeps the entities it lists
 * by their best rank (see `shardsOf`), then those with more relationships; it lists them in the
 * order given.
 */
export function nameShards(entries: readonly NameEntry[], cap = SHARD_CAP): Map<string, NameShardFile> {
  const listed = new Map<string, { index: number; rank: number; weight: number }[]>(SHARDS.map((shard) => [shard, []]));
  entries.forEach((entry, index) => {
    const weight = entry.grades.reduce((sum, count) => sum + count, 0);
    for (const [shard, rank] of shardsOf(entry)) listed.get(shard)?.push({ index, rank, weight });
  });
  const files = new Map<string, NameShardFile>();
  for (const [shard, candidates] of listed) {
    const kept = [...candidates]
      .sort((a, b) => a.rank - b.rank || b.weight - a.weight || a.index - b.index)
      .slice(0, cap)
      .sort((a, b) => a.index - b.index);
    files.set(shard, {
      v: 1,
      rows: kept.map(({ index }) => {
        const entry = entries[index] as NameEntry;
        return [entry.type, entry.slug, entry.name, entry.native ?? '', entry.also, entry.grades];
      }),
    });
  }
  return files;
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
