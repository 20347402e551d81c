import { parentPort } from 'node:worker_threads';
import { close, createIndex, type PagefindIndex } from 'pagefind';
import type { IndexDocument, IndexRequest, IndexReply } from './search-index-thread.ts';

/**
 * Pagefind's Node API on a thread of its own (src/integrations/search-index-thread.ts starts it): it
 * hands Pagefind the documents it is sent, in the order sent, and answers with the index's files.
 * Each document is a round trip to Pagefind's process, and on the thread that renders the pages
 * those trips waited for every stretch of Vite's and Astro's own work: at 5,000 entities Pagefind
 * was handed a few hundred documents in the seconds the pages took, and sat idle.
 */

/** Documents handed to Pagefind at once: each is a round trip to its process, which indexes while the next is sent. */
const IN_FLIGHT = 8;

let index: PagefindIndex | undefined;

/** Hands documents to Pagefind, several in flight, sent in their order. */
async function add(documents: readonly IndexDocument[]): Promise<void> {
  const started = index;
  if (!started) throw new Error('the search index was not started');
  let next = 0;
  const handOver = async () => {
    for (let document = documents[next++]; document !== undefined; document = documents[next++]) {
      const added = await started.addHTMLFile({ sourcePath: document.sourcePath, content: document.content });
      if (added.errors.length > 0)
        throw new Error(`Pagefind failed to index ${document.file}:\n${added.errors.join('\n')}`);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, handOver));
}

/** Does what a request asks; its answer, and the buffers to hand over with it. */
async function answer(request: IndexRequest): Promise<{ reply: IndexReply; transfer: ArrayBuffer[] }> {
  switch (request.kind) {
    case 'start': {
      if (index) await index.deleteIndex();
      const created = await createIndex(request.settings);
      if (!created.index) throw new Error(`Pagefind could not start: ${created.errors.join('; ')}`);
      index = created.index;
      return { reply: { id: request.id }, transfer: [] };
    }
    case 'add':
      await add(request.documents);
      return { reply: { id: request.id }, transfer: [] };
    case 'files': {
      if (!index) throw new Error('the search index was not started');
      const made = await index.getFiles();
      if (made.errors.length > 0) throw new Error(`Pagefind failed to make its index:\n${made.errors.join('\n')}`);
      // Each file's bytes in a buffer of their own, handed over rather than copied: Pagefind's small
      // files share Node's pooled buffers, which a copy would clone whole for every file.
      const files = made.files.map((file) => ({ path: file.path, content: new Uint8Array(file.content) }));
      return { reply: { id: request.id, files }, transfer: files.map((file) => file.content.buffer) };
    }
    case 'write': {
      if (!index) throw new Error('the search index was not started');
      const written = await index.writeFiles({ outputPath: request.outputPath });
      if (written.errors.length > 0)
        throw new Error(`Pagefind failed to write its index:\n${written.errors.join('\n')}`);
      return { reply: { id: request.id }, transfer: [] };
    }
    case 'close':
      index = undefined;
      await close();
      return { reply: { id: request.id }, transfer: [] };
    default:
      return request satisfies never;
  }
}

// One request at a time, in the order they came: documents reach Pagefind in the order sent.
let queue: Promise<void> = Promise.resolve();
parentPort?.on('message', (request: IndexRequest) => {
  queue = queue.then(async () => {
    try {
      const { reply, transfer } = await answer(request);
      parentPort?.postMessage(reply, transfer);
    } catch (error) {
      parentPort?.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) });
    }
  });
});
