// @ts-check
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';

export default defineConfig(
  {
    ignores: [
      'dist/',
      'dist-*/',
      // Output set aside by a build while it is removed (src/integrations/output-folder.ts)
      '.*-previous-*/',
      '.astro/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'tests/bench/.work/',
      '.shot.mjs',
    ],
  },
  // Type-aware rules on TypeScript files (typescript-eslint's strict set). Astro components get the
  // plain rules: `astro check` type-checks them, and their template expressions have no types here.
  ...tseslint.configs.strict,
  ...tseslint.configs.strictTypeChecked.map((config) => ({ ...config, files: ['**/*.ts'] })),
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Numbers and booleans read well in messages; objects do not, and stay refused.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    // vitest's asymmetric matchers (expect.stringContaining …) are typed any.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  ...astro.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'Builds must be reproducible: no Math.random(). Use a seeded generator.',
        },
      ],
    },
  },
  {
    files: ['src/lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['astro:*'], message: 'src/lib is plain TypeScript: no astro:* imports.' }] },
      ],
    },
  },
);
