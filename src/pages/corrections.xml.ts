import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getCase } from '../site/checked-case.ts';
import { SITE } from '../config.ts';
import { caseCorrections } from '../lib/corrections.ts';
import { partialDateStart } from '../lib/dates.ts';
import { withBase } from '../lib/paths.ts';

/** Text as XML character data or a quoted attribute value. */
const xmlText = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The corrections feed, RSS 2.0: every correction of the published case, newest first. Like the
 * reports feed it names its own address (`atom:link rel="self"`); a case with no corrections
 * publishes a channel with no items, which RSS 2.0 allows.
 */
export const GET: APIRoute = async (context) => {
  const model = await getCase();
  const base = import.meta.env.BASE_URL;
  const home = new URL(withBase(base, '/'), context.site ?? SITE.origin);
  const self = new URL(withBase(base, '/corrections.xml'), home);
  return rss({
    title: `${SITE.title}: corrections`,
    description: `Corrections to ${SITE.title}, newest first.`,
    site: home.href,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>en</language><atom:link href="${xmlText(self.href)}" rel="self" type="application/rss+xml"/>`,
    items: caseCorrections(model).map((correction) => ({
      title: `Correction to “${correction.name}”`,
      description: correction.text,
      pubDate: new Date(partialDateStart(correction.date)),
      // Absolute, so the feed keeps the fragment as it is (a relative link gets a trailing slash).
      link: new URL(withBase(base, `${correction.path}#${correction.anchor}`), home).href,
    })),
  });
};
