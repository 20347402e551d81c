import { readFileSync } from 'node:fs';
import { fromGraphData } from '../../src/lib/graph-data.ts';
import { bestChains } from '../../src/lib/graph-chains.ts';
import { seededRandom } from '../../src/lib/layout.ts';

/**
 * The path finder's cost: the k best chains between pairs of entities of a built case, timed in
 * Node (the same V8 engine as Chromium, without the page around it). Pairs are drawn with a fixed
 * seed among the entities that have links, so the same case gives the same pairs.
 */

/** What the chain searches measured. */
export interface ChainMeasure {
  /** Pairs searched. */
  pairs: number;
  /** Chains asked for per pair. */
  k: number;
  /** Median time per search, ms. */
  medianMs: number;
  /** 95th percentile per search, ms. */
  p95Ms: number;
  /** Slowest search, ms. */
  maxMs: number;
  /** Pairs for which at least one chain was found. */
  joined: number;
}

/** Times `bestChains` on `pairs` seeded pairs of the graph in a built site's graph.json. */
export function measureChains(
  graphJson: string,
  options: { pairs?: number; k?: number; seed?: number } = {},
): ChainMeasure {
  const { pairs = 40, k = 3, seed = 7 } = options;
  const data = fromGraphData(JSON.parse(readFileSync(graphJson, 'utf8')));
  const linked = data.nodes.filter((node) => node.degree > 0).map((node) => node.id);
  const random = seededRandom(seed);
  const pick = () => linked[Math.floor(random() * linked.length)] ?? '';
  // One search first, so building the graph's index once is not counted against a pair.
  bestChains(data, pick(), pick(), { k });
  const times: number[] = [];
  let joined = 0;
  for (let i = 0; i < pairs; i++) {
    const from = pick();
    const to = pick();
    const start = performance.now();
    const chains = bestChains(data, from, to, { k });
    times.push(performance.now() - start);
    if (chains.length > 0) joined++;
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? NaN;
  return { pairs, k, medianMs: at(0.5), p95Ms: at(0.95), maxMs: times.at(-1) ?? NaN, joined };
}
