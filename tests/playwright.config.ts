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

export default defineConfig({
  testDir: './e2e',
  outputDir: '../test-results',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    ...devices['Desktop Chrome'],
    launchOptions,
    trace: 'off',
  },
  projects: [
    {
      name: 'sample',
      testMatch: /sample\/.*\.spec\.ts/,
      use: { baseURL: 'http://localhost:4321' },
    },
    {
      name: 'fixture',
      testMatch: /fixture\/.*\.spec\.ts/,
      use: { baseURL: 'http://localhost:4322' },
    },
  ],
  webServer: [
    {
      command: `${astro} preview --port 4321 --ignore-lock`,
      url: 'http://localhost:4321/',
      reuseExistingServer: false,
      cwd: '..',
      timeout: 60_000,
    },
    {
      command: `${astro} preview --port 4322 --ignore-lock`,
      url: 'http://localhost:4322/',
      reuseExistingServer: false,
      cwd: '..',
      env: { CASEFILE_OUT: 'dist-fixture' },
      timeout: 60_000,
    },
  ],
});
