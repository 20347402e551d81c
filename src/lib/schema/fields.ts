import { z } from 'astro/zod';
import { coercePartialDate, parsePartialDate, type PartialDate } from '../dates.ts';
import { RELATION_KEYS, type RelationKey } from './relations.ts';
import { CONFIDENCE_LEVELS } from './confidence.ts';
import { parseSourceId, type SourceId } from '../ids.ts';

/**
 * Field types shared by every collection's schema. Messages say what to write, because authors
 * read them in a failed build.
 */

/** A slug: lowercase ASCII words joined by hyphens; it is the entry's permanent URL segment. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A reference to an entity or document, written `type/slug`. */
export const REFERENCE_PATTERN = /^[a-z]+\/[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A partial date: YYYY, YYYY-MM or YYYY-MM-DD, checked against the calendar. */
export const partialDate = z.unknown().transform((value, ctx): PartialDate => {
  const text = coercePartialDate(value);
  const date = text === undefined ? undefined : parsePartialDate(text);
  if (date === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `malformed date ${JSON.stringify(value)}: write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2018-08-30)`,
    });
    return z.NEVER;
  }
  return date;
});

/**
 * An identifier (a handle, a QQ or phone number, a catalogue id): text, exactly as written. YAML
 * reads an unquoted 02283281234 as the number 2283281234, so a number is refused, not converted.
 */
export const identifier = z.string({ error: 'an identifier must be written as text' }).min(1);

/** A reference `type/slug` to another entry. */
export const reference = z
  .string({ error: 'expected a reference written type/slug, e.g. people/gao-qiang' })
  .regex(REFERENCE_PATTERN, { error: 'expected a reference written type/slug, e.g. people/gao-qiang' });

/** A source id: the slug of a file in content/sources/. */
export const sourceId = z
  .string({ error: 'expected a source id (the file name of an entry in sources/, without .md)' })
  .regex(SLUG_PATTERN, { error: 'expected a source id: lowercase words joined by hyphens' })
  .transform((text): SourceId => parseSourceId(text) ?? z.NEVER);

/** A cited source, with the passage it rests on when the author gives it. */
export interface Citation {
  /** The source id (the slug of a file in content/sources/). */
  source: SourceId;
  /** The passage of the source that carries the claim, verbatim. */
  quote?: string | undefined;
  /** Where the passage sits in the source: section, paragraph, page. */
  locator?: string | undefined;
}

/**
 * A citation: a bare source id, or `{ source, quote, locator }` with the verbatim passage and where
 * it is. Both forms read as the object form past this point.
 */
export const citation = z
  .union([
    sourceId,
    z.strictObject({
      /** The source id. */
      source: sourceId,
      /** The passage, verbatim; quotation marks are added on the page. */
      quote: z.string().trim().min(1, { error: 'quote is empty: give the passage, or leave quote out' }).optional(),
      /** Where the passage sits in the source, e.g. "para. 4" or "p. 12". */
      locator: z.string().trim().min(1, { error: 'locator is empty: say where, or leave locator out' }).optional(),
    }),
  ])
  .transform((value): Citation => (typeof value === 'string' ? { source: value } : value));

/** Citations a statement rests on. */
export const sourceList = z.array(citation);

/** Citations a statement rests on; at least one. */
export const requiredSources = z.array(citation).min(1, {
  error: 'add at least one source id: every claim must say where it comes from',
});

/** The confidence grade of a claim. */
export const confidence = z.enum(CONFIDENCE_LEVELS, {
  error: `expected one of ${CONFIDENCE_LEVELS.join(', ')}`,
});

/** A typed, sourced, graded relationship to another entity, written in the file of one end only. */
export const link = z.strictObject({
  /** The kind of relationship, from the relation vocabulary. */
  rel: z.enum(RELATION_KEYS as [RelationKey, ...RelationKey[]], {
    error: 'unknown relation type',
  }),
  /** The entity at the other end, `type/slug`. */
  to: reference,
  /** How sure the material is of it. */
  confidence,
  /** Citations that support it; at least one. */
  sources: requiredSources,
  /** A short explanation shown beside the relationship; wikilinks allowed. */
  note: z.string().optional(),
  /** When the relationship held, as the material dates it. */
  since: partialDate.optional(),
  /** When it ended, if it did. */
  until: partialDate.optional(),
});

/** A dated fact for the timeline. */
export const event = z.strictObject({
  /** When: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: partialDate,
  /** What happened, one or two sentences; wikilinks allowed. */
  text: z.string().min(1, { error: 'describe the event' }),
  /** Citations that support it. */
  sources: requiredSources,
  /** An announced event that has not happened yet (a hearing, a sanction taking effect): its date may lie ahead. */
  planned: z.boolean().optional(),
  /** How sure the material is of it, on the scale relationships use; ungraded when absent. */
  confidence: confidence.optional(),
});

/** A correction of a published entry: what was wrong, when it was put right, and on what evidence. */
export const correction = z.strictObject({
  /** When the correction was made: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: partialDate,
  /** What was corrected, in a sentence or two, as readers will see it. */
  text: z.string().trim().min(1, { error: 'say what was corrected' }),
  /** Citations for the corrected version, if any. */
  sources: sourceList.default([]),
});

/** Another name for an entry; a plain string or an object saying who uses it. */
export const alias = z
  .union([
    z.string().min(1),
    z.strictObject({
      /** The alias itself. */
      name: z.string().min(1),
      /** Who uses this name (a vendor, a government, a platform). */
      used_by: z.string().optional(),
      /** Why the alias is attached, or a caveat. */
      note: z.string().optional(),
      /** Citations for the alias. */
      sources: sourceList.default([]),
    }),
  ])
  .transform((value) => (typeof value === 'string' ? { name: value, sources: [] } : value));

/** A point on which the sources disagree; the page shows every version with its sources. */
export const dispute = z.strictObject({
  /** What is disputed, e.g. "Chinese name". */
  about: z.string().min(1),
  /** Each version and who says so; at least two. */
  claims: z
    .array(
      z.strictObject({
        /** The value as this source gives it. */
        value: z.string().min(1),
        /** Citations that give this value. */
        sources: requiredSources,
      }),
    )
    .min(2, { error: 'a dispute needs at least two claims, each with its sources' }),
  /** What the reader should make of it. */
  note: z.string().optional(),
});

/**
 * A web address: http or https only, read by the WHATWG URL parser. A link to javascript:, data:,
 * vbscript: or file: is refused, however it is cased or encoded.
 */
export function webUrl(field: string) {
  return z.url({
    protocol: /^https?$/,
    error: `${field} must be a full http(s) address, e.g. https://example.org/page`,
  });
}

/** An identifier in an external catalogue (MITRE ATT&CK, CVE …). */
export const externalId = z.strictObject({
  /** The catalogue, e.g. "MITRE ATT&CK". */
  system: z.string().min(1),
  /** The id there, e.g. "G0045". */
  id: identifier,
  /** The catalogue page for it. */
  url: webUrl('url').optional(),
});
