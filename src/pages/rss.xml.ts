import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getCase } from '../site/checked-case.ts';
import { SITE } from '../config.ts';
import { partialDateStart } from '../lib/dates.ts';
import { entryPath, withBase } from '../lib/paths.ts';

/** The reports feed. Drafts never appear: the case model leaves them out of production builds. */
export const GET: APIRoute = async (context) => {
  const model = await getCase();
  return rss({
    title: `${SITE.title}: reports`,
    description: SITE.description,
    site: context.site ?? 'https://casefile.example',
    items: model.reports.map((report) => ({
      title: report.name,
      description: report.summary,
      pubDate: new Date(partialDateStart(report.date)),
      link: withBase(import.meta.env.BASE_URL, entryPath(report.id)),
      author: report.data.author,
    })),
  });
};
