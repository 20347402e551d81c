import { formatFieldPath } from '../problems.ts';
import { lineLocator } from '../lines.ts';
import { isEntityInput } from './entries.ts';
import type { AnyCaseInput, FieldPath } from './types.ts';

/** Where prose lives in an entry, for the wikilink, citation and indicator checks. */
export interface ProseField {
  /** The field as shown, e.g. `links[2].note`, or `body`. */
  field: string;
  /** Its path in the frontmatter (empty for the body). */
  path: FieldPath;
  /** The text. */
  text: string;
  /** The file line of an offset in the text; located only when a problem needs it (locating is slow). */
  lineOf: (offset: number) => number | undefined;
}

/** A piece of frontmatter prose, located through the input's field finder. */
function fieldProse(input: AnyCaseInput, field: string, path: FieldPath, text: string): ProseField {
  let lines: ((offset: number) => number) | undefined;
  return {
    field,
    path,
    text,
    lineOf: (offset) => {
      const start = input.locate?.(path);
      if (start === undefined) return undefined;
      lines ??= lineLocator(text);
      return start + lines(offset) - 1;
    },
  };
}

/**
 * The short texts of an entry's frontmatter that render as prose (names, summaries, notes, event
 * texts): they may hold wikilinks and inline citations.
 */
export function frontmatterProse(input: AnyCaseInput): ProseField[] {
  const fields: ProseField[] = [];
  const add = (field: string, path: FieldPath, text: string | undefined) => {
    if (text !== undefined) fields.push(fieldProse(input, field, path, text));
  };
  if (input.collection === 'sources') {
    add('title', ['title'], input.data.title);
    return fields;
  }
  add('summary', ['summary'], input.data.summary);
  if (input.collection === 'reports') {
    add('title', ['title'], input.data.title);
    return fields;
  }
  if (!isEntityInput(input)) return fields;
  const entity = input.data;
  add('name', ['name'], entity.name);
  entity.aliases.forEach((alias, i) => {
    add(`aliases[${i}].name`, ['aliases', i], alias.name);
    add(`aliases[${i}].note`, ['aliases', i, 'note'], alias.note);
  });
  entity.links.forEach((link, i) => add(`links[${i}].note`, ['links', i, 'note'], link.note));
  entity.events.forEach((event, i) => add(`events[${i}].text`, ['events', i, 'text'], event.text));
  entity.disputes.forEach((dispute, i) => add(`disputes[${i}].note`, ['disputes', i, 'note'], dispute.note));
  return fields;
}

/** The body's prose, one piece per text node of its tree: code and components are not prose. */
export function bodyTexts(input: AnyCaseInput): ProseField[] {
  return input.bodyFacts.texts.map((text) => {
    let lines: ((offset: number) => number) | undefined;
    return {
      field: 'body',
      path: [],
      text: text.raw,
      lineOf: (offset: number) => {
        lines ??= lineLocator(text.raw);
        return text.line + lines(offset) - 1;
      },
    };
  });
}

/** The whole body as one piece of text, for the check that reads it as a reader could (indicators). */
export function bodyProse(input: AnyCaseInput): ProseField {
  let lines: ((offset: number) => number) | undefined;
  const start = input.bodyLine ?? 1;
  return {
    field: 'body',
    path: [],
    text: input.body,
    lineOf: (offset) => {
      lines ??= lineLocator(input.body);
      return start + lines(offset) - 1;
    },
  };
}

/**
 * The texts scanned for live indicators: the body and every string in the frontmatter, whatever
 * the field (a note, an alias, a caption, a source's URL), except an identity's own `value`, which
 * pages only ever show defanged. New fields are covered without being listed here.
 */
export function indicatorScanFields(input: AnyCaseInput): ProseField[] {
  const fields: ProseField[] = [bodyProse(input)];
  const visit = (value: unknown, path: (string | number)[]): void => {
    if (typeof value === 'string') {
      fields.push(fieldProse(input, formatFieldPath(path), path, value));
    } else if (Array.isArray(value)) {
      value.forEach((item: unknown, i) => visit(item, [...path, i]));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (input.collection === 'identities' && path.length === 0 && key === 'value') continue;
        visit(item, [...path, key]);
      }
    }
  };
  visit(input.data, []);
  return fields;
}
