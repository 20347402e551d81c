import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

/** The HTML of one type's dossiers in a built site: how many, the median and the largest. */
export interface DossierHtmlOfType {
  /** Dossiers of this type that were built. */
  count: number;
  /** Bytes of the median dossier (the lower middle one when the count is even). */
  medianBytes: number;
  /** Bytes of the largest dossier. */
  largestBytes: number;
  /** Site path of the largest dossier, e.g. `/actors/actor-00002/`. */
  largestPath: string;
}

/**
 * Bytes of every built dossier, grouped by type: the median tells what a reader of that type usually gets
 * (one chosen page, as the bench measured before, said nothing about the rest), the largest what grows with
 * links. Types without a built dossier are left out.
 */
export function dossierHtmlByType(
  dist: string,
  entities: readonly { readonly id: string; readonly type: string }[],
): Record<string, DossierHtmlOfType> {
  const byType = new Map<string, { bytes: number; sitePath: string }[]>();
  for (const entity of entities) {
    const sitePath = `/${entity.id}/`;
    const file = path.join(dist, sitePath, 'index.html');
    if (!existsSync(file)) continue;
    const pages = byType.get(entity.type) ?? [];
    pages.push({ bytes: statSync(file).size, sitePath });
    byType.set(entity.type, pages);
  }
  const result: Record<string, DossierHtmlOfType> = {};
  for (const [type, pages] of byType) {
    pages.sort((a, b) => a.bytes - b.bytes || a.sitePath.localeCompare(b.sitePath));
    const median = pages[Math.floor((pages.length - 1) / 2)];
    const largest = pages[pages.length - 1];
    if (!median || !largest) continue;
    result[type] = {
      count: pages.length,
      medianBytes: median.bytes,
      largestBytes: largest.bytes,
      largestPath: largest.sitePath,
    };
  }
  return result;
}

/** The largest median over the types, the figure the ≤ 15 KB goal is judged on (NaN when none was built). */
export function largestMedian(byType: Readonly<Record<string, DossierHtmlOfType>>): number {
  const medians = Object.values(byType).map((type) => type.medianBytes);
  return medians.length === 0 ? NaN : Math.max(...medians);
}
