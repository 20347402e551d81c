/**
 * Phrases that speak to the project rather than to readers: the site's public voice never uses them.
 * The sample case's files are checked for them before a build (tests/unit/sample-case.test.ts) and
 * every built page and export after it (tests/e2e/sample/public-voice.spec.ts). Matched without
 * regard to case.
 */
export const INTERNAL_PHRASES = [
  'sample case',
  'our fact sheet',
  'fact sheet',
  'case-facts',
  'research-notes',
  'research notes',
  'casefile-research-notes',
  'src/lib',
  'the entry as a whole',
  "this case's material",
  'seed text',
  '../shared',
] as const;
