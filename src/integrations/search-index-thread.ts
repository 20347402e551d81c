import { Worker } from 'node:worker_threads';
import type { PagefindServiceConfig } from 'pagefind';

/**
 * The search index being made on its own thread (src/integrations/pagefind-worker.ts), so that
 * Pagefind is handed documents as fast as it takes them, whatever the thread that renders the pages
 * is doing. Requests are done and answered in the order they are made; a failed one rejects with
 * Pagefind's error, and a thread that stops rejects every request after.
 */

/** A document for the index: the page it stands for (relative to the output folder), its HTML, and the file it came from. */
export interface IndexDocument {
  sourcePath: string;
  content: string;
  /** The entry's file, as errors name it. */
  file: string;
}

/** One of the index's files, as Pagefind makes it. */
export interface IndexFile {
  path: string;
  content: Uint8Array;
}

/** What the thread can be asked. */
type IndexAsk =
  | { kind: 'start'; settings: PagefindServiceConfig }
  | { kind: 'add'; documents: IndexDocument[] }
  | { kind: 'files' }
  | { kind: 'write'; outputPath: string }
  | { kind: 'close' };

/** A request, numbered for its answer. */
export type IndexRequest = IndexAsk & { id: number };

/** What it answers: nothing, the index's files, or why it failed. */
export interface IndexReply {
  id: number;
  files?: IndexFile[];
  error?: string;
}

/** Pagefind's index on its own thread. */
export class SearchIndexThread {
  readonly #worker: Worker;
  readonly #waiting = new Map<number, { resolve: (reply: IndexReply) => void; reject: (error: Error) => void }>();
  #next = 0;
  #failed: Error | undefined;

  constructor() {
    this.#worker = new Worker(new URL('./pagefind-worker.ts', import.meta.url));
    this.#worker.on('message', (reply: IndexReply) => {
      const waiting = this.#waiting.get(reply.id);
      this.#waiting.delete(reply.id);
      if (reply.error === undefined) waiting?.resolve(reply);
      else waiting?.reject(new Error(reply.error));
    });
    const fail = (error: Error) => {
      this.#failed ??= error;
      for (const waiting of this.#waiting.values()) waiting.reject(error);
      this.#waiting.clear();
    };
    this.#worker.on('error', (error) => fail(new Error('the search index could not be made', { cause: error })));
    this.#worker.on('exit', (code) => fail(new Error(`the search index's thread stopped (exit ${code})`)));
  }

  #ask(request: IndexAsk): Promise<IndexReply> {
    if (this.#failed) return Promise.reject(this.#failed);
    const id = this.#next++;
    return new Promise<IndexReply>((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#worker.postMessage({ ...request, id });
    });
  }

  /** Starts an index with these settings, dropping the one before, if any. */
  async start(settings: PagefindServiceConfig): Promise<void> {
    await this.#ask({ kind: 'start', settings });
  }

  /** Adds documents, after those added before. */
  async add(documents: IndexDocument[]): Promise<void> {
    await this.#ask({ kind: 'add', documents });
  }

  /** The index's files, made from every document added. */
  async files(): Promise<IndexFile[]> {
    return (await this.#ask({ kind: 'files' })).files ?? [];
  }

  /** Has Pagefind write the index's files into a folder. */
  async write(outputPath: string): Promise<void> {
    await this.#ask({ kind: 'write', outputPath });
  }

  /** Stops Pagefind and the thread. */
  async close(): Promise<void> {
    try {
      if (!this.#failed) await this.#ask({ kind: 'close' });
    } finally {
      this.#failed ??= new Error('the search index was closed');
      await this.#worker.terminate();
    }
  }
}
