import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './browser.ts';
import { SAMPLE_SKIPPED, hasSampleCase } from './sample-case.ts';

/**
 * End-to-end tests run against production builds served by `astro preview`:
 * - `content`: the engine's guarantees over the built content/, whatever case it holds (dist/);
 * - `sample`: the sample case's own pages and facts, only when content/ is the sample case;
 * - `fixture`: the fixture case (dist-fixture/);
 * - `base`: the fixture built for https://reports.example.org/case/ (dist-fixture-base/), served
 *   under /case/, as a host with a base path serves it;
 * - `fork`: what the fork test (tests/fork/run.ts) checks of its own case, in its copy only.
 * `npm test` builds them first.
 */
const executablePath = chromiumExecutable();
const launchOptions = { args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) };
const astro = 'node node_modules/astro/bin/astro.mjs';
// Ports can be moved (CASEFILE_E2E_PORT) so two checkouts can run their suites side by side.
const contentPort = Number(process.env.CASEFILE_E2E_PORT ?? 4321);
const fixturePort = contentPort + 1;
const basePort = contentPort + 2;
/** The base path the fixture is built under for the `base` project (package.json: build:fixture:base). */
const FIXTURE_BASE = '/case/';
const sample = hasSampleCase();
if (!sample) console.log(SAMPLE_SKIPPED);
const fork = process.env.CASEFILE_FORK_TEST === '1';

export default defineConfig({
  testDir: './e2e',
  outputDir: '../test-results',
  fullyParallel: true,
  // More workers than cores: a browser test waits on frames, timers and the network for much of its time.
  workers: Number(process.env.CASEFILE_E2E_WORKERS ?? 2),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    launchOptions,
    trace: 'off',
  },
  projects: [
    {
      name: 'content',
      testMatch: /content\/.*\.spec\.ts/,
      use: { baseURL: `http://localhost:${contentPort}` },
    },
    ...(sample
      ? [{ name: 'sample', testMatch: /sample\/.*\.spec\.ts/, use: { baseURL: `http://localhost:${contentPort}` } }]
      : []),
    {
      name: 'fixture',
      testMatch: /fixture\/.*\.spec\.ts/,
      use: { baseURL: `http://localhost:${fixturePort}` },
    },
    {
      name: 'base',
      testMatch: /base\/.*\.spec\.ts/,
      // With a trailing slash, so that page.goto('graph/') resolves under the base path.
      use: { baseURL: `http://localhost:${basePort}${FIXTURE_BASE}` },
    },
    ...(fork
      ? [
          {
            name: 'fork',
            testDir: './fork',
            testMatch: /\.spec\.ts$/,
            use: { baseURL: `http://localhost:${contentPort}` },
          },
        ]
      : []),
  ],
  webServer: [
    {
      command: `${astro} preview --port ${contentPort} --ignore-lock`,
      url: `http://localhost:${contentPort}/`,
      reuseExistingServer: false,
      cwd: '..',
      timeout: 60_000,
    },
    {
      command: `${astro} preview --port ${fixturePort} --ignore-lock`,
      url: `http://localhost:${fixturePort}/`,
      reuseExistingServer: false,
      cwd: '..',
      env: { CASEFILE_OUT: 'dist-fixture' },
      timeout: 60_000,
    },
    {
      command: `${astro} preview --port ${basePort} --ignore-lock`,
      url: `http://localhost:${basePort}${FIXTURE_BASE}`,
      reuseExistingServer: false,
      cwd: '..',
      env: { CASEFILE_OUT: 'dist-fixture-base', CASEFILE_BASE: FIXTURE_BASE },
      timeout: 60_000,
    },
  ],
});
