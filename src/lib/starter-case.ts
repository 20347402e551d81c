import { stringify } from 'yaml';
import type { PartialDate } from './dates.ts';
import type { CollectionKey } from './schema/entity-types.ts';

/**
 * The smallest case that shows every part of casefile: one entry of each type, one source and one
 * report, every entity linked and sourced, so it passes the build's check as written and an author
 * replaces it piece by piece. Its names say they are examples; nothing in it claims a fact.
 */

/** One file of the starter case, relative to its folder. */
export interface StarterFile {
  /** e.g. `people/example-person.md`. */
  path: string;
  /** Frontmatter and body. */
  text: string;
}

/** A Markdown file with the given frontmatter and body. */
function entry(collection: CollectionKey, slug: string, data: Record<string, unknown>, body: string): StarterFile {
  return { path: `${collection}/${slug}.md`, text: `---\n${stringify(data, { lineWidth: 0 })}---\n${body}\n` };
}

const cite = ['example-source'];

/** The starter case's files, its report dated `today`. */
export function starterCase(today: PartialDate): StarterFile[] {
  return [
    entry(
      'sources',
      'example-source',
      {
        title: 'An example source: replace it with the first document your case rests on',
        publisher: 'Example Publisher',
        date: today,
        url: 'https://example.org/',
        kind: 'other',
      },
      'What the document is and why it can be trusted, in a sentence or two.',
    ),
    entry(
      'actors',
      'example-group',
      {
        name: 'EXAMPLE GROUP',
        summary: 'An example threat actor: rename this file and its fields for the group your case is about.',
        aliases: ['Example Alias'],
        sources: cite,
        links: [{ rel: 'uses', to: 'tools/example-tool', confidence: 'high', sources: cite }],
      },
      'The body is Markdown. Link other entries with [[people/example-person]] and cite a source at the sentence it supports [@example-source].',
    ),
    entry(
      'people',
      'example-person',
      {
        name: 'EXAMPLE Person',
        summary: 'An example person, linked to the group, the organisation and the online identity.',
        sources: cite,
        links: [
          { rel: 'member-of', to: 'actors/example-group', confidence: 'moderate', sources: cite },
          {
            rel: 'works-for',
            to: 'companies/example-organisation',
            confidence: 'unverified',
            sources: cite,
            note: 'a note says what the link rests on',
          },
          { rel: 'operates', to: 'identities/example-handle', confidence: 'low', sources: cite },
        ],
      },
      '',
    ),
    entry(
      'companies',
      'example-organisation',
      {
        name: 'Example Organisation',
        summary: 'An example organisation with a registered address.',
        kind: 'company',
        sources: cite,
        links: [{ rel: 'registered-at', to: 'locations/example-address', confidence: 'confirmed', sources: cite }],
      },
      '',
    ),
    entry(
      'locations',
      'example-address',
      {
        name: 'Example Address',
        summary: 'An example place. Give lat, lon, precision_m and geocode_note to put it on the map.',
        address: '1 Example Street',
        sources: cite,
      },
      '',
    ),
    entry(
      'identities',
      'example-handle',
      {
        name: 'example_handle',
        summary: 'An example online identity: a handle on a forum.',
        kind: 'nickname',
        value: 'example_handle',
        status: 'unknown',
        sources: cite,
      },
      '',
    ),
    entry(
      'tools',
      'example-tool',
      {
        name: 'ExampleTool',
        summary: 'An example tool used by the group.',
        kind: 'utility',
        sources: cite,
      },
      '',
    ),
    entry(
      'reports',
      'first-report',
      {
        title: 'An example report',
        date: today,
        author: 'Example Author',
        summary: 'A report tells the case as a story and links every entry it names.',
        sources: cite,
      },
      [
        '[[actors/example-group]] uses [[tools/example-tool]] [@example-source]. [[people/example-person]] is said to',
        'operate [[identities/example-handle]] and to work for [[companies/example-organisation]], registered at',
        '[[locations/example-address]].',
      ].join('\n'),
    ),
  ];
}
