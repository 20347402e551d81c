import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './browser.ts';

/**
 * End-to-end tests run against production builds served by `astro preview`:
 * the sample case (dist/, port 4321) and the fixture case (dist-fixture/, port 4322).
 * `npm test` builds both first.
 */
const executablePath = chromiumExecutable();
const launchOptions = { args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) };
const astro = 'node node_modules/astro/bin/astro.mjs';
// Ports can be moved (CASEFILE_E2E_PORT) so two checkouts can run their suites side by side.
const samplePort = Number(process.env.CASEFILE_E2E_PORT ?? 4321);
const fixturePort = samplePort + 1;

export default defineConfig({
  testDir: './e2e',
  outputDir: '../test-results',
  fullyParallel: true,
  workers: 2,
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
      name: 'sample',
      testMatch: /sample\/.*\.spec\.ts/,
      use: { baseURL: `http://localhost:${samplePort}` },
    },
    {
      name: 'fixture',
      testMatch: /fixture\/.*\.spec\.ts/,
      use: { baseURL: `http://localhost:${fixturePort}` },
    },
  ],
  webServer: [
    {
      command: `${astro} preview --port ${samplePort} --ignore-lock`,
      url: `http://localhost:${samplePort}/`,
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
  ],
});
