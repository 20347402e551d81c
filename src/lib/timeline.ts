import type { CaseModel } from './case.ts';
import type { PartialDate } from './dates.ts';
import type { Citation } from './citations.ts';

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
}

/** Every event of every entity, oldest first; same-day events by entity name. */
export function caseTimeline(model: CaseModel): TimelineRow[] {
  const rows: TimelineRow[] = [];
  for (const entity of model.entities) {
    for (const event of entity.data.events) {
      rows.push({ date: event.date, text: event.text, sources: event.sources, entityId: entity.id });
    }
  }
  return rows.sort(
    (a, b) =>
      (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
      a.entityId.localeCompare(b.entityId) ||
      a.text.localeCompare(b.text),
  );
}
