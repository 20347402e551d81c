import type { AnyEntity, CaseModel, Relation, Report } from '../case.ts';
import { casefileId } from './ids.ts';
import type { StixBundle, StixObject, StixOptions } from './objects.ts';
import { StixWriter } from './writer.ts';

/** The bundles a build publishes: the whole case, and one per entity with its neighbourhood. */

const writers = new WeakMap<CaseModel, Map<string, StixWriter>>();

/**
 * One writer per case and options, shared by every bundle of a build: each entity's id is then
 * hashed once, not once in its own bundle and again in each neighbour's.
 */
function writerFor(model: CaseModel, options: StixOptions): StixWriter {
  let byOptions = writers.get(model);
  if (!byOptions) {
    byOptions = new Map();
    writers.set(model, byOptions);
  }
  const key = `${options.siteUrl}\n${options.publisher}`;
  let writer = byOptions.get(key);
  if (!writer) {
    writer = new StixWriter(model, options);
    byOptions.set(key, writer);
  }
  return writer;
}

/** Builds a bundle of the given entities, the relations between them and, optionally, reports. */
function bundle(
  writer: StixWriter,
  bundleName: string,
  entities: readonly AnyEntity[],
  relations: readonly Relation[],
  reports: readonly { report: Report; ids: readonly string[] }[],
): StixBundle {
  const objects: StixObject[] = [writer.publisher()];
  for (const entity of entities) objects.push(writer.entity(entity));
  for (const relation of relations) objects.push(writer.relation(relation));
  for (const { report, ids } of reports) {
    const refs = ids.map((id) => writer.idOf(id));
    if (refs.length > 0) objects.push(writer.report(report, refs));
  }
  return { type: 'bundle', id: casefileId('bundle', `bundle:${bundleName}`), objects };
}

/** The whole published case as one STIX 2.1 bundle. */
export function caseBundle(model: CaseModel, options: StixOptions): Promise<StixBundle> {
  const reports = model.reports.map((report) => {
    const entities = new Set(model.mentionsFrom(report.id).filter((id) => model.entity(id)));
    const relations = model.relations.filter((relation) => entities.has(relation.from) && entities.has(relation.to));
    return { report, ids: [...entities, ...relations.map((relation) => relation.key)] };
  });
  return Promise.resolve(bundle(writerFor(model, options), 'case', model.entities, model.relations, reports));
}

/** One entity, its neighbours and the relationships between them, as a STIX 2.1 bundle. */
export function entityBundle(model: CaseModel, id: string, options: StixOptions): Promise<StixBundle> {
  const entity = model.entity(id);
  if (!entity) return Promise.reject(new Error(`no published entity ${id}`));
  const views = model.relationViews(id);
  const neighbours = [...new Set(views.map((view) => view.other))]
    .map((other) => model.entity(other))
    .filter((other): other is AnyEntity => other !== undefined);
  return Promise.resolve(
    bundle(
      writerFor(model, options),
      id,
      [entity, ...neighbours],
      views.map((view) => view.relation),
      [],
    ),
  );
}
