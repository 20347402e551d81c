import { relationInfo, type RelationKey } from '../schema/relations.ts';
import { isEntityInput } from './entries.ts';
import type { ProblemLog } from './problem-log.ts';
import type { AnyCaseInput, Relation } from './types.ts';

/**
 * Lineages and hierarchies (a tool derived from another, an office part of a bureau) must not loop:
 * Trochilus derived from RedLeaves derived from Trochilus says nothing a reader can follow.
 */

/** Every cycle of one acyclic relation, each as the relation that closes it and the ids around it. */
function cyclesOf(relations: readonly Relation[]): { closing: Relation; path: string[] }[] {
  const next = new Map<string, Relation[]>();
  for (const relation of relations) next.set(relation.from, [...(next.get(relation.from) ?? []), relation]);
  const state = new Map<string, 'open' | 'done'>();
  const cycles: { closing: Relation; path: string[] }[] = [];
  for (const start of next.keys()) {
    if (state.has(start)) continue;
    // Depth-first with an explicit stack: each frame is a node and the index of its next edge.
    const stack: { id: string; edge: number }[] = [{ id: start, edge: 0 }];
    state.set(start, 'open');
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      if (!frame) break;
      const relation = next.get(frame.id)?.[frame.edge];
      if (!relation) {
        state.set(frame.id, 'done');
        stack.pop();
        continue;
      }
      frame.edge++;
      const seen = state.get(relation.to);
      if (seen === 'open') {
        const from = stack.findIndex((f) => f.id === relation.to);
        cycles.push({ closing: relation, path: [...stack.slice(from).map((f) => f.id), relation.to] });
      } else if (seen === undefined) {
        state.set(relation.to, 'open');
        stack.push({ id: relation.to, edge: 0 });
      }
    }
  }
  return cycles;
}

/** Refuses every cycle of an acyclic relation, at the link that closes it. */
export function checkLineage(
  relations: readonly Relation[],
  all: ReadonlyMap<string, AnyCaseInput>,
  log: ProblemLog,
): void {
  const byRel = new Map<RelationKey, Relation[]>();
  for (const relation of relations) {
    if (relationInfo(relation.rel).acyclic) byRel.set(relation.rel, [...(byRel.get(relation.rel) ?? []), relation]);
  }
  for (const [rel, list] of byRel) {
    for (const { closing, path } of cyclesOf(list)) {
      const input = all.get(closing.from);
      if (!input || !isEntityInput(input)) continue;
      const i = input.data.links.findIndex((link) => link.rel === rel && link.to === closing.to);
      log.add(
        input,
        ['links', i],
        `links[${i}]`,
        `${rel} goes round in a circle: ${path.join(' → ')}`,
        `a ${relationInfo(rel).forward} chain must end somewhere: remove or turn round one of these links`,
      );
    }
  }
}
