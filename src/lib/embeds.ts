import { ENTITY_TYPES } from './schema/entity-types.ts';
import type { BodyFacts, JsxUse, LiteralValue } from './body-tree.ts';

/**
 * The site's components a report may embed in its MDX body, with the entries they point at:
 * `<GraphFocus entities={["people/gao-qiang"]} />` and `<MapFocus locations={["locations/x"]} />`.
 * The checker resolves these ids like wikilinks, so a renamed entity breaks the build, not the page.
 *
 * A report is MDX, and MDX is code run at build time. So a report may use these components, with
 * literal props, and nothing else that runs: no import or export, no `{expression}`, no other element.
 */

/** The embeddable components, the prop that carries their ids, and the collections those ids name. */
export const EMBEDS = {
  GraphFocus: { prop: 'entities', collections: ENTITY_TYPES },
  MapFocus: { prop: 'locations', collections: ['locations'] },
} as const satisfies Record<string, { prop: string; collections: readonly string[] }>;

/** An embedding component's name. */
export type EmbedName = keyof typeof EMBEDS;

/** True when a JSX name is one of the site's components. */
export function isEmbedName(name: string | undefined): name is EmbedName {
  return name !== undefined && Object.hasOwn(EMBEDS, name);
}

/** One embed found in a body. */
export interface Embed {
  /** Component name. */
  component: EmbedName;
  /** The ids listed in its id prop, as written. */
  ids: string[];
  /** Its line in the file. */
  line: number;
}

/** The strings of a literal list prop (anything else lists nothing). */
function stringsOf(value: LiteralValue | undefined): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** Every embed of the site's components in a body, with the ids in its id prop. */
export function findEmbeds(jsx: readonly JsxUse[]): Embed[] {
  return jsx.flatMap((use) => {
    if (!isEmbedName(use.name)) return [];
    const prop = EMBEDS[use.name].prop;
    return [{ component: use.name, ids: stringsOf(use.props.find((p) => p.name === prop)?.value), line: use.line }];
  });
}

/** Something in a report's MDX that would run code other than the site's components. */
export interface ScriptProblem {
  /** Its line in the file. */
  line: number;
  /** What is wrong. */
  message: string;
  /** How to fix it. */
  fix: string;
}

const COMPONENTS = Object.keys(EMBEDS).join(', ');

/** The MDX in a report that is not the site's components with literal props. */
export function scriptProblems(facts: BodyFacts): ScriptProblem[] {
  const problems: ScriptProblem[] = [];
  for (const script of facts.scripts) {
    if (script.kind === 'esm') {
      problems.push({
        line: script.line,
        message: `import and export statements run code at build time: "${script.value.split('\n')[0] ?? ''}"`,
        fix: `remove it; the site's components (${COMPONENTS}) need no import`,
      });
    } else if (!/^\s*(\/\*[\s\S]*?\*\/\s*)*$/.test(script.value)) {
      problems.push({
        line: script.line,
        message: `{${script.value.trim()}} is a JavaScript expression, run at build time`,
        fix: 'write it as text; a literal brace is written \\{',
      });
    }
  }
  for (const use of facts.jsx) {
    if (!isEmbedName(use.name)) {
      problems.push({
        line: use.line,
        message: `<${use.name ?? ''}> is not one of the site's components`,
        fix: `use Markdown, or one of ${COMPONENTS}`,
      });
      continue;
    }
    for (const prop of use.props) {
      if (prop.problem === undefined) continue;
      problems.push({
        line: use.line,
        message: `<${use.name}${prop.name ? ` ${prop.name}` : ''}>: ${prop.problem}`,
        fix: 'give props as literals: strings, numbers, true/false, or lists of them, e.g. entities={["people/gao-qiang"]}',
      });
    }
  }
  return problems;
}
