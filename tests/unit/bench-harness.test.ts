import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  buildScriptEnv,
  parseCasefileTimings,
  parseStarlightPagefind,
  scriptEnv,
  stagesOf,
} from '../bench/build-runner.ts';
import { gzipSize, measureOutput, measurePageAssets } from '../bench/output-size.ts';
import { kindOfRequest } from '../bench/browser-bench.ts';
import { formatBreakdown } from '../bench/report.ts';
import { removeSetAside, setAside } from '../bench/set-aside.ts';

const dist = mkdtempSync(path.join(tmpdir(), 'casefile-bench-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

/** Writes a file of the fake build. */
function put(file: string, text: string): string {
  mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
  writeFileSync(path.join(dist, file), text);
  return text;
}

const helper = put('_astro/helper.js', 'export const t=()=>1;'.repeat(20));
const dialog = put(
  '_astro/dialog.js',
  `import{t as e}from"./helper.js";document.addEventListener("keydown",()=>import(\`./search-ui.js\`));`,
);
const searchUi = put('_astro/search-ui.js', 'import"./helper.js";export const ui=1;'.repeat(50));
const css = put('_astro/base.css', 'body{color:red}'.repeat(30));
const inline = 'console.log(1)';
put(
  'people/li-wei/index.html',
  `<html><head><link rel="stylesheet" href="/_astro/base.css"><style>p{margin:0}</style></head><body>` +
    `<script type="module" src="/_astro/dialog.js"></script><script type="module">${inline}</script>` +
    `<script type="application/json">{"not":"code"}</script></body></html>`,
);
put('pagefind/pagefind.js', 'x'.repeat(100));
put('graph.json', '{"nodes":[]}');

describe('measurePageAssets', () => {
  const assets = measurePageAssets(dist, '/people/li-wei/');

  test('counts module scripts, inline scripts and what they import statically, gzipped', () => {
    expect(assets.jsFiles).toEqual(['/_astro/dialog.js', '/_astro/helper.js']);
    expect(assets.jsGzipBytes).toBe(gzipSize(dialog) + gzipSize(helper) + gzipSize(inline));
  });

  test('lists what loads only through import(), without what the page already has', () => {
    expect(assets.lazy).toEqual([{ file: '/_astro/search-ui.js', gzipBytes: gzipSize(searchUi) }]);
  });

  test('counts stylesheets and inline styles', () => {
    expect(assets.cssGzipBytes).toBe(gzipSize(css) + gzipSize('p{margin:0}'));
  });

  test('says when the build has no such page', () => {
    expect(measurePageAssets(dist, '/map/')).toMatchObject({ built: false, jsGzipBytes: 0 });
  });
});

describe('measureOutput', () => {
  test('adds up the output, its pages, the graph JSON and the search index', () => {
    const output = measureOutput(dist);
    expect(output.htmlPages).toBe(1);
    expect(output.files).toBe(7);
    expect(output.graphJson?.bytes).toBe(12);
    expect(output.searchIndex).toEqual({ bytes: 100, files: 1 });
  });
});

describe('build logs', () => {
  test('reads casefile’s stage lines, wall and CPU, adding repeated stages', () => {
    const timings = parseCasefileTimings(
      'casefile:timing case-check 900.5 ms cpu 800.0 ms\nother\ncasefile:timing case-check 100 ms cpu 50 ms\n' +
        'casefile:timing pagefind 2000.0 ms',
    );
    expect(Object.fromEntries(timings)).toEqual({ 'case-check': 1000.5, 'case-check:cpu': 850, pagefind: 2000 });
  });

  test('reads Starlight’s Pagefind line in seconds or milliseconds', () => {
    expect(parseStarlightPagefind('[starlight:pagefind] Finished building search index in 6.07s.')).toBe(6070);
    expect(parseStarlightPagefind('Finished building search index in 950ms.')).toBe(950);
    expect(parseStarlightPagefind('no search here')).toBeUndefined();
  });

  test('splits a build into stages, the rest being start-up and hooks', () => {
    const astro = new Map([
      ['Sync content layer', 2000],
      ['Prerender build', 1000],
      ['Client build', 200],
      ['Static generate', 5000],
      ['Total build', 10_000],
    ]);
    const stages = stagesOf(
      astro,
      new Map([
        ['case-check', 500],
        ['pagefind', 1000],
      ]),
      '',
    );
    expect(stages).toMatchObject({ caseCheck: 500, contentSync: 2000, bundling: 1200, pageRendering: 5000 });
    expect(stages.other).toBe(10_000 - 500 - 2000 - 1200 - 5000 - 1000);
  });
});

describe('a build script’s environment', () => {
  test.each([
    ['astro build', {}],
    ['A=0 B_2=x astro build', { A: '0', B_2: 'x' }],
    ['CASEFILE_INCREMENTAL=1 astro build --x Y=1', { CASEFILE_INCREMENTAL: '1' }],
    ['  A=  astro build', { A: '' }],
  ])('%s', (script, env) => {
    expect(scriptEnv(script)).toEqual(env);
  });

  test('is read from the project’s package.json', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'casefile-bench-script-'));
    try {
      writeFileSync(path.join(root, 'package.json'), JSON.stringify({ scripts: { build: 'X=1 astro build' } }));
      expect(buildScriptEnv(root)).toEqual({ X: '1' });
      writeFileSync(path.join(root, 'package.json'), JSON.stringify({ scripts: {} }));
      expect(buildScriptEnv(root)).toEqual({});
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('where a search’s bytes go', () => {
  test.each([
    ['http://h/pagefind/pagefind.js', 'Pagefind script'],
    ['http://h/base/pagefind/wasm.en.pagefind', 'Pagefind wasm'],
    ['http://h/pagefind/pagefind.en_77b8.pf_meta', 'Pagefind meta'],
    ['http://h/pagefind/pagefind-entry.json', 'Pagefind meta'],
    ['http://h/pagefind/index/en_8eac.pf_index', 'index chunks'],
    ['http://h/pagefind/filter/en_9e12.pf_filter', 'filter index'],
    ['http://h/pagefind/fragment/en_024e.pf_fragment', 'fragments'],
    ['http://h/search/names/g.json', 'name index'],
    ['http://h/_astro/quick-jump.Bx1.js', 'site scripts'],
    ['http://h/favicon.svg', 'other'],
  ])('%s is counted as %s', (url, kind) => {
    expect(kindOfRequest(url)).toBe(kind);
  });

  test('lists the kinds largest first, leaving out the empty ones', () => {
    expect(formatBreakdown({ fragments: 512, 'Pagefind wasm': 60 * 1024, 'filter index': 0 })).toBe(
      'Pagefind wasm 60.0 KB, fragments 0.5 KB',
    );
  });
});

describe('what a cold build clears', () => {
  test('is moved beside itself, each time under a new name, and removed only at the end', () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'casefile-aside-'));
    try {
      const out = path.join(parent, 'dist');
      const holder = path.join(parent, '.bench-set-aside');
      for (const round of ['first', 'second']) {
        mkdirSync(path.join(out, 'people'), { recursive: true });
        writeFileSync(path.join(out, 'people/index.html'), round);
        setAside(out);
        expect(existsSync(out)).toBe(false);
      }
      setAside(path.join(parent, 'absent'));
      expect(readdirSync(holder).sort()).toEqual(['dist-0', 'dist-1']);
      expect(readFileSync(path.join(holder, 'dist-1/people/index.html'), 'utf8')).toBe('second');
      removeSetAside();
      expect(readdirSync(parent)).toEqual([]);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });

  test('a set-aside folder an earlier run left is removed with this run’s', () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'casefile-aside-'));
    try {
      mkdirSync(path.join(parent, '.bench-set-aside/dist-0'), { recursive: true });
      setAside(path.join(parent, 'dist'));
      removeSetAside();
      expect(readdirSync(parent)).toEqual([]);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
