import type { CaseModel } from '../lib/case.ts';
import { adjacencyOf, buildCaseGraph, type CaseGraph, type Step } from '../lib/graph.ts';
import type { LayoutPoint } from '../lib/layout.ts';
import { caseRecord, entityRecord, sharedRecord } from '../lib/export-json.ts';
import { EGO_LIMITS, egoGraph } from '../lib/local-graph.ts';
import { caseBundle, entityBundle } from '../lib/stix.ts';
import { evidenceCsv } from '../lib/evidence-csv.ts';
import { toGexf, toGraphml } from '../lib/graph-exchange.ts';
import { evidenceFile, evidenceFileSchema } from '../lib/edge-evidence.ts';
import { toGraphData } from '../lib/graph-data.ts';
import { mapDataSchema, toMapData } from '../lib/map-data.ts';
import { mapPlaces } from '../lib/map-places.ts';
import { hasEntityBundles, stixOptions, type PublishedAt } from './exports.ts';
import { bundlePath, CASE_FILES, recordPath, type CaseFile } from './data-file-paths.ts';
import { caseLayout } from './graph-layout.ts';

/**
 * The site's data files, written from the case model: each entity's JSON record (with its
 * neighbourhood one step deep, laid out for the dossier's picture of its links; its sources and the
 * grades' meanings once for all records in /exports/sources.json) and STIX bundle, the
 * whole case's exports, the graph with its layout, the evidence of its edges, the map's places. The
 * build writes them all beside the pages (src/integrations/data-files.ts) rather than through
 * thousands of endpoint routes, and `astro dev` answers each from the same table. Shapes and fields
 * are documented where each is made (src/lib).
 */

/** One data file: its path under the site (without the base), its media type, and how to make it. */
export interface DataFile {
  /** Site path, e.g. `/people/gao-qiang.json`. */
  path: string;
  /** Media type, as a server sends it. */
  type: string;
  /** The file's text. */
  body: () => string | Promise<string>;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** The case graph with its adjacency and layout, made once per model. */
interface ModelGraph {
  graph: CaseGraph;
  adjacency: Map<string, Step[]>;
  layout: () => Promise<LayoutPoint[]>;
}

const graphs = new WeakMap<CaseModel, ModelGraph>();

/** The graph of a model, built once; its layout is computed (on a thread of its own) when first asked for. */
function graphOf(model: CaseModel): ModelGraph {
  let known = graphs.get(model);
  if (!known) {
    const graph = buildCaseGraph(model);
    known = { graph, adjacency: adjacencyOf(graph), layout: () => caseLayout(graph) };
    graphs.set(model, known);
  }
  return known;
}

/**
 * Every data file of the site, in a fixed order. With `layOutAhead`, the graph's layout is started at
 * once, on its own thread, so that the files made before those that need it are made meanwhile.
 */
export function dataFiles(model: CaseModel, site: PublishedAt, options: { layOutAhead?: boolean } = {}): DataFile[] {
  const { graph, adjacency, layout } = graphOf(model);
  // Its failure is told by the files that need it; here it is only started.
  if (options.layOutAhead) layout().catch(() => undefined);
  const stix = stixOptions(site);
  const records = model.entities.map((entity): DataFile => ({
    path: recordPath(entity.id),
    type: JSON_TYPE,
    body: () =>
      JSON.stringify({
        ...entityRecord(model, entity),
        neighbourhood: egoGraph(graph, adjacency, entity.id, EGO_LIMITS, 1),
      }),
  }));
  const bundles = hasEntityBundles(model)
    ? model.entities.map((entity): DataFile => ({
        path: bundlePath(entity.id),
        type: JSON_TYPE,
        body: async () => JSON.stringify(await entityBundle(model, entity.id, stix)),
      }))
    : [];
  const wholeCase: Record<CaseFile, Omit<DataFile, 'path'>> = {
    '/exports/case.json': { type: JSON_TYPE, body: () => JSON.stringify(caseRecord(model)) },
    '/exports/sources.json': { type: JSON_TYPE, body: () => JSON.stringify(sharedRecord(model)) },
    '/exports/case.stix.json': { type: JSON_TYPE, body: async () => JSON.stringify(await caseBundle(model, stix)) },
    '/exports/evidence.csv': { type: 'text/csv; charset=utf-8', body: () => evidenceCsv(model) },
    '/exports/graph.gexf': {
      type: 'application/gexf+xml; charset=utf-8',
      body: async () => toGexf(graph, await layout()),
    },
    '/exports/graph.graphml': {
      type: 'application/graphml+xml; charset=utf-8',
      body: async () => toGraphml(graph, await layout()),
    },
    '/graph.json': { type: JSON_TYPE, body: async () => JSON.stringify(toGraphData(graph, await layout())) },
    '/graph/evidence.json': {
      type: JSON_TYPE,
      body: () => JSON.stringify(evidenceFileSchema.parse(evidenceFile(model, graph))),
    },
    '/map.json': { type: JSON_TYPE, body: () => JSON.stringify(mapDataSchema.parse(toMapData(mapPlaces(model)))) },
  };
  return [...records, ...bundles, ...CASE_FILES.map((path) => ({ path, ...wholeCase[path] }))];
}
