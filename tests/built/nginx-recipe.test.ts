import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freePort } from '../free-port.ts';
import { parseHeadersFile } from '../../src/lib/security-policy.ts';
import { ROOT, builtFiles } from '../e2e/built-site.ts';

/**
 * The README's nginx recipe, run for real: a real nginx (Debian's nginx-light, which .ci/run
 * installs) serves the built fixture with the very `server` block the README prints and the
 * headers snippet `npm run headers:nginx` writes, once under /case/ (dist-fixture-base, built for
 * that path) and once at the root (dist-fixture), as the README says to change it. A plain HTTP
 * client then checks pages, the 404 page and its status, the security headers, links under the base
 * path and Pagefind's index files. Skipped, saying so, where nginx is not installed.
 */

const NGINX = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'].find((file) => existsSync(file));
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** The README's nginx `server` block: the first ```nginx block after the "**nginx.**" paragraph. */
function readmeServerBlock(): string {
  const section = README.slice(README.indexOf('**nginx.**'));
  const block = /```nginx\n([\s\S]*?)```/.exec(section)?.[1];
  if (block === undefined) throw new Error('README.md: no ```nginx block after **nginx.**');
  return block;
}

/** One nginx serving one built site, from a folder of its own. */
interface Served {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** The base path the site sits under. */
  base: string;
  /** The headers the build's `_headers` file gives every path. */
  expectedHeaders: Map<string, string>;
  /** Stops nginx and removes its folder. */
  stop: () => Promise<void>;
}

/**
 * Starts nginx on a site built for `base`: the site linked in under the web root at the base path
 * (what the README's rsync does), the snippet written by `npm run headers:nginx`, and the README's
 * server block with its example paths replaced by this run's. For the root, `location /` and
 * `error_page 404 /404.html`, as the README says.
 */
async function serve(nginx: string, dist: string, base: string): Promise<Served> {
  const work = mkdtempSync(path.join(tmpdir(), 'casefile-nginx-'));
  const webRoot = path.join(work, 'www');
  mkdirSync(webRoot);
  const site = path.join(ROOT, dist);
  if (base === '/') symlinkSync(site, path.join(webRoot, 'site'));
  else symlinkSync(site, path.join(webRoot, base.replaceAll('/', '')));
  const root = base === '/' ? path.join(webRoot, 'site') : webRoot;

  const snippet = spawnSync(process.execPath, [path.join(ROOT, 'src/cli/nginx-headers.ts'), site], {
    encoding: 'utf8',
  });
  if (snippet.status !== 0) throw new Error(`npm run headers:nginx failed: ${snippet.stderr}`);
  const snippetFile = path.join(work, 'casefile-headers.conf');
  writeFileSync(snippetFile, snippet.stdout);

  const port = await freePort();
  const server = readmeServerBlock()
    .replace('server {', `server {\n  listen 127.0.0.1:${String(port)};`)
    .replace('root /var/www/html;', `root ${root};`)
    .replace('include snippets/casefile-headers.conf;', `include ${snippetFile};`)
    .replaceAll('/my-case/', base);
  const conf = [
    // As root, nginx's workers would run as nobody, who may not read the build folder.
    ...(process.getuid?.() === 0 ? ['user root;'] : []),
    'worker_processes 1;',
    `pid ${path.join(work, 'nginx.pid')};`,
    `error_log ${path.join(work, 'error.log')} warn;`,
    'events { worker_connections 64; }',
    'http {',
    '  include /etc/nginx/mime.types;',
    '  default_type application/octet-stream;',
    '  access_log off;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
      (kind) => `  ${kind}_temp_path ${path.join(work, `${kind}-temp`)};`,
    ),
    server,
    '}',
    '',
  ].join('\n');
  const confFile = path.join(work, 'nginx.conf');
  writeFileSync(confFile, conf);

  const test = spawnSync(nginx, ['-t', '-p', work, '-c', confFile], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`nginx -t refused the README's configuration:\n${test.stderr}\n${conf}`);
  const child: ChildProcess = spawn(nginx, ['-p', work, '-c', confFile, '-g', 'daemon off;'], { stdio: 'ignore' });
  const origin = `http://127.0.0.1:${String(port)}`;
  for (let attempt = 0; ; attempt++) {
    try {
      await fetch(`${origin}${base}`);
      break;
    } catch (error) {
      if (attempt > 100 || child.exitCode !== null) {
        throw new Error(`nginx did not start: ${readFileSync(path.join(work, 'error.log'), 'utf8')}`, { cause: error });
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  const expectedHeaders = new Map(
    parseHeadersFile(readFileSync(path.join(site, '_headers'), 'utf8')).map((header) => [
      header.name.toLowerCase(),
      header.value,
    ]),
  );
  return {
    origin,
    base,
    expectedHeaders,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGQUIT');
      await exited;
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/** Every site-relative address a page links or loads (href, src), without its fragment. */
function addressesOf(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="(\/[^"#]*)/g)].map((match) => (match[1] ?? '').replace(/&amp;/g, '&'));
}

const sites = [
  { dist: 'dist-fixture-base', base: '/case/' },
  { dist: 'dist-fixture', base: '/' },
];

describe.skipIf(NGINX === undefined)('the README’s nginx recipe, served by nginx', () => {
  describe.each(sites)('$dist under $base', ({ dist, base }) => {
    let served: Served;
    beforeAll(async () => {
      if (!existsSync(path.join(ROOT, dist, '_headers')))
        throw new Error(`${dist}/ is not built: npm run build:fixture`);
      served = await serve(NGINX ?? 'nginx', dist, base);
    });
    afterAll(async () => {
      await served.stop();
    });

    test('serves the home page and a dossier as HTML', async () => {
      const home = await fetch(`${served.origin}${base}`);
      expect(home.status).toBe(200);
      expect(home.headers.get('content-type')).toMatch(/^text\/html/);
      const dossier = await fetch(`${served.origin}${base}people/li-wei/`);
      expect(dossier.status).toBe(200);
      expect(await dossier.text()).toContain('<h1');
    });

    test('sends a dossier asked for without its slash on to the address with it', async () => {
      const response = await fetch(`${served.origin}${base}people/li-wei`, { redirect: 'manual' });
      expect(response.status).toBe(301);
      expect(new URL(response.headers.get('location') ?? '', served.origin).pathname).toBe(`${base}people/li-wei/`);
    });

    test('answers an unknown address with status 404 and the site’s own 404 page', async () => {
      const response = await fetch(`${served.origin}${base}people/nobody-here/`);
      expect(response.status).toBe(404);
      const html = await response.text();
      expect(html).toContain('No page here');
      expect(html).toContain(`href="${base}search/"`);
    });

    test('sends the security headers of _headers with pages, data and the 404 page', async () => {
      expect([...served.expectedHeaders.keys()].sort()).toEqual([
        'content-security-policy',
        'permissions-policy',
        'referrer-policy',
        'x-content-type-options',
        'x-frame-options',
      ]);
      for (const address of [base, `${base}people/li-wei/`, `${base}map.json`, `${base}no-such-page/`]) {
        const response = await fetch(`${served.origin}${address}`);
        for (const [name, value] of served.expectedHeaders)
          expect(response.headers.get(name), `${address} ${name}`).toBe(value);
      }
      const page = await fetch(`${served.origin}${base}`);
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
      expect(page.headers.get('x-frame-options')).toBe('DENY');
      expect(page.headers.get('referrer-policy')).toBe('no-referrer');
      expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    });

    test('every page reached from the home page links only under the base path, and every link answers', async () => {
      const seen = new Set<string>([base]);
      const queue = [base];
      const failures: string[] = [];
      while (queue.length > 0) {
        const address = queue.shift() ?? base;
        const response = await fetch(`${served.origin}${address}`, { redirect: 'manual' });
        if (response.status !== 200) failures.push(`${address}: ${String(response.status)}`);
        if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) continue;
        for (const link of addressesOf(await response.text())) {
          if (!link.startsWith(base)) failures.push(`${address} links ${link}, outside ${base}`);
          else if (!seen.has(link)) {
            seen.add(link);
            queue.push(link);
          }
        }
      }
      expect(failures).toEqual([]);
      // The fixture has some thirty pages, each with its styles, scripts, data and images.
      expect(seen.size).toBeGreaterThan(40);
    });

    test('serves Pagefind’s script, entry, WebAssembly and every index and fragment file, byte for byte', async () => {
      const files = builtFiles(dist, 'pagefind');
      expect(files).toContain('pagefind/pagefind.js');
      expect(files).toContain('pagefind/pagefind-entry.json');
      expect(files.filter((file) => file.startsWith('pagefind/index/')).length).toBeGreaterThan(0);
      expect(files.filter((file) => file.startsWith('pagefind/fragment/')).length).toBeGreaterThan(0);
      expect(files.filter((file) => /^pagefind\/wasm\.[a-z]+\.pagefind$/.test(file)).length).toBeGreaterThan(0);
      const failures: string[] = [];
      for (const file of files) {
        const response = await fetch(`${served.origin}${base}${file}`);
        const body = Buffer.from(await response.arrayBuffer());
        if (response.status !== 200 || !body.equals(readFileSync(path.join(ROOT, dist, file))))
          failures.push(`${file}: ${String(response.status)}`);
      }
      expect(failures).toEqual([]);
      const script = await fetch(`${served.origin}${base}pagefind/pagefind.js`);
      expect(script.headers.get('content-type')).toMatch(/^application\/javascript/);
    });
  });
});

test.skipIf(NGINX !== undefined)('nginx is not installed: the README’s nginx recipe was not run', () => {
  console.warn(
    'nginx not found (/usr/sbin/nginx): tests/built/nginx-recipe.test.ts skipped; apt-get install nginx-light',
  );
});
