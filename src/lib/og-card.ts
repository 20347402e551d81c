import type { AnyEntity, CaseModel, Report } from './case.ts';
import { formatPartialDate } from './dates.ts';
import { gradeLine } from './page-meta.ts';
import { ENTITY_TYPE_INFO } from './schema/entity-types.ts';

/**
 * Sharing images (OpenGraph and Twitter cards): what each says, and its layout as the element tree
 * that satori lays out (plain objects, so it is built and tested here; src/site/og-image.ts draws it).
 */

/** What a sharing image shows. */
export interface OgCard {
  /** Small capitals above the title: the type, or "Report". */
  kicker: string;
  /** The name or headline. */
  title: string;
  /** The name in its own script, when it has one. */
  native?: string | undefined;
  /** The summary. */
  summary: string;
  /** The line at the foot: grades, or a report's byline. */
  footer: string;
  /** The site's name, at the foot's right. */
  site: string;
  /** The accent colour (the type's). */
  colour: string;
}

/** The card of a dossier. */
export function entityOgCard(model: CaseModel, entity: AnyEntity, site: string): OgCard {
  const info = ENTITY_TYPE_INFO[entity.type];
  return {
    kicker: info.label,
    title: entity.name,
    native: entity.native && entity.native !== entity.name ? entity.native : undefined,
    summary: entity.summary,
    footer: gradeLine(model, entity.id),
    site,
    colour: info.colour,
  };
}

/** The card of a report. */
export function reportOgCard(report: Report, site: string): OgCard {
  return {
    kicker: 'Report',
    title: report.name,
    summary: report.summary,
    footer: `${report.data.author} · ${formatPartialDate(report.date)}`,
    site,
    colour: '#1c1c1e',
  };
}

/** The card of the site, for pages without their own. */
export function siteOgCard(title: string, headline: string, summary: string): OgCard {
  return { kicker: 'Case file', title: headline, summary, footer: '', site: title, colour: '#1c1c1e' };
}

/** A node of the tree satori lays out. */
export interface OgNode {
  /** Element name. */
  type: 'div';
  /** Style and children. */
  props: { style: Record<string, string | number>; children?: (OgNode | string)[] | string };
}

/** A div with a style and children. */
function div(style: Record<string, string | number>, ...children: (OgNode | string | undefined)[]): OgNode {
  const kept = children.filter((child): child is OgNode | string => child !== undefined && child !== '');
  return { type: 'div', props: { style: { display: 'flex', ...style }, children: kept } };
}

/** The layout of a card at `width` × `height`, in the site's colours. */
export function ogTree(card: OgCard, width: number, height: number): OgNode {
  const long = card.title.length > 48;
  // satori sizes boxes without their border and padding: the content box is what is left of the card.
  const [border, top, right, bottom, left] = [28, 56, 64, 48, 56];
  return div(
    {
      width: width - border - left - right,
      height: height - top - bottom,
      background: '#fbfaf7',
      color: '#1c1c1e',
      fontFamily: 'Inter, Case Hanzi',
      borderLeft: `${border}px solid ${card.colour}`,
      padding: `${top}px ${right}px ${bottom}px ${left}px`,
      flexDirection: 'column',
      justifyContent: 'space-between',
    },
    div(
      { flexDirection: 'column' },
      div(
        { fontSize: 28, fontWeight: 700, letterSpacing: 3, textTransform: 'uppercase', color: card.colour },
        card.kicker,
      ),
      div(
        {
          fontSize: long ? 56 : 72,
          fontWeight: 700,
          lineHeight: 1.1,
          marginTop: 18,
          letterSpacing: -1,
          lineClamp: 3,
        },
        card.title,
      ),
      card.native ? div({ fontSize: 52, color: '#55555b', marginTop: 10 }, card.native) : undefined,
      div({ fontSize: 30, lineHeight: 1.35, color: '#3d3d42', marginTop: 26, lineClamp: 3 }, card.summary),
    ),
    div(
      { justifyContent: 'space-between', alignItems: 'flex-end', fontSize: 26, color: '#55555b' },
      div({ maxWidth: 820 }, card.footer || ' '),
      div({ fontWeight: 700, color: '#1c1c1e' }, card.site),
    ),
  );
}
