import type { CaseModel } from './case.ts';
import type { PartialDate } from './dates.ts';
import type { Citation } from './citations.ts';
import type { Confidence } from './schema/confidence.ts';
import type { EntityType } from './schema/entity-types.ts';

/** One event on the case-wide timeline. */
export interface TimelineRow {
  /** When. */
  date: PartialDate;
  /** What happened. */
  text: string;
  /** Supporting citations. */
  sources: Citation[];
  /** The entity the event is recorded on. */
  entityId: string;
  /** Its type, for the timeline's filter. */
  type: EntityType;
  /** The event's grade, when the content gives one. */
  confidence: Confidence | undefined;
}

/** Every event of every entity, oldest first; same-day events by entity name. */
export function caseTimeline(model: CaseModel): TimelineRow[] {
  const rows: TimelineRow[] = [];
  for (const entity of model.entities) {
    for (const event of entity.data.events) {
      rows.push({
        date: event.date,
        text: event.text,
        sources: event.sources,
        entityId: entity.id,
        type: entity.type,
        confidence: event.confidence,
      });
    }
  }
  return rows.sort(
    (a, b) =>
      (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
      a.entityId.localeCompare(b.entityId) ||
      a.text.localeCompare(b.text),
  );
}

/**
 * Fragment ids for a list of events, stable while the events keep their dates: `event-<date>`,
 * `event-<date>-2` … for events of the same day, prefixed by the owner's `type-slug` when the list
 * mixes entities (the case timeline).
 */
export function eventAnchors(events: readonly { date: PartialDate; entityId?: string | undefined }[]): string[] {
  const seen = new Map<string, number>();
  return events.map((event) => {
    const owner = event.entityId ? `${event.entityId.replace('/', '-')}-` : '';
    const base = `event-${owner}${event.date}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  });
}
