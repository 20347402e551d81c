import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkCaseFolder } from '../../src/reader/read-case.ts';
import { buildCaseGraph } from '../../src/lib/graph.ts';
import { edgeEvidenceAt, evidenceFile } from '../../src/lib/edge-evidence.ts';

// /graph/evidence.json version 3: what many edges share is written once, and an edge's sentence is
// made again from its relation and its ends.
const { model } = checkCaseFolder(path.resolve(import.meta.dirname, '../fixtures/basic'), { includeDrafts: false });
const graph = buildCaseGraph(model);
const file = evidenceFile(model, graph);
const json = JSON.stringify(file);

describe('evidence file', () => {
  test('says once what a grade means, however many edges carry it', () => {
    const confirmed = file.edges.filter((edge) => edge?.grade === 'confirmed').length;
    expect(confirmed).toBeGreaterThan(1);
    expect(json.split('Two independent sources each checked it').length - 1).toBe(1);
  });

  test('writes a source once, and each edge names it by id with its own passage', () => {
    expect(file.sources['example-news']).toEqual({
      title: 'Researchers tie Heron group to a trading firm',
      publisher: 'Example News',
      date: '2020-03-05',
      url: 'https://news.example.com/heron',
    });
    expect(json.split('Researchers tie Heron group to a trading firm').length - 1).toBe(1);
    const worksFor = file.edges[graph.edges.findIndex((edge) => edge.rel === 'works-for')];
    expect(worksFor?.sources).toEqual([
      { id: 'example-news', quote: 'LI Wei, who the paper says works for Example Tech', locator: 'para. 2' },
    ]);
  });

  test('leaves out what an edge does not have instead of writing null', () => {
    expect(json).not.toContain('null,"sources"');
    expect(json).not.toContain('"since":null');
    expect(json).not.toContain('"quote":null');
  });

  test('gives nothing back for a mention or an index past the end', () => {
    const mention = graph.edges.findIndex((edge) => edge.kind === 'mention');
    expect(mention).toBeGreaterThanOrEqual(0);
    expect(edgeEvidenceAt(file, mention)).toBeUndefined();
    expect(edgeEvidenceAt(file, graph.edges.length)).toBeUndefined();
  });

  test('names an edge’s relation instead of its sentence, and the record has the sentence again', () => {
    const index = graph.edges.findIndex((edge) => edge.rel === 'works-for');
    expect(file.edges[index]).toMatchObject({ rel: 'works-for' });
    expect(file.edges[index]).not.toHaveProperty('sentence');
    expect(edgeEvidenceAt(file, index)?.sentence).toBe('LI Wei works for Example Trading Technology Co.');
  });
});
