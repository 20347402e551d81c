import { z } from 'astro/zod';
import { alias, correction, dispute, event, link, partialDate, sourceList } from './fields.ts';

/**
 * The fields every entity shares, whatever its type.
 * `image` is Astro's image() helper in a build, a path check elsewhere, so images always pass
 * through Astro's pipeline (which re-encodes them and drops their metadata).
 */

/** Builds the schema of an image an entry carries (a photo of a building, a profile picture …). */
export function imageField<I extends z.ZodType>(image: () => I) {
  return z.strictObject({
    /** Path to the file, relative to the entry. */
    src: image(),
    /** What the image shows, for readers who cannot see it. */
    alt: z.string().min(1, { error: 'describe the image for readers who cannot see it' }),
    /** Caption shown under it. */
    caption: z.string().optional(),
    /** Who made the image. */
    credit: z.string().optional(),
    /** Where it was published. */
    sources: sourceList.default([]),
  });
}

/** Builds the shared entity fields, given the image helper. */
export function entityBase<I extends z.ZodType>(image: () => I) {
  return {
    /** Display name in Latin script, e.g. "GAO Qiang". */
    name: z.string({ error: 'every entry needs a name' }).min(1, { error: 'every entry needs a name' }),
    /** The name in its own script, e.g. 高强. */
    native: z.string().min(1).optional(),
    /** Language of `native` as a BCP 47 tag; hanzi default to zh. */
    native_lang: z.string().min(2).optional(),
    /** Other names, each optionally saying who uses it. */
    aliases: z.array(alias).default([]),
    /** One line for cards, search results and link previews. */
    summary: z
      .string({ error: 'every entry needs a one-line summary' })
      .min(1, { error: 'every entry needs a one-line summary' })
      .max(300, { error: 'keep the summary to one line (at most 300 characters); put the rest in the body' }),
    /** Typed, sourced, graded relationships to other entities. */
    links: z.array(link).default([]),
    /** Dated facts for the timeline. */
    events: z.array(event).default([]),
    /** Source ids that the entry as a whole rests on. */
    sources: sourceList.default([]),
    /** Points where the sources disagree. */
    disputes: z.array(dispute).default([]),
    /** Images of the entity. */
    images: z.array(imageField(image)).default([]),
    /** When the entry was last revised (YYYY-MM-DD). */
    updated: partialDate.optional(),
    /** Corrections made since publication, shown under their own heading and in the corrections feed. */
    corrections: z.array(correction).default([]),
    /** Drafts show in `astro dev` only and never reach a production build. */
    draft: z.boolean().default(false),
    /** Old slugs (or type/slug) that must keep working and redirect here. */
    redirect_from: z.array(z.string().min(1)).default([]),
  };
}
