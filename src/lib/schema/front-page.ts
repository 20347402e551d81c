import { z } from 'astro/zod';
import { reference } from './fields.ts';
import { RELATION_KEYS } from './relations.ts';

/**
 * The front page's declaration, written in the frontmatter of one report (`front_page:`), so that a
 * fork's front page states its own case: a headline, a standfirst, three to five key findings (each
 * one relationship of the case, named by its ends and relation, which the build checks exists) and
 * an optional lead figure.
 */

/** One key finding: a sentence for the front page and the relationship that carries it. */
export const finding = z.strictObject({
  /** The finding in one sentence, as the front page states it. */
  text: z.string().trim().min(1, { error: 'state the finding in one sentence' }),
  /** The entity whose file declares the relationship, `type/slug`. */
  from: reference,
  /** The relation, from the relation vocabulary. */
  rel: z.enum(RELATION_KEYS as [string, ...string[]], { error: 'unknown relation type' }),
  /** The other end, `type/slug`. */
  to: reference,
});

/** The lead figure: the entities of a focused link diagram and its caption. */
export const leadFigure = z.strictObject({
  /** The entities drawn, `type/slug`. */
  entities: z.array(reference).min(2, { error: 'a figure needs at least two entities' }),
  /** What the figure shows, in a sentence or two. */
  caption: z.string().trim().min(1, { error: 'give the figure a caption' }),
});

/** What the front page says first. */
export const frontPage = z.strictObject({
  /** A short headline, at most 90 characters. */
  headline: z
    .string()
    .trim()
    .min(1)
    .max(90, { error: 'keep the headline short (at most 90 characters): the standfirst says the rest' }),
  /** One or two sentences under the headline, at most 320 characters. */
  standfirst: z.string().trim().min(1).max(320, { error: 'keep the standfirst to one or two sentences' }),
  /** Three to five key findings. */
  findings: z
    .array(finding)
    .min(3, { error: 'give three to five key findings' })
    .max(5, { error: 'give three to five key findings' }),
  /** The lead figure, a focused link diagram. */
  figure: leadFigure.optional(),
});

/** The parsed front-page declaration. */
export type FrontPage = z.output<typeof frontPage>;
