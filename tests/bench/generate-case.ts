import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ENTITY_TYPES, type EntityType } from '../../src/lib/schema/entity-types.ts';
import { RELATIONS, type RelationKey } from '../../src/lib/schema/relations.ts';
import { CONFIDENCE_LEVELS } from '../../src/lib/schema/confidence.ts';

/**
 * Writes a synthetic case of N entities that passes the strict build: all six types in realistic
 * proportions, about three typed, sourced, graded relationships per entity, wikilinks in bodies,
 * hanzi names and addresses, locations inside their Tianjin district, sources and a few reports. The same N and
 * seed always write the same bytes.
 *
 *   node tests/bench/generate-case.ts --entities 5000 --seed 1 --out /tmp/case-5000
 */

/** Share of each type in a grown investigation: accounts and people dominate, actors are few. */
export const PROPORTIONS: Readonly<Record<EntityType, number>> = {
  actors: 0.02,
  people: 0.24,
  companies: 0.18,
  locations: 0.2,
  identities: 0.28,
  tools: 0.08,
};

/** Slug prefix of each type: `person-00042`, `company-00007`. */
const SLUG_PREFIX: Readonly<Record<EntityType, string>> = {
  actors: 'actor',
  people: 'person',
  companies: 'company',
  locations: 'location',
  identities: 'identity',
  tools: 'tool',
};

/**
 * The relationships each type declares in its own file, with a weight each and the types at the
 * other end: people work for firms and run accounts, firms are registered at addresses, accounts
 * pivot to other accounts, tools derive from tools. Locations mostly sit at the receiving end.
 * Every entry must be allowed by the vocabulary; the unit test builds a case to prove it.
 */
const DECLARED: Readonly<Record<EntityType, readonly (readonly [RelationKey, number, readonly EntityType[]])[]>> = {
  actors: [
    ['uses', 3, ['tools']],
    ['operates', 1, ['identities']],
    ['associated-with', 1, ['actors']],
  ],
  people: [
    ['works-for', 3, ['companies']],
    ['operates', 3, ['identities']],
    ['member-of', 1, ['actors', 'companies']],
    ['registered', 1, ['identities']],
    ['located-at', 1, ['locations']],
    ['visited', 1, ['locations']],
    ['studied-at', 1, ['companies']],
    ['recruits-for', 1, ['companies']],
    ['directs', 1, ['companies']],
    ['collaborated-with', 1, ['people']],
    ['authored', 1, ['tools']],
  ],
  companies: [
    ['registered-at', 3, ['locations']],
    ['located-at', 1, ['locations']],
    ['part-of', 1, ['companies']],
    ['front-for', 1, ['actors', 'companies']],
    ['registered', 1, ['identities']],
    ['co-organised-with', 1, ['companies']],
  ],
  locations: [['associated-with', 1, ['locations']]],
  identities: [
    ['pivots-to', 3, ['identities', 'people']],
    ['follows', 1, ['identities']],
    ['attributed-to', 1, ['actors']],
    ['downloaded', 1, ['tools']],
    ['registered', 1, ['identities']],
    ['recruits-for', 1, ['companies']],
  ],
  tools: [
    ['derived-from', 2, ['tools']],
    ['attributed-to', 2, ['actors']],
    ['associated-with', 1, ['tools']],
  ],
};

/** Mean number of relationships each type declares; weighted by PROPORTIONS this is about three. */
const LINKS_PER_ENTITY: Readonly<Record<EntityType, number>> = {
  actors: 3,
  people: 4,
  companies: 3,
  locations: 1,
  identities: 4,
  tools: 2,
};

/**
 * Tianjin's districts with an approximate centre (WGS84) and a radius in km that keeps points inside
 * the district: every synthetic location lies in the district its address names.
 */
const DISTRICTS: readonly (readonly [string, string, number, number, number])[] = [
  ['Heping District', '和平区', 39.117, 117.195, 1.5],
  ['Hedong District', '河东区', 39.128, 117.252, 2.5],
  ['Hexi District', '河西区', 39.109, 117.223, 2.5],
  ['Nankai District', '南开区', 39.138, 117.15, 2.5],
  ['Hebei District', '河北区', 39.148, 117.197, 2],
  ['Hongqiao District', '红桥区', 39.167, 117.151, 1.5],
  ['Dongli District', '东丽区', 39.147, 117.314, 8],
  ['Xiqing District', '西青区', 39.142, 117.008, 8],
  ['Jinnan District', '津南区', 38.937, 117.357, 8],
  ['Beichen District', '北辰区', 39.225, 117.135, 8],
  ['Wuqing District', '武清区', 39.384, 117.044, 12],
  ['Binhai New Area', '滨海新区', 39.003, 117.71, 15],
];

/** Tianjin's bounding box (WGS84): every generated point falls inside it. */
export const TIANJIN_BOUNDS = { south: 38.55, north: 40.25, west: 116.7, east: 118.07 };

const SURNAMES: readonly (readonly [string, string])[] = [
  ['WANG', '王'],
  ['LI', '李'],
  ['ZHANG', '张'],
  ['LIU', '刘'],
  ['CHEN', '陈'],
  ['YANG', '杨'],
  ['ZHAO', '赵'],
  ['HUANG', '黄'],
  ['ZHOU', '周'],
  ['WU', '吴'],
  ['XU', '徐'],
  ['SUN', '孙'],
  ['HU', '胡'],
  ['ZHU', '朱'],
  ['GAO', '高'],
  ['LIN', '林'],
  ['HE', '何'],
  ['GUO', '郭'],
  ['MA', '马'],
  ['LUO', '罗'],
];
const GIVEN: readonly (readonly [string, string])[] = [
  ['Wei', '伟'],
  ['Fang', '芳'],
  ['Na', '娜'],
  ['Min', '敏'],
  ['Jing', '静'],
  ['Qiang', '强'],
  ['Lei', '磊'],
  ['Jun', '军'],
  ['Yang', '洋'],
  ['Yong', '勇'],
  ['Yan', '艳'],
  ['Jie', '杰'],
  ['Tao', '涛'],
  ['Ming', '明'],
  ['Chao', '超'],
  ['Long', '龙'],
  ['Ping', '平'],
  ['Gang', '刚'],
  ['Hua', '华'],
  ['Liang', '亮'],
];
const ROADS: readonly (readonly [string, string])[] = [
  ['Zhujiang Road', '珠江道'],
  ['Xinkai Road', '新开路'],
  ['Jiefang South Road', '解放南路'],
  ['Nanjing Road', '南京路'],
  ['Weijin Road', '卫津路'],
  ['Heping Road', '和平路'],
  ['Dagu Road', '大沽路'],
  ['Youyi Road', '友谊路'],
  ['Binshui Road', '宾水道'],
  ['Huanghe Road', '黄河道'],
];
const FIRM_NAMES: readonly (readonly [string, string])[] = [
  ['Haitai', '海泰'],
  ['Hengli', '恒利'],
  ['Huaying', '华盈'],
  ['Jinghua', '京华'],
  ['Xinda', '信达'],
  ['Tianyuan', '天元'],
  ['Zhongke', '中科'],
  ['Ruixin', '瑞信'],
];
const FIRM_TRADES: readonly (readonly [string, string])[] = [
  ['Technology', '科技'],
  ['Information Technology', '信息技术'],
  ['Network Security', '网络安全'],
  ['Software', '软件'],
  ['Trading', '贸易'],
  ['Consulting', '咨询'],
];
const SECTORS = ['Aerospace', 'Defence', 'Government', 'Healthcare', 'Technology', 'Telecommunications', 'Shipping'];
const IDENTITY_KINDS = ['qq', 'twitter', 'github', 'email', 'domain', 'registrant-handle', 'nickname'] as const;

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
  /** Number of entities (at least 12). */
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
  const weighted = <T extends readonly [unknown, number, ...unknown[]]>(list: readonly T[]): T => {
    let left = random() * list.reduce((sum, item) => sum + item[1], 0);
    for (const item of list) {
      left -= item[1];
      if (left < 0) return item;
    }
    return list[list.length - 1] as T;
  };
  const n = Math.max(12, Math.floor(options.entities));

  // Plan entities per type, rounding so the total is exactly n.
  const counts = Object.fromEntries(
    ENTITY_TYPES.map((type) => [type, Math.max(2, Math.floor(n * PROPORTIONS[type]))]),
  ) as Record<EntityType, number>;
  counts.identities += n - ENTITY_TYPES.reduce((sum, type) => sum + counts[type], 0);
  const planned: Planned[] = [];
  const byType = new Map<EntityType, Planned[]>(ENTITY_TYPES.map((type) => [type, []]));
  for (const type of ENTITY_TYPES) {
    for (let i = 0; i < counts[type]; i++) {
      const entity = { type, slug: `${SLUG_PREFIX[type]}-${String(i + 1).padStart(5, '0')}`, index: i };
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
    // A lineage (derived-from, part-of) points at an older entity only, so it never loops.
    if ('acyclic' in RELATIONS[rel] && to.type === from.type && to.index >= from.index) return false;
    declared.add(key);
    const list = links.get(a) ?? [];
    list.push({ rel, to: b, confidence: pick(CONFIDENCE_LEVELS), sources: pickSources() });
    links.set(a, list);
    touched.add(a);
    touched.add(b);
    return true;
  };
  const targetFor = (from: Planned, types: readonly EntityType[]): Planned | undefined => {
    const pool = byType.get(pick(types)) ?? [];
    if (pool.length === 0) return undefined;
    const centre = Math.floor((from.index / Math.max(1, (byType.get(from.type) ?? []).length)) * pool.length);
    const index =
      random() < 0.75
        ? (centre + Math.floor(random() * 9) - 4 + pool.length) % pool.length
        : Math.floor(random() * pool.length);
    return pool[index];
  };
  const linkOnce = (entity: Planned, attempts: number) => {
    for (let attempt = 0; attempt < attempts; attempt++) {
      const [rel, , types] = weighted(DECLARED[entity.type]);
      const target = targetFor(entity, types);
      if (target && addLink(entity, rel, target)) return true;
    }
    return false;
  };
  let relationships = 0;
  for (const entity of planned) {
    const mean = LINKS_PER_ENTITY[entity.type];
    const roll = random();
    const wanted = roll < 0.25 ? mean - 1 : roll < 0.75 ? mean : mean + 1;
    for (let made = 0; made < wanted; made++) if (linkOnce(entity, 4)) relationships++;
  }
  // Nobody may be unreachable: an entity nothing touched gets one link from itself.
  for (const entity of planned) {
    if (!touched.has(idOf(entity)) && linkOnce(entity, 50)) relationships++;
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
        `title: ${yamlString(`Synthetic report ${i + 1} on the ${pick(FIRM_NAMES)[0]} network`)}`,
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
    // Names spread over every combination before any repeats: 20 × 20 × 20 people, 8 × 6 firms.
    const [surname, surnameZh] = SURNAMES[i % SURNAMES.length] ?? ['WANG', '王'];
    const [given1, given1Zh] = GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length] ?? ['Wei', '伟'];
    const [given2, given2Zh] = GIVEN[Math.floor(i / (SURNAMES.length * GIVEN.length)) % GIVEN.length] ?? ['Wei', '伟'];
    let native = '';
    let prose = '';
    switch (entity.type) {
      case 'actors':
        lines.push(`name: ${yamlString(`SYNTHETIC PANDA ${i + 1}`)}`, `aliases: [${yamlString(`APT-S${i + 1}`)}]`);
        lines.push(
          `first_seen: ${2005 + (i % 15)}`,
          `target_sectors: [${SECTORS[i % SECTORS.length]}, ${SECTORS[(i + 3) % SECTORS.length]}]`,
        );
        prose = `An intrusion set tracked since ${2005 + (i % 15)}, with a taste for ${SECTORS[i % SECTORS.length]?.toLowerCase()} networks.`;
        break;
      case 'people':
        native = `${surnameZh}${given1Zh}${given2Zh}`;
        lines.push(`name: ${yamlString(`${surname} ${given1}${given2.toLowerCase()}`)}`, `native: ${native}`);
        prose = `${native} appears in company filings and in posts under several handles.`;
        break;
      case 'companies': {
        const [firm, firmZh] = FIRM_NAMES[i % FIRM_NAMES.length] ?? ['Haitai', '海泰'];
        const [trade, tradeZh] = FIRM_TRADES[Math.floor(i / FIRM_NAMES.length) % FIRM_TRADES.length] ?? ['', ''];
        native = `天津${firmZh}${tradeZh}${i + 1}号有限公司`;
        lines.push(`name: ${yamlString(`Tianjin ${firm} ${trade} No. ${i + 1} Co., Ltd.`)}`, `native: ${native}`);
        lines.push(`kind: ${pick(['company', 'company', 'front-company', 'government-agency', 'university'])}`);
        prose = `Registered as ${native}; its job advertisements and registration records name its staff.`;
        break;
      }
      case 'locations': {
        const [district, districtZh, lat0, lon0, radiusKm] = DISTRICTS[i % DISTRICTS.length] ?? DISTRICTS[0] ?? [];
        const [road, roadZh] = ROADS[Math.floor(i / DISTRICTS.length) % ROADS.length] ?? ['', ''];
        // A point in a disc around the district's centre (km to degrees at Tianjin's latitude).
        const angle = random() * 2 * Math.PI;
        const distance = Math.sqrt(random()) * (radiusKm ?? 1);
        const lat = (lat0 ?? 39.1) + (distance * Math.sin(angle)) / 111.2;
        const lon =
          (lon0 ?? 117.2) + (distance * Math.cos(angle)) / (111.2 * Math.cos(((lat0 ?? 39.1) * Math.PI) / 180));
        native = `${roadZh}${i + 1}号大厦`;
        lines.push(`name: ${yamlString(`Building ${i + 1}, ${road}`)}`, `native: ${native}`);
        lines.push(
          `address: ${yamlString(`${i + 1} ${road}, ${district}, Tianjin`)}`,
          `address_native: 天津市${districtZh}${roadZh}${i + 1}号`,
        );
        lines.push(`district: ${yamlString(district ?? '')}`, 'city: Tianjin', 'country: China');
        lines.push(
          `lat: ${lat.toFixed(5)}`,
          `lon: ${lon.toFixed(5)}`,
          `precision_m: ${pick([50, 200, 600, 1500, 3000])}`,
        );
        lines.push('geocode_note: synthetic point inside its district');
        prose = `An office building at 天津市${districtZh}${roadZh}${i + 1}号, placed from registration records.`;
        break;
      }
      case 'identities': {
        const kind = IDENTITY_KINDS[i % IDENTITY_KINDS.length] ?? 'qq';
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
        prose = `The ${kind} account ${shown} was archived before it was scrubbed.`;
        break;
      }
      case 'tools':
        lines.push(`name: ${yamlString(`SynthRAT ${i + 1}`)}`, `kind: ${pick(['rat', 'utility', 'malware'])}`);
        prose = `A tool seen in intrusions from ${2008 + (i % 12)}; samples share code with its relatives.`;
        break;
    }
    const singular = SLUG_PREFIX[entity.type];
    lines.push(`summary: ${yamlString(`Synthetic ${singular} ${i + 1}, generated to measure casefile at scale.`)}`);
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
    // Two wikilinks: one to a related entity, one to an entity it has no relationship with (a mention).
    const related = own[0]?.to;
    const other = planned[(planned.indexOf(entity) + 1 + Math.floor(random() * (planned.length - 1))) % planned.length];
    const mention = other && !own.some((link) => link.to === idOf(other)) ? idOf(other) : undefined;
    lines.push(
      `This synthetic ${singular} exists to measure casefile at scale. ${prose}`,
      '',
      [
        related ? `The sources tie it to [[${related}]].` : '',
        mention ? `It is also named beside [[${mention}]] in one of them.` : '',
        'The sentence 天津 carries hanzi for the search index.',
      ]
        .filter(Boolean)
        .join(' '),
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
