import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freePort } from '../free-port.ts';

/**
 * The development server shows drafts (authors review them there) and says plainly that search
 * needs a build. Production builds leaving drafts out is checked on the built site (e2e).
 */

const root = path.resolve(import.meta.dirname, '../..');
const astro = path.join(root, 'node_modules/astro/bin/astro.mjs');
let server: ChildProcess | undefined;
let origin = '';

/** The environment without vitest's own variables, under which Astro would not serve over HTTP. */
function serverEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'NODE_ENV' && key !== 'TEST'),
  );
}

beforeAll(async () => {
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [astro, 'dev', '--ignore-lock', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: root,
    env: { ...serverEnv(), CASEFILE_CONTENT: 'tests/fixtures/basic', NO_COLOR: '1' },
    stdio: 'pipe',
  });
  let output = '';
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${origin}/`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || server.exitCode !== null) throw new Error(`astro dev did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}, 70_000);

afterAll(() => {
  server?.kill();
});

describe('astro dev', () => {
  test('renders a draft, marked as one', async () => {
    const response = await fetch(`${origin}/people/hidden-person/`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('CASEFILE-DRAFT-MARKER-7f3a');
    expect(html).toContain('Draft: shown by the development server only');
  }, 30_000);

  test('serves the data files the build writes, from the case as it is (drafts included)', async () => {
    const record = await fetch(`${origin}/people/hidden-person.json`);
    expect(record.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await record.json()).toMatchObject({ id: 'people/hidden-person' });
    const csv = await fetch(`${origin}/exports/evidence.csv`);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect((await csv.text()).split('\n')[0]).toContain('relationship');
    const graph = (await (await fetch(`${origin}/graph.json`)).json()) as { nodes: { id: string[] } };
    expect(graph.nodes.id).toContain('people/hidden-person');
    expect((await fetch(`${origin}/people/nobody.json`)).status).toBe(404);
  }, 30_000);

  test('says that search needs a build', async () => {
    const html = await (await fetch(`${origin}/search/`)).text();
    expect(html).toContain('Search works on a built site');
  }, 30_000);
});
