import type { IndicatorKind } from '../defang.ts';
import type { AdversaryIndicators } from './indicators.ts';

/**
 * What the published-output check reports, and the one file under check that every rule adds its
 * findings to.
 */

/** An indicator the published site must never carry live. */
export interface PublishedIndicator {
  /** The plain value, as its identity gives it. */
  value: string;
  /** Domain, URL or email. */
  kind: IndicatorKind;
  /** The identity it comes from, `identities/slug`. */
  id: string;
}

/** What kind of harm a finding is. */
export type FindingKind =
  | 'live-indicator'
  | 'indicator-in-text'
  | 'unsafe-scheme'
  | 'element'
  | 'attribute'
  | 'redirect'
  | 'script'
  | 'rel'
  | 'third-party';

/** One thing wrong with a published file. */
export interface PublishedFinding {
  /** The file, relative to the output folder. */
  file: string;
  /** What kind of harm it is. */
  kind: FindingKind;
  /** What is wrong, in words. */
  message: string;
  /** What the author should do. */
  fix: string;
  /** The indicator involved, for indicator findings. */
  indicator?: PublishedIndicator | undefined;
  /** What to look for in the content to find where it came from: a value, a scheme, a tag. */
  trace: string;
}

/** Settings of a check. */
export interface PublishedCheckOptions {
  /** The site's public address with its base path, e.g. https://casefile.example/. */
  site: string;
  /** The indicators of the case, drafts' included. */
  indicators: readonly PublishedIndicator[];
}

/** One built file under check: where it is published, what to look for, and what was found. */
export interface FileCheck {
  /** The file, relative to the output folder. */
  readonly file: string;
  /** The address the file is published at, against which its relative addresses resolve. */
  readonly page: URL;
  /** The site's own address: what is on its origin is the site's. */
  readonly site: URL;
  /** The site's origin, as `site.origin` gives it (a getter that builds the string each time). */
  readonly siteOrigin: string;
  /**
   * Whether the page is on the site's origin, a web origin that is no indicator's host: then an
   * address that keeps the page's origin can carry no finding, and is not parsed.
   */
  readonly originSafe: boolean;
  /** The case's indicators. */
  readonly indicators: AdversaryIndicators;
  /** Findings so far, in document order. */
  readonly findings: PublishedFinding[];
}
