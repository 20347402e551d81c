import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkCaseFolder } from '../../src/reader/read-case.ts';
import { buildCaseGraph } from '../../src/lib/graph.ts';
import { edgeEvidenceAt, evidenceFile, evidenceFileSchema } from '../../src/lib/edge-evidence.ts';
import { CONFIDENCE_INFO } from '../../src/lib/schema/confidence.ts';

const { model } = checkCaseFolder(path.resolve(import.meta.dirname, '../fixtures/basic'), { includeDrafts: false });
const graph = buildCaseGraph(model);
const file = evidenceFile(model, graph);

describe('evidenceFile', () => {
  test('has one entry per graph edge, null for mentions, and passes its own schema', () => {
    expect(file.edges).toHaveLength(graph.edges.length);
    graph.edges.forEach((edge, i) => expect(file.edges[i] === null).toBe(edge.kind === 'mention'));
    expect(evidenceFileSchema.parse(file)).toEqual(file);
  });

  test('writes the relationship, its grade and meaning, and each source', () => {
    const index = graph.edges.findIndex((edge) => edge.rel === 'registered-at');
    const record = edgeEvidenceAt(file, index);
    expect(record?.sentence).toBe('Example Trading Technology Co. registered at Example Tower');
    expect(record?.grade).toBe('confirmed');
    // The meaning is the grading rule's own wording, wherever it is written.
    expect(record?.meaning).toBe(CONFIDENCE_INFO.confirmed.meaning);
    expect(record?.sources.map((s) => [s.title, s.publisher, s.date, s.url])).toEqual([
      ['Annual register of firms', 'Example Registry', '2019', null],
      ['Researchers tie Heron group to a trading firm', 'Example News', '2020-03-05', 'https://news.example.com/heron'],
    ]);
  });

  test('carries a cited passage and where it sits in the source', () => {
    const index = graph.edges.findIndex((edge) => edge.rel === 'works-for');
    const [source] = edgeEvidenceAt(file, index)?.sources ?? [];
    expect(source?.quote).toBe('LI Wei, who the paper says works for Example Tech');
    expect(source?.locator).toBe('para. 2');
    expect(
      edgeEvidenceAt(file, index)
        ?.note?.map((piece) => piece.text)
        .join(''),
    ).toBe('claimed by one news report only');
  });

  test('lists the fields in the order the evidence view shows them', () => {
    const record = edgeEvidenceAt(
      file,
      file.edges.findIndex((entry) => entry !== null),
    );
    expect(Object.keys(record ?? {})).toEqual([
      'sentence',
      'from',
      'to',
      'grade',
      'meaning',
      'note',
      'sources',
      'disputes',
      'since',
      'until',
    ]);
  });
});
