import { z } from 'astro/zod';
import { partialDate, webUrl } from './fields.ts';

/** Kinds of source document. */
export const SOURCE_KINDS = [
  'blog',
  'threat-intel',
  'news',
  'government',
  'legal',
  'reference',
  'research',
  'other',
] as const;

/** Builds the schema of a cited document. A source has a URL, or says why it has none. */
export function sourceSchema() {
  return z
    .strictObject({
      /** The document's title. */
      title: z.string({ error: 'a source needs its title' }).min(1),
      /** Who published it. */
      publisher: z.string({ error: 'say who published the source (publisher)' }).min(1),
      /** Who wrote it, if named. */
      author: z.string().optional(),
      /** Publication date. */
      date: partialDate.optional(),
      /** Where it is published. */
      url: webUrl('url').optional(),
      /** An archived copy (Wayback Machine, archive.today). */
      archived_url: webUrl('archived_url').optional(),
      /** When it was last read. */
      accessed: partialDate.optional(),
      /** Why there is no URL, when there is none (e.g. "print edition"). */
      no_url_reason: z.string().min(1).optional(),
      /** What kind of document it is. */
      kind: z.enum(SOURCE_KINDS, { error: `expected one of ${SOURCE_KINDS.join(', ')}` }).default('other'),
      /** Language of the document, BCP 47. */
      lang: z.string().default('en'),
      /** Drafts show in `astro dev` only. */
      draft: z.boolean().default(false),
    })
    .superRefine((value, ctx) => {
      if (value.url === undefined && value.no_url_reason === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['url'],
          message: 'a source needs a url, or a no_url_reason saying why it has none',
        });
      }
    });
}
