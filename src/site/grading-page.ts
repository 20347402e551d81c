import type { Confidence } from '../lib/schema/confidence.ts';

/**
 * Where a grade's meaning is explained: the "How we grade" page, one anchor per grade, when the site
 * has it; until then the About page's confidence section. Known when the pages are bundled.
 */
const hasGradingPage = Object.keys(import.meta.glob('../pages/how-we-grade.astro')).length > 0;

/** The site path (without base) that explains a grade. */
export function gradePath(level: Confidence): string {
  return hasGradingPage ? `/how-we-grade/#${level}` : '/about/#confidence';
}

/** The site path (without base) of the page that explains the grades. */
export const GRADING_PATH = hasGradingPage ? '/how-we-grade/' : '/about/#confidence';
