import { z } from 'astro/zod';
import { stringify } from 'yaml';
import { collectionSchemas } from './schema/index.ts';
import { entityBase } from './schema/base.ts';
import { isEntityType, type CollectionKey } from './schema/entity-types.ts';
import type { PartialDate } from './dates.ts';

/**
 * A new entry's file, written from its collection's zod schema: the required fields filled, every
 * optional one as a commented line with its doc comment, so an author starts from what the type
 * takes rather than from a copy of another entry. A new entry is a draft: it shows in `npm run dev`
 * and no build publishes it until the author removes `draft: true`.
 */

const SCHEMAS = collectionSchemas(() => z.string().min(1));

/** The fields every entity shares, whatever its type. */
const SHARED_FIELDS = Object.keys(entityBase(() => z.string()));

/** One field of a schema, as the template lists it. */
export interface TemplateField {
  /** The field's key. */
  name: string;
  /** Whether an entry must give it. */
  required: boolean;
  /** What may be written there, e.g. `[]`, `true | false`, `company | front-company | …`. */
  hint: string;
}

/** The schema of a field without its optional and default wrappers. */
function unwrapped(field: z.ZodType): z.ZodType {
  let inner = field;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault) inner = inner.unwrap() as z.ZodType;
  return inner;
}

/** What the field takes, in a few characters. */
function hintOf(field: z.ZodType): string {
  const inner = unwrapped(field);
  if (inner instanceof z.ZodArray) return '[]';
  if (inner instanceof z.ZodBoolean) return 'true | false';
  if (inner instanceof z.ZodNumber) return '0';
  if (inner instanceof z.ZodEnum) return inner.options.join(' | ');
  if (inner instanceof z.ZodObject) return '{}';
  return '';
}

/** The fields of a collection's schema, in the schema's order. */
export function templateFields(collection: CollectionKey): TemplateField[] {
  const schema: z.ZodObject = SCHEMAS[collection];
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, field]) => ({
    name,
    required: !field.safeParse(undefined).success,
    hint: hintOf(field),
  }));
}

/** What a new entry is called and when it is written. */
export interface NewEntry {
  /** Its collection. */
  collection: CollectionKey;
  /** Its name (an entity's `name`, a document's `title`). */
  name: string;
  /** Today, for a report's date. */
  today: PartialDate;
  /** Each field's doc comment, by field name (from the schema files). */
  docs: ReadonlyMap<string, string>;
}

/** The value a required field starts with: the name, today's date, an enum's first value, or a marked gap. */
function startingValue(entry: NewEntry, field: TemplateField): unknown {
  if (field.name === 'name' || field.name === 'title') return entry.name;
  if (field.name === 'date') return entry.today;
  if (field.hint.includes(' | ')) return field.hint.split(' | ')[0];
  return `TODO: ${entry.docs.get(field.name) ?? field.name}`;
}

/** A YAML line for one key and value, as the yaml library writes it. */
function yamlLine(key: string, value: unknown): string {
  return stringify({ [key]: value }, { lineWidth: 0 }).trimEnd();
}

/** The text of a new entry's file. */
export function entryTemplate(entry: NewEntry): string {
  const fields = templateFields(entry.collection);
  const lines = [
    `# A new ${entry.collection === 'people' ? 'person' : entry.collection.replace(/s$/, '')}: fill in the TODOs; uncomment what you know.`,
    '# It is a draft: `npm run dev` shows it, no build publishes it. Delete the draft line when it is ready.',
  ];
  for (const field of fields.filter((candidate) => candidate.required)) {
    const value = startingValue(entry, field);
    const choices = field.hint.includes(' | ') ? ` # one of ${field.hint.split(' | ').join(', ')}` : '';
    lines.push(`${yamlLine(field.name, value)}${choices}`);
  }
  // A source needs a url or a no_url_reason (a rule of the whole object, not of either field).
  const either = entry.collection === 'sources' ? ['no_url_reason'] : [];
  for (const key of either)
    lines.push(yamlLine(key, 'TODO: replace this line with url: https://… or say why there is no address'));
  if (fields.some((field) => field.name === 'draft')) lines.push('draft: true');
  // Fields of the type itself before those every entity shares, which the README lists once.
  const optional = fields.filter((field) => !field.required && field.name !== 'draft' && !either.includes(field.name));
  const shared = new Set(isEntityType(entry.collection) ? SHARED_FIELDS : []);
  const ordered = [
    ...optional.filter((field) => !shared.has(field.name)),
    ...optional.filter((field) => shared.has(field.name)),
  ];
  for (const field of ordered) {
    const doc = entry.docs.get(field.name);
    const hint = field.hint ? ` ${field.hint}` : '';
    lines.push(`# ${field.name}:${hint}${doc ? ` # ${doc}` : ''}`);
  }
  return `---\n${lines.join('\n')}\n---\n`;
}
