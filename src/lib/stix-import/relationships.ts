import type { Confidence } from '../schema/confidence.ts';
import { dayOf, text } from './bundle.ts';
import type { ImportDraft } from './draft.ts';
import { plainProse } from './prose.ts';
import { gradeOf, noteOf, relationFor } from './relations.ts';
import { bundleSource, citationsOf } from './sources.ts';

/**
 * Relationships read back as typed links, each written in the file of its source end: its relation
 * (exact from an export's description, else the nearest to its relationship_type), its grade, its
 * sources (the bundle itself when it cites none), its note and its dates. Links between entities the
 * import left out, links of an entity with itself and second links of the same relation are noted.
 */

/** Adds every relationship of the bundle to the entity at its source end; `known` are the entity ids written. */
export function importRelationships(draft: ImportDraft, known: ReadonlySet<string>): void {
  const { entities, unmapped, approximated } = draft;
  const seen = new Set<string>();
  for (const object of draft.objects) {
    if (object.type !== 'relationship') continue;
    const from = entities.get(text(object, 'source_ref') ?? '');
    const to = entities.get(text(object, 'target_ref') ?? '');
    if (!from || !to) {
      const missing = !from ? text(object, 'source_ref') : text(object, 'target_ref');
      unmapped.push({
        id: object.id,
        reason: `its ${!from ? 'source' : 'target'} ${missing ?? '(none)'} is not an imported entity`,
      });
      continue;
    }
    if (from === to) {
      unmapped.push({ id: object.id, reason: 'a relationship of an object with itself' });
      continue;
    }
    const stixType = text(object, 'relationship_type') ?? 'related-to';
    const rel = relationFor(stixType, text(object, 'description'), from.type, to.type);
    if (!rel.exact)
      approximated.push({ id: object.id, reason: `relationship_type "${stixType}" read as "${rel.key}"` });
    const key = `${from.type}/${from.slug}>${rel.key}>${to.type}/${to.slug}`;
    if (seen.has(key)) {
      unmapped.push({
        id: object.id,
        reason: `a second ${rel.key} between the same two entities: casefile keeps one (the first)`,
      });
      continue;
    }
    seen.add(key);
    const number = object['confidence'];
    let confidence: Confidence;
    if (typeof number === 'number') confidence = gradeOf(number);
    else {
      confidence = 'unverified';
      approximated.push({ id: object.id, reason: 'no confidence given: graded unverified' });
    }
    let cited = citationsOf(draft, object);
    if (cited.length === 0) {
      cited = [bundleSource(draft)];
      approximated.push({ id: object.id, reason: 'cites no document: its source is the bundle itself' });
    }
    const described = noteOf(text(object, 'description'), rel.key, rel.exact ? undefined : stixType);
    const note = described === undefined ? undefined : plainProse(described, known, `${from.type}/${from.slug}`);
    const since = dayOf(object['start_time']);
    const until = dayOf(object['stop_time']);
    from.links.push({
      rel: rel.key,
      to: `${to.type}/${to.slug}`,
      confidence,
      sources: cited,
      ...(note ? { note } : {}),
      ...(since ? { since } : {}),
      ...(until ? { until } : {}),
    });
  }
}
