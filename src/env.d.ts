/**
 * What casefile adds to `import.meta.env`. CASEFILE_DEV_SERVER is true only in code `astro dev`
 * serves: src/integrations/case-check.ts defines it from Astro's own command, because Vite's DEV and
 * MODE follow the environment (NODE_ENV=test or MODE=test in a shell, a CI box or a test runner
 * would otherwise decide whether a build publishes drafts).
 */
interface ImportMetaEnv {
  /** Whether the page or script is served by `astro dev` (unset outside Astro, which reads as no). */
  readonly CASEFILE_DEV_SERVER: boolean | undefined;
}
