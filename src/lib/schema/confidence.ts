/**
 * The confidence scale every relationship is graded on, strongest first, and the one rule that assigns
 * a grade. The rule is written here once: the "How we grade" page, the legends and tooltips, the JSON
 * export and the STIX export all read it from this file.
 *
 * A grade says how well the claim is checked, not how serious it is: what decides it is who checked
 * it, and whether they did so independently of each other.
 */

/** Confidence levels, strongest first. */
export const CONFIDENCE_LEVELS = ['confirmed', 'high', 'moderate', 'low', 'unverified'] as const;

/** One confidence level. */
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

/** The three confidence levels of ICD 203, the US intelligence community's analytic standard. */
export type Icd203Confidence = 'high confidence' | 'moderate confidence' | 'low confidence';

/** How one level reads, draws and exports. */
export interface ConfidenceInfo {
  /** The word shown on pages. */
  label: string;
  /** What the level means, in one plain sentence, for legends and tooltips. */
  meaning: string;
  /** The rule that puts a claim at this level, as the "How we grade" page states it. */
  rule: string;
  /** The ICD 203 confidence level this grade corresponds to. */
  icd203: Icd203Confidence;
  /** Canvas/SVG dash pattern in pixels at scale 1; empty for a solid line. */
  dash: readonly number[];
  /**
   * The STIX 2.1 `confidence` value (0–100) used in exports. Each lies in the band of the STIX 2.1
   * "None / Low / Med / High" scale (Appendix A) that matches `icd203`: High 70–100, Med 30–69, Low 1–29.
   */
  stix: number;
}

/** Meaning, rule, mappings and style of each level. */
export const CONFIDENCE_INFO: Readonly<Record<Confidence, ConfidenceInfo>> = {
  confirmed: {
    label: 'confirmed',
    meaning: 'Two independent sources each checked it; or it is an official act and its own record.',
    rule:
      'Two sources that are independent of each other each checked the claim for themselves: one found it, the ' +
      'other verified it, or both reached it by their own work. For the fact that an official act took place ' +
      '(a charge brought, a sanction imposed) the official record of that act is enough, because it is the act. ' +
      'It confirms that the act happened, never what the act alleges.',
    icd203: 'high confidence',
    dash: [],
    stix: 95,
  },
  high: {
    label: 'high confidence',
    meaning: 'One reliable source checked it itself, or states it on its own authority; no second check.',
    rule:
      'One reliable, named source checked the claim itself (its own analysis, its own observation, a record it ' +
      'examined) or states it on its own authority, not as something another told it; and nothing in our sources ' +
      'contradicts it. What an indictment alleges is graded high at most: it rests on an investigation, but no ' +
      'court has tested it.',
    icd203: 'high confidence',
    dash: [10, 3],
    stix: 80,
  },
  moderate: {
    label: 'moderate confidence',
    meaning: 'One source’s claim that a reliable source passes on or partly supports, but nobody checked in full.',
    rule:
      'One source makes the claim, and a second, reliable source passes it on without doubting it or supports ' +
      'part of it, but nobody says they checked the claim itself. A source’s own finding that it states with a ' +
      'hedge (“appears to”) is also moderate.',
    icd203: 'moderate confidence',
    dash: [6, 4],
    stix: 50,
  },
  low: {
    label: 'low confidence',
    meaning: 'A suggestion, not a finding: an inference from a pattern, with no specific evidence.',
    rule:
      'A suggestion rather than a finding: an inference a source draws from a pattern, a suspicion it gives no ' +
      'specific evidence for, or circumstantial evidence the source itself calls inconclusive. Our own ' +
      'inferences are graded low at most (see below).',
    icd203: 'low confidence',
    dash: [3, 4],
    stix: 25,
  },
  unverified: {
    label: 'unverified',
    meaning: 'One source’s claim that nobody else checked, or that the source passing it on could not confirm.',
    rule:
      'One source’s claim that nobody else checked: it stands on that source alone, or the source that passes it ' +
      'on says it could not confirm it, or looked for it and found nothing.',
    icd203: 'low confidence',
    dash: [1, 4],
    stix: 10,
  },
};

/** The words that open the note of a relationship that is our own reading of the sources. */
export const INFERENCE_MARK = 'Our inference:';

/**
 * The rule for our own inferences: a link no source states, drawn by us from what sources do state.
 * It is graded low at most, and never above the weakest statement it is drawn from.
 */
export const INFERENCE_RULE =
  `When a relationship is our reading of the sources rather than something a source says, its note begins ` +
  `“${INFERENCE_MARK}”, names the statements it is drawn from, and it is graded low at most, and never higher ` +
  `than the weakest of those statements.`;

/** The strongest grade an inference of our own may carry. */
export const INFERENCE_CEILING: Confidence = 'low';

/** The site path of the page that sets out the rule, without the site's base. */
export const GRADING_PAGE = '/how-we-grade/';

/** The site path of one grade's entry on the grading page, e.g. `/how-we-grade/#moderate`. */
export function gradePath(level: Confidence): string {
  return `${GRADING_PAGE}#${level}`;
}

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
