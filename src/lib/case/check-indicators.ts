import { indicatorMatcher, type Indicator } from '../defang.ts';
import { isIndicatorKind } from '../schema/identities.ts';
import { inputId } from './entries.ts';
import { indicatorScanFields } from './prose.ts';
import type { ProblemLog } from './problem-log.ts';
import type { AnyCaseInput } from './types.ts';

/**
 * The check that keeps adversary infrastructure from going live: an indicator (an identity of kind
 * domain, url or email) may appear in prose and fields only defanged.
 */

/** An indicator, and the identity that declares it. */
interface DeclaredIndicator extends Indicator {
  /** The identity's id. */
  id: string;
}

/** The check of one input, and what it was built from (the same key, the same findings for the same input). */
export interface IndicatorCheck {
  /** Every indicator of the case, written out. */
  key: string;
  /** Logs every live indicator in an input's prose and fields. */
  check: (input: AnyCaseInput, log: ProblemLog) => void;
}

let last: IndicatorCheck | undefined;

/**
 * Builds the check from every identity, drafts included: a draft's domain must not leak either. The
 * last one is kept: `astro dev` checks the case again after each edit, and the indicators seldom change.
 */
export function indicatorCheck(all: Iterable<AnyCaseInput>): IndicatorCheck {
  const indicators: DeclaredIndicator[] = [];
  for (const input of all) {
    if (input.collection === 'identities' && isIndicatorKind(input.data.kind)) {
      indicators.push({ value: input.data.value, kind: input.data.kind, id: inputId(input) });
    }
  }
  const key = JSON.stringify(indicators);
  if (last?.key === key) return last;
  const byValue = new Map(indicators.map((indicator) => [indicator.value, indicator]));
  const find = indicatorMatcher(indicators);
  const check = (input: AnyCaseInput, log: ProblemLog) => {
    // Anywhere a reader could see them: the body and every frontmatter text.
    for (const text of indicatorScanFields(input)) {
      for (const found of find(text.text)) {
        const indicator = byValue.get(found.value);
        if (!indicator) continue;
        const as = found.text === indicator.value ? '' : ` as "${found.text}"`;
        const isLink = /(^|_)url$/.test(String(text.path.at(-1)));
        log.add(
          input,
          text.path,
          text.field,
          `the indicator "${indicator.value}" (${indicator.id}) appears live${as}; indicators are only ever shown defanged`,
          isLink
            ? `remove the link: it would send readers to the adversary's server (a source without url needs no_url_reason; write the address as ${found.defanged})`
            : `write ${found.defanged}, or link the identity with [[${indicator.id}]]`,
          text.lineOf(found.index),
        );
      }
    }
  };
  last = { key, check };
  return last;
}
