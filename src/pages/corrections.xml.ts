import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getCase } from '../site/case.ts';
import { SITE } from '../config.ts';
import { caseCorrections } from '../lib/corrections.ts';
import { partialDateStart } from '../lib/dates.ts';
import { withBase } from '../lib/paths.ts';

/** The corrections feed: every correction of the published case, newest first. */
export const GET: APIRoute = async (context) => {
  const model = await getCase();
  return rss({
    title: `${SITE.title}: corrections`,
    description: `Corrections to ${SITE.title}, newest first.`,
    site: context.site ?? SITE.origin,
    items: caseCorrections(model).map((correction) => ({
      title: `Correction to “${correction.name}”`,
      description: correction.text,
      pubDate: new Date(partialDateStart(correction.date)),
      // Absolute, so the feed keeps the fragment as it is (a relative link gets a trailing slash).
      link: new URL(
        withBase(import.meta.env.BASE_URL, `${correction.path}#${correction.anchor}`),
        context.site ?? SITE.origin,
      ).href,
    })),
  });
};
