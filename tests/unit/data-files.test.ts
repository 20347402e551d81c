import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkCaseFolder } from '../../src/reader/read-case.ts';
import { dataFiles } from '../../src/site/data-files.ts';
import { caseLayout, digestedLayout, useLayoutAhead } from '../../src/site/graph-layout.ts';
import { buildCaseGraph } from '../../src/lib/graph.ts';
import { layoutGraph, type LayoutPoint } from '../../src/lib/layout.ts';
import { CaseModel } from '../../src/lib/case.ts';
import { bodilessParts, withoutBodies } from '../../src/integrations/case-data-digest.ts';

const { model } = checkCaseFolder(path.resolve(import.meta.dirname, '../fixtures/basic'), { includeDrafts: false });
const site = { origin: 'https://reports.example.org', base: '/case/' };

describe('dataFiles', () => {
  const files = dataFiles(model, site);

  test('lists each published entity’s record and STIX bundle, then the case’s files, and no draft', () => {
    const entities = [
      'actors/red-heron',
      'companies/example-tech',
      'identities/heron-domain',
      'identities/heron-qq',
      'locations/example-tower',
      'locations/second-site',
      'people/chen-jie',
      'people/li-wei',
      'tools/heron-rat',
    ];
    expect(files.map((file) => file.path).sort()).toEqual(
      [
        ...entities.map((id) => `/${id}.json`),
        ...entities.map((id) => `/${id}.stix.json`),
        '/exports/case.json',
        '/exports/sources.json',
        '/exports/case.stix.json',
        '/exports/evidence.csv',
        '/exports/graph.gexf',
        '/exports/graph.graphml',
        '/graph.json',
        '/graph/evidence.json',
        '/map.json',
      ].sort(),
    );
  });

  test('a record carries its entity and its neighbourhood one step deep', async () => {
    const record = files.find((file) => file.path === '/people/li-wei.json');
    expect(record?.type).toBe('application/json; charset=utf-8');
    const data = JSON.parse(String(await record?.body())) as { id: string; neighbourhood: { nodes: { id: string }[] } };
    expect(data.id).toBe('people/li-wei');
    expect(data.neighbourhood.nodes[0]?.id).toBe('people/li-wei');
  });

  test('STIX bundles name the site where it is published, with its base path', async () => {
    const bundle = String(await files.find((file) => file.path === '/people/li-wei.stix.json')?.body());
    expect(bundle).toContain('https://reports.example.org/case/people/li-wei/');
  });

  test('the evidence is CSV, the graph exports XML', () => {
    const type = (file: string) => files.find((candidate) => candidate.path === file)?.type;
    expect(type('/exports/evidence.csv')).toBe('text/csv; charset=utf-8');
    expect(type('/exports/graph.gexf')).toBe('application/gexf+xml; charset=utf-8');
    expect(type('/exports/graph.graphml')).toBe('application/graphml+xml; charset=utf-8');
  });
});

describe('the data files’ thread', () => {
  // It is sent the checked model's parts without bodies and builds the model again from them. Models
  // of their own: a model's graph is laid out once, and the layout tests below lay out `model`'s.
  const read = (folder: string) =>
    checkCaseFolder(path.resolve(import.meta.dirname, folder), { includeDrafts: false }).model;
  const cases = { 'the fixture case': read('../fixtures/basic'), 'the sample case': read('../../content') };
  for (const [name, original] of Object.entries(cases)) {
    test(`makes ${name}’s data files, byte for byte, from the model's parts cloned as a worker receives them`, async () => {
      const rebuilt = withoutBodies(CaseModel.fromParts(structuredClone(bodilessParts(original))));
      const bytesOf = async (from: CaseModel) => {
        const out = new Map<string, string>();
        for (const file of dataFiles(from, site)) out.set(file.path, await file.body());
        return out;
      };
      const expected = await bytesOf(original);
      expect(expected.size).toBeGreaterThan(10);
      expect(await bytesOf(rebuilt)).toEqual(expected);
    });
  }

  for (const [name, original] of Object.entries(cases)) {
    test(`is handed the layout the build started ahead: ${name}’s graph is the same from the parts it is sent`, async () => {
      const rebuilt = withoutBodies(CaseModel.fromParts(structuredClone(bodilessParts(original))));
      const cache = mkdtempSync(path.join(tmpdir(), 'casefile-layout-'));
      try {
        const ahead = await digestedLayout(buildCaseGraph(original), cache);
        expect((await digestedLayout(buildCaseGraph(rebuilt), cache)).digest).toBe(ahead.digest);
      } finally {
        rmSync(cache, { recursive: true, force: true });
      }
    });
  }

  test('a body cannot be read from the parts it is sent', () => {
    const rebuilt = withoutBodies(CaseModel.fromParts(structuredClone(bodilessParts(model))));
    expect(() => rebuilt.get('people/li-wei')?.body).toThrow(/read the body of .*li-wei\.md/);
  });
});

describe('caseLayout', () => {
  const graph = buildCaseGraph(model);
  const input = { nodes: graph.nodes, edges: graph.edges.map((edge) => ({ ...edge, weak: edge.kind === 'mention' })) };

  test('lays the graph out on its own thread as this thread would, keeps it, and reads it back', async () => {
    const cache = mkdtempSync(path.join(tmpdir(), 'casefile-layout-'));
    try {
      const points = await caseLayout(graph, cache);
      expect(points).toEqual(layoutGraph(input));
      expect(readdirSync(cache)).toHaveLength(1);
      // Asked again for the same graph: the same answer, without a second thread.
      expect(caseLayout(graph, cache)).toBe(caseLayout(graph, cache));
      // Another build's graph (another object, the same content) reads the kept layout.
      const kept = path.join(cache, readdirSync(cache)[0] ?? '');
      writeFileSync(kept, JSON.stringify(points.map(([x, y]) => [x + 1, y])));
      expect(await caseLayout(structuredClone(graph), cache)).toEqual(points.map(([x, y]) => [x + 1, y]));
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });

  test('takes a layout laid out ahead for the same graph, not one for another graph or one that failed', async () => {
    const caches: string[] = [];
    // An empty cache each time, so that only the layout laid out ahead can answer without a thread.
    const emptyCache = () => {
      caches.push(mkdtempSync(path.join(tmpdir(), 'casefile-layout-')));
      return caches.at(-1) ?? '';
    };
    try {
      const { digest, points } = await digestedLayout(structuredClone(graph), emptyCache());
      expect(points).toEqual(layoutGraph(input));
      const moved = points.map(([x, y]): LayoutPoint => [x + 1, y]);
      useLayoutAhead(Promise.resolve({ digest, points: moved }));
      expect(await caseLayout(structuredClone(graph), emptyCache())).toEqual(moved);
      useLayoutAhead(Promise.resolve({ digest: digest.replace(/^./, (c) => (c === '0' ? '1' : '0')), points: moved }));
      expect(await caseLayout(structuredClone(graph), emptyCache())).toEqual(points);
      useLayoutAhead(Promise.reject(new Error('the layout thread stopped')));
      expect(await caseLayout(structuredClone(graph), emptyCache())).toEqual(points);
    } finally {
      useLayoutAhead(undefined);
      for (const cache of caches) rmSync(cache, { recursive: true, force: true });
    }
  });

  test('graph.json, made with the layout started ahead, places every node where the layout does', async () => {
    const file = dataFiles(model, site, { layOutAhead: true }).find((candidate) => candidate.path === '/graph.json');
    const data = JSON.parse(await (file?.body() ?? '')) as { nodes: { x: number[]; y: number[] } };
    expect(data.nodes.x.map((x, i) => [x, data.nodes.y[i]])).toEqual(layoutGraph(input));
  });
});
