import { defineConfig } from 'vitest/config';
import { SAMPLE_SKIPPED, hasSampleCase } from './sample-case.ts';

// The sample case's own tests run only when content/ is the sample case (tests/sample-case.ts).
const sample = hasSampleCase();
if (!sample) console.log(SAMPLE_SKIPPED);

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    // A guard against a hang, not a speed target (those are in npm run bench): the tests that start
    // the CLIs wait on the machine, and npm test runs them beside the lint and the builds.
    testTimeout: 60_000,
    // Two projects that run side by side: the unit tests, in memory, spread over every core; and
    // the build tests, one file at a time, because the Astro processes they start share the
    // project's .astro/ folder and content store (two builds of different content at once would
    // read each other's generated modules).
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          // Vitest's default on two cores is one worker (cores - 1); the unit tests share no files.
          maxWorkers: 2,
          // One worker process reused from file to file: starting one per file cost more than the
          // tests of most files. No test mocks modules or changes globals, so none leaks into the next.
          isolate: false,
          exclude: ['**/node_modules/**', ...(sample ? [] : ['tests/unit/sample-*.test.ts'])],
        },
      },
      {
        extends: true,
        test: { name: 'build', include: ['tests/build/**/*.test.ts'], fileParallelism: false },
      },
    ],
    // `npm test` measures coverage of src/lib and fails below these floors (measured at
    // 88 % of statements, 72 % of branches, 89 % of functions and 90 % of lines when they were set).
    coverage: {
      provider: 'v8',
      include: ['src/lib/**/*.ts'],
      reporter: ['text-summary'],
      thresholds: { statements: 85, branches: 70, functions: 85, lines: 87 },
    },
  },
});
