import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * A plain static file server for a built site, as a static host serves it: text (HTML, scripts,
 * styles, JSON, SVG) gzipped when the browser accepts it, as GitHub Pages, Netlify or Cloudflare
 * Pages do, other files as they are (Pagefind's index files are compressed already); directories
 * through their index.html, 404.html for what is missing. The benchmark serves casefile and the
 * baselines the same way, on loopback only, so "bytes fetched" is what a reader would download.
 */

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** Types compressed on the way out. */
const COMPRESSED = /^(text\/|application\/(json|xml)|image\/svg)/;

/** A running server. */
export interface StaticServer {
  /** Its origin, e.g. http://127.0.0.1:4855. */
  url: string;
  /** Stops it. */
  stop: () => Promise<void>;
}

/** Serves `root` on 127.0.0.1:`port` until stopped. */
export function serveStatic(root: string, port: number): Promise<StaticServer> {
  const gzipped = new Map<string, Buffer>();
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    let file = path.join(root, path.normalize(pathname));
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!pathname.endsWith('/')) {
        response.writeHead(301, { location: `${pathname}/` }).end();
        return;
      }
      file = path.join(file, 'index.html');
    }
    const found = existsSync(file) && statSync(file).isFile();
    const served = found ? file : path.join(root, '404.html');
    if (!existsSync(served)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const type = TYPES[path.extname(served)] ?? 'application/octet-stream';
    if (COMPRESSED.test(type) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
      let body = gzipped.get(served);
      if (!body) gzipped.set(served, (body = gzipSync(readFileSync(served))));
      response.writeHead(found ? 200 : 404, {
        'content-type': type,
        'content-encoding': 'gzip',
        'content-length': body.length,
        vary: 'accept-encoding',
      });
      response.end(body);
      return;
    }
    response.writeHead(found ? 200 : 404, { 'content-type': type, 'content-length': statSync(served).size });
    createReadStream(served).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${port}`,
        stop: () => new Promise((done) => server.close(() => done())),
      }),
    );
  });
}
