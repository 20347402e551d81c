/**
 * The confidence scale every relationship is graded on, strongest first. The words follow the seeds'
 * own usage: confirmed means a second, independent source verified it; unverified means one source
 * claims it and nobody has corroborated it.
 */

/** Confidence levels, strongest first. */
export const CONFIDENCE_LEVELS = ['confirmed', 'high', 'moderate', 'low', 'unverified'] as const;

/** One confidence level. */
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

/** How one level reads and draws. */
export interface ConfidenceInfo {
  /** The word shown on pages. */
  label: string;
  /** What the level means, in plain language, for legends and tooltips. */
  meaning: string;
  /** Canvas/SVG dash pattern in pixels at scale 1; empty for a solid line. */
  dash: readonly number[];
  /** The STIX 2.1 confidence value (0–100) used in exports. */
  stix: number;
}

/** Meaning and style of each level. */
export const CONFIDENCE_INFO: Readonly<Record<Confidence, ConfidenceInfo>> = {
  confirmed: {
    label: 'confirmed',
    meaning: 'Verified independently by a second source.',
    dash: [],
    stix: 95,
  },
  high: {
    label: 'high confidence',
    meaning: 'Well supported by a reliable source; no independent verification yet.',
    dash: [10, 3],
    stix: 80,
  },
  moderate: {
    label: 'moderate confidence',
    meaning: 'Plausible and sourced, with gaps a careful reader should know about.',
    dash: [6, 4],
    stix: 50,
  },
  low: {
    label: 'low confidence',
    meaning: 'Suggested by the material, but thin or circumstantial.',
    dash: [3, 4],
    stix: 25,
  },
  unverified: {
    label: 'unverified',
    meaning: 'Claimed by one source and not corroborated by anyone else.',
    dash: [1, 4],
    stix: 10,
  },
};

/** True when a string is a confidence level. */
export function isConfidence(value: string): value is Confidence {
  return (CONFIDENCE_LEVELS as readonly string[]).includes(value);
}

/** Rank of a level: 0 for confirmed, growing as confidence falls. */
export function confidenceRank(level: Confidence): number {
  return CONFIDENCE_LEVELS.indexOf(level);
}

/** True when `level` is at least as strong as `minimum`. */
export function meetsConfidence(level: Confidence, minimum: Confidence): boolean {
  return confidenceRank(level) <= confidenceRank(minimum);
}
