import { COLLECTIONS } from '../schema/entity-types.ts';
import { findInlineCitations, type Citation } from '../citations.ts';
import { findWikilinks } from '../wikilinks.ts';
import { EMBEDS, findEmbeds } from '../embeds.ts';
import { inputId } from './entries.ts';
import { bodyTexts, frontmatterProse, type ProseField } from './prose.ts';
import type { ProblemLog } from './problem-log.ts';
import type { References } from './references.ts';
import type { AnyCaseInput } from './types.ts';

/**
 * The checks of prose: every wikilink, inline citation and embedded component leads somewhere. The
 * body's wikilinks and embeds become the entry's mentions (backlinks and graph edges).
 */

/** What the prose of one entry cites and mentions. */
export interface ProseFindings {
  /** Entries the body mentions, each once, in order. */
  mentions: string[];
  /** The body's inline citations, in order. */
  bodyCitations: Citation[];
}

const CITATION_FIX =
  'write [@source-id], [@source-id, locator] or [@source-id, locator, "quote"]; a literal [@ goes in code, `[@`';

/** Checks the inline citations and wikilinks of one piece of prose; returns the wikilinks' targets. */
function checkText(
  input: AnyCaseInput,
  prose: ProseField,
  refs: References,
  log: ProblemLog,
  cited: Citation[],
): string[] {
  const id = inputId(input);
  const site = (offset: number) => ({ input, path: prose.path, field: prose.field, line: prose.lineOf(offset) });
  const inline = findInlineCitations(prose.text);
  for (const error of inline.errors) {
    const fix = error.fix ?? CITATION_FIX;
    log.add(input, prose.path, prose.field, `${error.raw}: ${error.message}`, fix, prose.lineOf(error.index));
  }
  for (const group of inline.found) {
    for (const citation of group.citations) refs.resolveSource(site(group.index), citation.source);
    cited.push(...group.citations);
  }
  const targets: string[] = [];
  for (const wikilink of findWikilinks(prose.text)) {
    const target = refs.resolve(site(wikilink.index), wikilink.target, COLLECTIONS);
    if (target === undefined) continue;
    if (target === id) {
      log.add(
        input,
        prose.path,
        prose.field,
        `${wikilink.raw} links the entry to itself`,
        'remove the wikilink or point it elsewhere',
        prose.lineOf(wikilink.index),
      );
      continue;
    }
    targets.push(target);
  }
  return targets;
}

/** Checks every piece of prose of one published input and returns what its body cites and mentions. */
export function checkProse(input: AnyCaseInput, refs: References, log: ProblemLog): ProseFindings {
  const id = inputId(input);
  for (const prose of frontmatterProse(input)) checkText(input, prose, refs, log, []);
  const bodyCitations: Citation[] = [];
  const mentions = new Set<string>();
  for (const text of bodyTexts(input)) {
    for (const target of checkText(input, text, refs, log, bodyCitations)) mentions.add(target);
  }
  for (const embed of findEmbeds(input.bodyFacts.jsx)) {
    const line = embed.line;
    const { prop, collections } = EMBEDS[embed.component];
    if (embed.ids.length === 0) {
      log.add(input, [], 'body', `<${embed.component}> lists no ids`, `give ${prop}={["type/slug", …]}`, line);
    }
    for (const wanted of embed.ids) {
      const site = { input, path: [], field: `body <${embed.component} ${prop}>`, line };
      const target = refs.resolve(site, wanted, collections);
      if (target !== undefined && target !== id) mentions.add(target);
    }
  }
  return { mentions: [...mentions], bodyCitations };
}
