/**
 * The bodies Astro's content sync rendered in this build, by entry id (`people/gao-qiang`), for the
 * search index to foresee the bodies of the pages a rebuild renders (src/integrations/pagefind.ts).
 * The loader (src/reader/loader.ts) renders a changed Markdown entry while the content syncs, before
 * the build starts, and its page shows that HTML as it is; the loader runs in another module graph of
 * the same process, so the bodies sit on the global object, as the rebuild plan does
 * (src/integrations/rebuild-plan.ts). Nothing is collected unless `collectRenderedBodies` was called.
 */

declare global {
  /** The bodies rendered by this process's content sync, when the search index asked for them. */
  var casefileRenderedBodies: Map<string, string> | undefined;
}

/** Starts collecting the bodies the content sync renders (again: anything collected before is dropped). */
export function collectRenderedBodies(): void {
  globalThis.casefileRenderedBodies = new Map();
}

/** Notes the HTML the content sync rendered for an entry's body, if bodies are being collected. */
export function noteRenderedBody(id: string, html: string): void {
  globalThis.casefileRenderedBodies?.set(id, html);
}

/** The bodies collected so far, and stops collecting. */
export function takeRenderedBodies(): ReadonlyMap<string, string> {
  const bodies = globalThis.casefileRenderedBodies ?? new Map<string, string>();
  globalThis.casefileRenderedBodies = undefined;
  return bodies;
}
