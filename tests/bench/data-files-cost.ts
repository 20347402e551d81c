import { serialize, deserialize } from 'node:v8';
import path from 'node:path';
import { checkCaseFolder } from '../../src/reader/read-case.ts';
import { CaseModel } from '../../src/lib/case.ts';
import { caseBundle, entityBundle } from '../../src/lib/stix.ts';
import { bodilessParts, withoutBodies } from '../../src/integrations/case-data-digest.ts';
import { dataFiles } from '../../src/site/data-files.ts';
import { caseLayout } from '../../src/site/graph-layout.ts';
import { buildCaseGraph } from '../../src/lib/graph.ts';
import { threadCpuMs } from '../../src/integrations/thread-priority.ts';

/**
 * What the data files' thread (src/integrations/data-files-worker.ts) spends its time on, step by
 * step on this one thread (CPU time of this thread, so a busy machine's other work does not count):
 * checking the case from disk (what the thread did before it was sent the model's parts), sending
 * and rebuilding the model from its parts (what it does now), the STIX bundles, and every data file's
 * bytes. The layout runs first, on its own thread, and is not counted.
 *
 *   node tests/bench/data-files-cost.ts --case tests/bench/.work/5000/case [--rounds 3]
 */

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? (args[at + 1] ?? fallback) : fallback;
};
const root = path.resolve(option('case', 'content'));
const rounds = Number(option('rounds', '3'));
const site = { origin: 'https://casefile.example', base: '/' };
const stixOptions = { siteUrl: 'https://casefile.example/', publisher: 'casefile' };

/** This thread's CPU time for `step`, ms, with what it returned. */
async function timed<T>(step: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const start = threadCpuMs();
  const value = await step();
  return { ms: threadCpuMs() - start, value };
}

const rows = new Map<string, number[]>();
const record = (name: string, ms: number) => rows.set(name, [...(rows.get(name) ?? []), ms]);
let sentBytes = 0;
let fileBytes = 0;

const { model: checked } = checkCaseFolder(root, { includeDrafts: false });
// Laid out once, into the build's layout cache (node_modules/.astro), which every round then reads.
await caseLayout(buildCaseGraph(checked));
for (let round = 0; round < rounds; round++) {
  const check = await timed(() => checkCaseFolder(root, { includeDrafts: false }).model);
  record('check the case from disk', check.ms);
  const sent = await timed(() => serialize(bodilessParts(check.value)));
  sentBytes = sent.value.length;
  record('send its parts (serialise, build thread)', sent.ms);
  const rebuilt = await timed(() => withoutBodies(CaseModel.fromParts(deserialize(sent.value) as never)));
  record('rebuild the model from them (worker)', rebuilt.ms);
  // A fresh model each round: the STIX writer and the graph are kept per model.
  const stix = await timed(async () => {
    const fresh = withoutBodies(CaseModel.fromParts(deserialize(sent.value) as never));
    await caseBundle(fresh, stixOptions);
    for (const entity of fresh.entities) await entityBundle(fresh, entity.id, stixOptions);
  });
  record('every STIX bundle (case and each entity)', stix.ms);
  const files = await timed(async () => {
    let bytes = 0;
    for (const file of dataFiles(rebuilt.value, site)) bytes += (await file.body()).length;
    return bytes;
  });
  fileBytes = files.value;
  record('every data file’s bytes (layout cached)', files.ms);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
console.log(
  `data files' thread, ${checked.entities.length} entities, ${rounds} rounds, CPU ms of this thread (median):`,
);
for (const [name, values] of rows) {
  console.log(
    `  ${name.padEnd(46)} ${median(values).toFixed(0).padStart(6)}   (${values.map((v) => v.toFixed(0)).join(', ')})`,
  );
}
console.log(`  parts sent: ${(sentBytes / 1e6).toFixed(1)} MB; data files: ${(fileBytes / 1e6).toFixed(1)} MB`);
process.exit(0);
