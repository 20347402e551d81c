import * as z from 'zod/mini';
import { CONFIDENCE_LEVELS, type Confidence } from './schema/confidence.ts';

/**
 * What a link preview shows of a dossier, read from the dossier's own JSON record
 * (src/lib/export-json.ts, /<type>/<slug>.json) when a reader points at a link to it: no data is
 * added to the pages for it. Parsed with the part of the record's shape the preview uses.
 */

/** The part of an entity record a preview reads. */
export const entityPreviewSchema = z.object({
  id: z.string(),
  type_label: z.string(),
  name: z.string(),
  native: z.optional(z.string()),
  summary: z.string(),
  relationships: z.array(z.object({ confidence: z.enum(CONFIDENCE_LEVELS) })),
});

/** A dossier's preview. */
export interface EntityPreview {
  /** Display name. */
  name: string;
  /** Name in its own script. */
  native: string | undefined;
  /** Type label, e.g. "Person". */
  typeLabel: string;
  /** One-line summary. */
  summary: string;
  /** Relationships per grade, strongest first, grades with none left out. */
  grades: { confidence: Confidence; count: number }[];
}

/** The preview of a dossier from its JSON record; throws when the record is not one. */
export function entityPreview(record: unknown): EntityPreview {
  const data = entityPreviewSchema.parse(record);
  const counts = new Map<Confidence, number>();
  for (const relationship of data.relationships) {
    counts.set(relationship.confidence, (counts.get(relationship.confidence) ?? 0) + 1);
  }
  return {
    name: data.name,
    native: data.native,
    typeLabel: data.type_label,
    summary: data.summary,
    grades: CONFIDENCE_LEVELS.filter((level) => counts.has(level)).map((confidence) => ({
      confidence,
      count: counts.get(confidence) ?? 0,
    })),
  };
}

/** The address of a dossier's JSON record, from the address of its page (`/people/li-wei/`). */
export function recordUrl(pagePath: string): string {
  return `${pagePath.replace(/\/$/, '')}.json`;
}
