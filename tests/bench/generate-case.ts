import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ENTITY_TYPES, type EntityType } from '../../src/lib/schema/entity-types.ts';
import { RELATIONS, RELATION_KEYS, type RelationKey } from '../../src/lib/schema/relations.ts';
import { CONFIDENCE_LEVELS } from '../../src/lib/schema/confidence.ts';

/**
 * Writes a synthetic case of N entities that passes the strict build: all six types in realistic
 * proportions, about three typed, sourced, graded relationships per entity, wikilinks in bodies,
 * hanzi names and addresses, locations inside Tianjin, sources and a few reports. The same N and
 * seed always write the same bytes.
 *
 *   node tests/bench/generate-case.ts --entities 5000 --seed 1 --out /tmp/case-5000
 */

/** Share of each type in a grown investigation: accounts and people dominate, actors are few. */
const PROPORTIONS: Record<EntityType, number> = {
  actors: 0.02,
  people: 0.24,
  companies: 0.18,
  locations: 0.2,
  identities: 0.28,
  tools: 0.08,
};

/** Tianjin's bounding box (WGS84), slightly inside the municipality's outline. */
const TIANJIN = { south: 38.6, north: 40.2, west: 116.75, east: 117.95 };

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '胡',
  '朱',
  '高',
  '林',
  '何',
  '郭',
  '马',
  '罗',
];
const SURNAMES_LATIN = [
  'WANG',
  'LI',
  'ZHANG',
  'LIU',
  'CHEN',
  'YANG',
  'ZHAO',
  'HUANG',
  'ZHOU',
  'WU',
  'XU',
  'SUN',
  'HU',
  'ZHU',
  'GAO',
  'LIN',
  'HE',
  'GUO',
  'MA',
  'LUO',
];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '涛',
  '明',
  '超',
  '龙',
  '平',
  '刚',
  '华',
  '亮',
];
const GIVEN_LATIN = [
  'Wei',
  'Fang',
  'Na',
  'Min',
  'Jing',
  'Qiang',
  'Lei',
  'Jun',
  'Yang',
  'Yong',
  'Yan',
  'Jie',
  'Tao',
  'Ming',
  'Chao',
  'Long',
  'Ping',
  'Gang',
  'Hua',
  'Liang',
];
const DISTRICTS: [string, string][] = [
  ['Heping District', '和平区'],
  ['Hedong District', '河东区'],
  ['Hexi District', '河西区'],
  ['Nankai District', '南开区'],
  ['Hebei District', '河北区'],
  ['Hongqiao District', '红桥区'],
  ['Dongli District', '东丽区'],
  ['Xiqing District', '西青区'],
  ['Jinnan District', '津南区'],
  ['Beichen District', '北辰区'],
  ['Wuqing District', '武清区'],
  ['Binhai New Area', '滨海新区'],
];
const ROADS: [string, string][] = [
  ['Zhujiang Road', '珠江道'],
  ['Xinkai Road', '新开路'],
  ['Jiefang South Road', '解放南路'],
  ['Nanjing Road', '南京路'],
  ['Weijin Road', '卫津路'],
  ['Heping Road', '和平路'],
  ['Dagu Road', '大沽路'],
  ['Youyi Road', '友谊路'],
];
const COMPANY_WORDS: [string, string][] = [
  ['Haitai', '海泰'],
  ['Hengli', '恒利'],
  ['Huaying', '华盈'],
  ['Jinghua', '京华'],
  ['Xinda', '信达'],
  ['Tianyuan', '天元'],
  ['Zhongke', '中科'],
  ['Ruixin', '瑞信'],
];
const SECTORS = [
  'Aerospace',
  'Defence',
  'Government',
  'Healthcare',
  'Technology',
  'Telecommunications',
  'Shipping',
  'Energy',
];

/** mulberry32: a small, fast, seedable generator; the same seed gives the same case. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One entity to write. */
interface Planned {
  type: EntityType;
  slug: string;
  index: number;
}

/** A link to write into the declaring entity's file. */
interface PlannedLink {
  rel: RelationKey;
  to: string;
  confidence: string;
  sources: string[];
}

/** Options of the generator. */
export interface GenerateOptions {
  /** Number of entities. */
  entities: number;
  /** Seed for the random generator. */
  seed: number;
  /** Folder to write the case into (emptied first). */
  out: string;
}

/** What was written. */
export interface GeneratedCase {
  /** Entities per type. */
  counts: Record<EntityType, number>;
  /** Relationships written. */
  relationships: number;
  /** Sources written. */
  sources: number;
  /** Reports written. */
  reports: number;
}

/** Writes a synthetic case; returns its counts. */
export function generateCase(options: GenerateOptions): GeneratedCase {
  const random = seeded(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const n = Math.max(12, options.entities);

  // Plan entities per type, rounding so the total is exactly n.
  const counts = Object.fromEntries(
    ENTITY_TYPES.map((type) => [type, Math.max(2, Math.floor(n * PROPORTIONS[type]))]),
  ) as Record<EntityType, number>;
  counts.identities += n - ENTITY_TYPES.reduce((sum, type) => sum + counts[type], 0);
  const planned: Planned[] = [];
  const byType = new Map<EntityType, Planned[]>(ENTITY_TYPES.map((type) => [type, []]));
  for (const type of ENTITY_TYPES) {
    for (let i = 0; i < counts[type]; i++) {
      const entity = { type, slug: `${type.slice(0, -1)}-${String(i + 1).padStart(5, '0')}`, index: i };
      planned.push(entity);
      byType.get(type)?.push(entity);
    }
  }
  const sourceCount = Math.max(8, Math.round(n / 40));
  const sourceIds = Array.from({ length: sourceCount }, (_, i) => `source-${String(i + 1).padStart(4, '0')}`);
  const pickSources = () => {
    const first = pick(sourceIds);
    const second = pick(sourceIds);
    return random() < 0.3 && second !== first ? [first, second] : [first];
  };

  // Relations that may start from each type, with the target types each allows.
  const relationsFrom = new Map<EntityType, { rel: RelationKey; to: EntityType[] }[]>();
  for (const type of ENTITY_TYPES) {
    const options_: { rel: RelationKey; to: EntityType[] }[] = [];
    for (const rel of RELATION_KEYS) {
      const info = RELATIONS[rel];
      if ('from' in info && !(info.from as readonly string[]).includes(type)) continue;
      const to = 'to' in info ? ([...info.to] as EntityType[]) : [...ENTITY_TYPES];
      options_.push({ rel, to });
    }
    relationsFrom.set(type, options_);
  }

  // About three links per entity, mostly to nearby entities so the graph has communities.
  const links = new Map<string, PlannedLink[]>();
  const declared = new Set<string>();
  const touched = new Set<string>();
  const idOf = (entity: Planned) => `${entity.type}/${entity.slug}`;
  const addLink = (from: Planned, rel: RelationKey, to: Planned) => {
    const a = idOf(from);
    const b = idOf(to);
    const symmetric = 'symmetric' in RELATIONS[rel];
    const key = symmetric ? `${rel}|${[a, b].sort().join('|')}` : `${rel}|${a}|${b}`;
    if (a === b || declared.has(key)) return false;
    declared.add(key);
    const list = links.get(a) ?? [];
    list.push({ rel, to: b, confidence: pick(CONFIDENCE_LEVELS), sources: pickSources() });
    links.set(a, list);
    touched.add(a);
    touched.add(b);
    return true;
  };
  const targetFor = (from: Planned, types: readonly EntityType[]): Planned | undefined => {
    const type = pick(types);
    const pool = byType.get(type) ?? [];
    if (pool.length === 0) return undefined;
    const local = random() < 0.75;
    const centre = Math.floor((from.index / Math.max(1, (byType.get(from.type) ?? []).length)) * pool.length);
    const index = local
      ? (centre + Math.floor(random() * 9) - 4 + pool.length) % pool.length
      : Math.floor(random() * pool.length);
    return pool[index];
  };
  let relationships = 0;
  for (const entity of planned) {
    const choices = relationsFrom.get(entity.type) ?? [];
    const wanted = random() < 0.5 ? 3 : random() < 0.5 ? 2 : 4;
    for (let attempt = 0, made = 0; made < wanted && attempt < wanted * 4; attempt++) {
      const choice = pick(choices);
      const target = targetFor(entity, choice.to);
      if (target && addLink(entity, choice.rel, target)) {
        made++;
        relationships++;
      }
    }
  }
  // Nobody may be unreachable: an untouched entity gets one link from itself.
  for (const entity of planned) {
    if (touched.has(idOf(entity))) continue;
    const choices = relationsFrom.get(entity.type) ?? [];
    for (let attempt = 0; attempt < 50; attempt++) {
      const choice = pick(choices);
      const target = targetFor(entity, choice.to);
      if (target && addLink(entity, choice.rel, target)) {
        relationships++;
        break;
      }
    }
  }

  rmSync(options.out, { recursive: true, force: true });
  for (const folder of [...ENTITY_TYPES, 'reports', 'sources'])
    mkdirSync(path.join(options.out, folder), { recursive: true });
  const write = (folder: string, slug: string, text: string, ext = 'md') =>
    writeFileSync(path.join(options.out, folder, `${slug}.${ext}`), text);
  const yamlString = (text: string) => JSON.stringify(text);

  sourceIds.forEach((id, i) => {
    const year = 2010 + (i % 14);
    write(
      'sources',
      id,
      [
        '---',
        `title: ${yamlString(`Synthetic report ${i + 1} on network ${pick(COMPANY_WORDS)[0]}`)}`,
        `publisher: ${yamlString(pick(['Example Research', 'Example News', 'Example Registry', 'Example Court']))}`,
        `date: ${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
        `url: https://sources.example.org/${id}`,
        'kind: research',
        '---',
        `A synthetic source, number ${i + 1}.`,
        '',
      ].join('\n'),
    );
  });

  for (const entity of planned) {
    const id = idOf(entity);
    const i = entity.index;
    const lines = ['---'];
    const surname = i % SURNAMES.length;
    const given = Math.floor(i / SURNAMES.length) % GIVEN.length;
    switch (entity.type) {
      case 'actors':
        lines.push(`name: ${yamlString(`SYNTHETIC PANDA ${i + 1}`)}`, `aliases: [${yamlString(`APT-S${i + 1}`)}]`);
        lines.push(
          `first_seen: ${2005 + (i % 15)}`,
          `target_sectors: [${SECTORS[i % SECTORS.length]}, ${SECTORS[(i + 3) % SECTORS.length]}]`,
        );
        break;
      case 'people':
        lines.push(`name: ${yamlString(`${SURNAMES_LATIN[surname]} ${GIVEN_LATIN[given]} ${i + 1}`)}`);
        lines.push(`native: ${SURNAMES[surname]}${GIVEN[given]}${GIVEN[(given + i) % GIVEN.length]}`);
        break;
      case 'companies': {
        const [latin, hanzi] = COMPANY_WORDS[i % COMPANY_WORDS.length] ?? ['Haitai', '海泰'];
        lines.push(
          `name: ${yamlString(`Tianjin ${latin} Technology ${i + 1} Co.`)}`,
          `native: 天津${hanzi}科技${i + 1}有限公司`,
          'kind: company',
        );
        break;
      }
      case 'locations': {
        const [district, districtZh] = DISTRICTS[i % DISTRICTS.length] ?? DISTRICTS[0] ?? ['', ''];
        const [road, roadZh] = ROADS[i % ROADS.length] ?? ROADS[0] ?? ['', ''];
        const lat = TIANJIN.south + random() * (TIANJIN.north - TIANJIN.south);
        const lon = TIANJIN.west + random() * (TIANJIN.east - TIANJIN.west);
        lines.push(`name: ${yamlString(`Building ${i + 1}, ${road}`)}`, `native: ${roadZh}${i + 1}号大厦`);
        lines.push(
          `address: ${yamlString(`${i + 1} ${road}, ${district}, Tianjin`)}`,
          `address_native: 天津市${districtZh}${roadZh}${i + 1}号`,
        );
        lines.push(`district: ${yamlString(district)}`, 'city: Tianjin');
        lines.push(
          `lat: ${lat.toFixed(5)}`,
          `lon: ${lon.toFixed(5)}`,
          `precision_m: ${pick([50, 200, 600, 1500, 3000])}`,
        );
        lines.push('geocode_note: synthetic point inside Tianjin');
        break;
      }
      case 'identities': {
        const kinds = ['qq', 'twitter', 'github', 'email', 'domain', 'registrant-handle', 'nickname'] as const;
        const kind = kinds[i % kinds.length] ?? 'qq';
        const value =
          kind === 'qq'
            ? String(100000 + i * 37)
            : kind === 'domain'
              ? `synthetic-${i + 1}.example`
              : kind === 'email'
                ? `user${i + 1}@synthetic-${i + 1}.example`
                : `handle_${i + 1}`;
        const shown =
          kind === 'domain'
            ? `synthetic-${i + 1}[.]example`
            : kind === 'email'
              ? `user${i + 1}[@]synthetic-${i + 1}[.]example`
              : value;
        lines.push(
          `name: ${yamlString(kind === 'qq' ? `QQ ${value}` : shown)}`,
          `kind: ${kind}`,
          `value: ${yamlString(value)}`,
          `status: ${pick(['active', 'scrubbed', 'unknown'])}`,
        );
        break;
      }
      case 'tools':
        lines.push(`name: ${yamlString(`SynthRAT ${i + 1}`)}`, `kind: ${pick(['rat', 'utility', 'malware'])}`);
        break;
    }
    lines.push(
      `summary: ${yamlString(`Synthetic ${entity.type.slice(0, -1)} ${i + 1}, generated to measure casefile at scale.`)}`,
    );
    lines.push(`sources: [${pick(sourceIds)}]`);
    const own = links.get(id) ?? [];
    if (own.length > 0) {
      lines.push('links:');
      for (const link of own) {
        lines.push(
          `  - rel: ${link.rel}`,
          `    to: ${link.to}`,
          `    confidence: ${link.confidence}`,
          `    sources: [${link.sources.join(', ')}]`,
        );
      }
    }
    if (random() < 0.3) {
      lines.push(
        'events:',
        `  - date: ${2008 + (i % 16)}-${String((i % 12) + 1).padStart(2, '0')}`,
        `    text: ${yamlString(`Synthetic event ${i + 1}.`)}`,
        `    sources: [${pick(sourceIds)}]`,
      );
    }
    lines.push('---');
    const mention = own[0]?.to;
    lines.push(
      `This synthetic ${entity.type.slice(0, -1)} exists to measure casefile at scale. ${mention ? `It is linked to [[${mention}]]. ` : ''}` +
        `Its name in Chinese is recorded where the type has one; this sentence carries hanzi 天津 for the search index.`,
      '',
    );
    write(entity.type, entity.slug, lines.join('\n'));
  }

  const reports = Math.max(3, Math.round(n / 1000));
  for (let r = 0; r < reports; r++) {
    const mentioned = Array.from({ length: 12 }, () => idOf(pick(planned)));
    write(
      'reports',
      `synthetic-report-${r + 1}`,
      [
        '---',
        `title: ${yamlString(`Synthetic report ${r + 1}`)}`,
        `date: 2024-0${(r % 9) + 1}-01`,
        'author: casefile benchmark',
        `summary: ${yamlString(`A generated narrative linking ${mentioned.length} entities.`)}`,
        `sources: [${sourceIds[r % sourceIds.length]}]`,
        `order: ${r + 1}`,
        '---',
        '',
        ...mentioned.map((id, k) => `Paragraph ${k + 1} concerns [[${id}]] and what the sources say about it.\n`),
      ].join('\n'),
      'mdx',
    );
  }
  return { counts, relationships, sources: sourceIds.length, reports };
}

/** Reads `--name value` flags. */
function flag(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const out = flag(args, 'out');
  if (!out) {
    console.error('usage: node tests/bench/generate-case.ts --entities N [--seed S] --out DIR');
    process.exit(2);
  }
  const result = generateCase({
    entities: Number(flag(args, 'entities') ?? 1000),
    seed: Number(flag(args, 'seed') ?? 1),
    out: path.resolve(out),
  });
  console.log(JSON.stringify(result));
}
