import { z } from 'astro/zod';
import { correction, partialDate, sourceList } from './fields.ts';
import { frontPage } from './front-page.ts';

/** Builds the schema of a narrative report (MDX). */
export function reportSchema() {
  return z.strictObject({
    /** Headline. */
    title: z.string({ error: 'a report needs a title' }).min(1, { error: 'a report needs a title' }),
    /** Publication date, YYYY-MM-DD. */
    date: partialDate,
    /** Who wrote it. */
    author: z.string({ error: 'say who wrote the report (author)' }).min(1),
    /** One or two sentences for the index, search results and feeds. */
    summary: z.string({ error: 'a report needs a summary' }).min(1).max(400),
    /** Source ids the report rests on as a whole. */
    sources: sourceList.default([]),
    /** When it was last revised. */
    updated: partialDate.optional(),
    /** Corrections made since publication, shown under their own heading and in the corrections feed. */
    corrections: z.array(correction).default([]),
    /** What the front page says first, declared in one report only. */
    front_page: frontPage.optional(),
    /** Order on the reports index and home page (lower first); by date when equal. */
    order: z.number().int().default(100),
    /** Drafts show in `astro dev` only. */
    draft: z.boolean().default(false),
    /** Old slugs that must keep working and redirect here. */
    redirect_from: z.array(z.string().min(1)).default([]),
  });
}
