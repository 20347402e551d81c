import type { SessionApi } from './session.ts';

/**
 * The process's case session (src/reader/session.ts) for the code Vite loads: the content loaders
 * and the pages. The config has already loaded that module (Node loads it, with the whole reader
 * and checker behind it), and its state is the process's anyway. Importing it here as well made
 * Vite transform the reader and the checker again in each of its module graphs (60-odd modules,
 * even behind a dynamic import: Astro's dev server transforms every import it finds while it
 * gathers a page's styles), about a tenth of the work `astro dev` does before its first dossier.
 */
export function caseSession(): SessionApi {
  const session = globalThis.casefileSession;
  if (!session) {
    throw new Error(
      'the case session is not loaded: import src/reader/session.ts before the pages or loaders (astro.config.mjs does, through src/integrations/case-check.ts)',
    );
  }
  return session;
}
