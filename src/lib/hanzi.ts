/**
 * Hanzi in mixed text. Pagefind segments Chinese only inside elements marked `lang="zh"`, and
 * browsers pick CJK fonts and line breaking from the same attribute, so every run of hanzi on a page
 * is wrapped in a span that says so.
 */

const HAN = /\p{Script=Han}/u;

// A run starts with a Han character and takes in CJK punctuation, full-width forms, digits and
// hyphens that follow it, and spaces only when more hanzi come after them, so an address such as
// 天津市河西区解放南路中段西侧富裕大厦1-1906 stays one run while "高强 and" splits before "and".
const HAN_RUN = /\p{Script=Han}(?:[\p{Script=Han}\u3000-\u303f\uff00-\uffef0-9\-·]|\s+(?=\p{Script=Han}))*/gu;

/** True when the text contains at least one Han character. */
export function hasHanzi(text: string): boolean {
  return HAN.test(text);
}

/** A piece of mixed text: Latin (or other) text, or a run of hanzi. */
export interface ScriptRun {
  /** The text of the run. */
  text: string;
  /** `zh` for a run of hanzi, undefined for the rest. */
  lang: 'zh' | undefined;
}

/** Splits mixed text into runs, marking the hanzi ones. */
export function splitHanziRuns(text: string): ScriptRun[] {
  const runs: ScriptRun[] = [];
  let cursor = 0;
  for (const match of text.matchAll(HAN_RUN)) {
    if (match.index > cursor) runs.push({ text: text.slice(cursor, match.index), lang: undefined });
    runs.push({ text: match[0], lang: 'zh' });
    cursor = match.index + match[0].length;
  }
  if (cursor < text.length) runs.push({ text: text.slice(cursor), lang: undefined });
  return runs;
}

/** The language to declare for a native name: the author's choice, else zh for hanzi. */
export function nativeLang(native: string, declared: string | undefined): string | undefined {
  return declared ?? (hasHanzi(native) ? 'zh' : undefined);
}
