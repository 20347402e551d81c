import type { AnyEntity } from './case.ts';
import type { Fact, FactValue } from './fact-rows.ts';
import { definitionOf } from './schema/index.ts';
import { shownValue } from './schema/identities.ts';

/**
 * The type-specific facts of a dossier as label/value rows, so the card that shows them stays a
 * plain renderer and exports can reuse the same wording. Each type lists its rows in its own file
 * under schema/ (its `facts`); the formatters live in fact-rows.ts.
 */

export type { Fact, FactValue } from './fact-rows.ts';
export { formatCoordinates, formatPrecision, humanise } from './fact-rows.ts';

/** The value of an identity as it may be shown: defanged for indicators, plain otherwise. */
export function displayValue(entity: Extract<AnyEntity, { type: 'identities' }>): string {
  return shownValue(entity.data);
}

/** The facts rows of an entity, by type; values left empty are dropped. */
export function factsOf(entity: AnyEntity): Fact[] {
  const facts: Fact[] = [];
  const add = (label: string, values: FactValue[] | undefined, lang?: string, weighty = false) => {
    if (values && values.length > 0) facts.push({ label, values, lang, weighty });
  };
  definitionOf(entity.type).facts(entity.data, add);
  return facts.map((fact) => ({ ...fact, values: fact.values.filter((v) => v.kind !== 'text' || v.text !== '') }));
}
