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

/** Builds the check from every identity, drafts included: a draft's domain must not leak either. */
export function indicatorCheck(all: Iterable<AnyCaseInput>): (input: AnyCaseInput, log: ProblemLog) => void {
  const indicators: DeclaredIndicator[] = [];
  for (const input of all) {
    if (input.collection === 'identities' && isIndicatorKind(input.data.kind)) {
      indicators.push({ value: input.data.value, kind: input.data.kind, id: inputId(input) });
    }
  }
  const byValue = new Map(indicators.map((indicator) => [indicator.value, indicator]));
  const find = indicatorMatcher(indicators);
  return (input, log) => {
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
}
