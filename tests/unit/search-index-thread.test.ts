import { afterAll, describe, expect, test } from 'vitest';
import { close, createIndex } from 'pagefind';
import { SearchIndexThread, type IndexDocument } from '../../src/integrations/search-index-thread.ts';

const settings = { excludeSelectors: ['nav'] };

/** Three small documents, the second in Chinese. */
const documents: IndexDocument[] = [
  {
    sourcePath: 'people/a/index.html',
    content: '<html lang="en"><body><h1>Alpha</h1><p>heron tower</p></body></html>',
    file: 'people/a.md',
  },
  {
    sourcePath: 'people/b/index.html',
    content: '<html lang="zh"><body><h1>天津</h1><p>天 津 大 厦</p></body></html>',
    file: 'people/b.md',
  },
  {
    sourcePath: 'people/c/index.html',
    content: '<html lang="en"><body><h1>Gamma</h1><p>heron network</p></body></html>',
    file: 'people/c.md',
  },
];

/** The files Pagefind makes of the documents on this thread, through its own Node API: what the thread must match. */
async function madeHere(): Promise<Map<string, string>> {
  const { index } = await createIndex(settings);
  if (!index) throw new Error('Pagefind did not start');
  for (const document of documents)
    await index.addHTMLFile({ sourcePath: document.sourcePath, content: document.content });
  const { files } = await index.getFiles();
  await close();
  return new Map(files.map((file) => [file.path, Buffer.from(file.content).toString('base64')]));
}

describe('SearchIndexThread', () => {
  const threads: SearchIndexThread[] = [];
  const started = async () => {
    const thread = new SearchIndexThread();
    threads.push(thread);
    await thread.start(settings);
    return thread;
  };
  afterAll(async () => {
    await Promise.all(threads.map((thread) => thread.close().catch(() => undefined)));
  });

  test('makes the very files Pagefind makes of the same documents in the same order, sent in batches', async () => {
    const thread = await started();
    await Promise.all([thread.add(documents.slice(0, 2)), thread.add(documents.slice(2))]);
    const files = await thread.files();
    const made = new Map(files.map((file) => [file.path, Buffer.from(file.content).toString('base64')]));
    expect([...made.keys()].some((file) => file.endsWith('pagefind-entry.json'))).toBe(true);
    expect(made).toEqual(await madeHere());
  });

  test('starting again drops what was added before', async () => {
    const thread = await started();
    await thread.add([
      {
        sourcePath: 'people/a/index.html',
        file: 'people/a.md',
        content: '<html lang="en"><body><p>dropped words</p></body></html>',
      },
    ]);
    await thread.start(settings);
    await thread.add(documents);
    const made = new Map(
      (await thread.files()).map((file) => [file.path, Buffer.from(file.content).toString('base64')]),
    );
    expect(made).toEqual(await madeHere());
  });

  test('refuses documents before it is started, naming why', async () => {
    const thread = new SearchIndexThread();
    threads.push(thread);
    await expect(thread.add(documents)).rejects.toThrow(/was not started/);
  });

  test('once closed, refuses every request', async () => {
    const thread = await started();
    await thread.close();
    await expect(thread.add(documents)).rejects.toThrow(/closed/);
    await expect(thread.files()).rejects.toThrow(/closed/);
  });
});
