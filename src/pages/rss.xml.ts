import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getCase } from '../site/checked-case.ts';
import { SITE } from '../config.ts';
import { partialDateStart } from '../lib/dates.ts';
import { entryPath, withBase } from '../lib/paths.ts';

/** Text as XML character data or a quoted attribute value. */
const xmlText = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The reports feed, RSS 2.0. Drafts never appear: the case model leaves them out of production
 * builds. RSS's own `<author>` must be an e-mail address, so the byline travels as Dublin Core's
 * `<dc:creator>`; the feed names its own address (`atom:link rel="self"`), as the RSS Advisory
 * Board's profile asks, so a reader that was handed the file still knows where it lives.
 */
export const GET: APIRoute = async (context) => {
  const model = await getCase();
  const base = import.meta.env.BASE_URL;
  // The site's home with its base path: Astro's `site` is the origin alone.
  const home = new URL(withBase(base, '/'), context.site ?? 'https://casefile.example');
  const self = new URL(withBase(base, '/rss.xml'), home);
  return rss({
    title: `${SITE.title}: reports`,
    description: SITE.description,
    site: home.href,
    xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' },
    customData: `<language>en</language><atom:link href="${xmlText(self.href)}" rel="self" type="application/rss+xml"/>`,
    items: model.reports.map((report) => ({
      title: report.name,
      description: report.summary,
      pubDate: new Date(partialDateStart(report.date)),
      link: withBase(base, entryPath(report.id)),
      ...(report.data.author ? { customData: `<dc:creator>${xmlText(report.data.author)}</dc:creator>` } : {}),
    })),
  });
};
