import { z } from 'astro/zod';
import { didYouMean } from '../lib/did-you-mean.ts';
import { formatFieldPath, type CaseProblem } from '../lib/problems.ts';
import type { FieldLocator } from './frontmatter.ts';

/**
 * zod's verdict on a frontmatter, turned into problems an author can act on: the field, its line,
 * what is wrong and, where a close value exists, "did you mean".
 */

/** The field names a schema allows at a path of the data, read from the schema itself. */
export function fieldsAt(schema: z.ZodType, pathToField: readonly (string | number)[]): string[] {
  let current: z.ZodType = schema;
  const unwrap = (type: z.ZodType): z.ZodType => {
    if (type instanceof z.ZodDefault || type instanceof z.ZodOptional) return unwrap(type.unwrap() as z.ZodType);
    if (type instanceof z.ZodPipe) return unwrap(type.in as z.ZodType);
    return type;
  };
  for (const key of pathToField) {
    current = unwrap(current);
    if (current instanceof z.ZodObject && typeof key === 'string') current = current.shape[key] as z.ZodType;
    else if (current instanceof z.ZodArray && typeof key === 'number') current = current.element as z.ZodType;
    else return [];
  }
  current = unwrap(current);
  // A field that takes a string or an object (an alias, a citation) names the object's fields.
  const objects = current instanceof z.ZodUnion ? (current.options as z.ZodType[]).map(unwrap) : [current];
  return objects.flatMap((type) => (type instanceof z.ZodObject ? Object.keys(type.shape) : []));
}

/** Reads the value at a path of plain data. */
function valueAt(data: unknown, pathToField: readonly PropertyKey[]): unknown {
  let value: unknown = data;
  for (const key of pathToField) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** Turns one zod issue into the problems it stands for. */
export function problemsFromIssue(
  issue: z.core.$ZodIssue,
  file: string,
  raw: unknown,
  schema: z.ZodType,
  fields: FieldLocator,
): CaseProblem[] {
  const issuePath = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    const allowed = fieldsAt(schema, issuePath);
    return issue.keys.map((key) => {
      const suggestion = didYouMean(key, allowed);
      return {
        file,
        field: formatFieldPath([...issuePath, key]),
        line: fields.line([...issuePath, key]),
        message: `unknown field "${key}"`,
        fix: suggestion ? `did you mean "${suggestion}"?` : 'remove it, or see the README for the fields of this type',
      };
    });
  }
  const value = valueAt(raw, issuePath);
  const problem = (message: string, fix?: string): CaseProblem[] => [
    { file, field: formatFieldPath(issuePath), line: fields.line(issuePath), message, fix },
  ];
  if (value === undefined) return problem(`missing required field: ${issue.message}`);
  if (issue.code === 'invalid_type' && issue.expected === 'string' && typeof value !== 'object') {
    // YAML reads 02283281234 as the number 2283281234: identifiers must be quoted to stay exact.
    const written = fields.source(issuePath) ?? JSON.stringify(value);
    const key = issuePath.filter((part) => typeof part === 'string').at(-1) ?? 'value';
    return problem(
      `${issue.message}: YAML reads ${written} as a ${typeof value}, which may not survive exactly`,
      `quote it: ${key}: '${written}'`,
    );
  }
  let fix: string | undefined;
  if (issue.code === 'invalid_value' && typeof value === 'string') {
    const allowed = issue.values.filter((v): v is string => typeof v === 'string');
    const suggestion = didYouMean(value, allowed);
    fix = suggestion ? `did you mean "${suggestion}"?` : `use one of: ${allowed.join(', ')}`;
  }
  const shown = typeof value === 'string' || typeof value === 'number' ? JSON.stringify(value) : undefined;
  const described = shown !== undefined && !issue.message.includes(shown) ? ` (got ${shown})` : '';
  return problem(`${issue.message}${described}`, fix);
}
