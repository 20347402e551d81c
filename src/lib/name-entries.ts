import type { AnyEntity, CaseModel } from './case.ts';
import { foldText } from './name-match.ts';
import type { NameEntry } from './name-index.ts';
import { CONFIDENCE_LEVELS } from './schema/confidence.ts';
import { definitionOf } from './schema/index.ts';

/**
 * The entries of the name index (src/lib/name-index.ts), written from the case model at build time.
 */

/** The other texts a reader may type to find an entity. */
function alsoOf(entity: AnyEntity): string[] {
  const also = [...entity.aliases.map((alias) => alias.name), ...definitionOf(entity.type).alsoKnownAs(entity.data)];
  const own = new Set([entity.name, entity.native].map((text) => text && foldText(text)));
  return [...new Set(also)].filter((text) => !own.has(foldText(text)));
}

/** The name index entries of a case, in the model's order (type, then name). */
export function nameEntries(model: CaseModel): NameEntry[] {
  return model.entities.map((entity) => {
    const views = model.relationViews(entity.id);
    const grades = CONFIDENCE_LEVELS.map((level) => views.filter((view) => view.relation.confidence === level).length);
    return {
      type: entity.type,
      slug: entity.slug,
      name: entity.name,
      native: entity.native,
      also: alsoOf(entity),
      grades,
    };
  });
}
