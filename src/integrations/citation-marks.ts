import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineHastPlugin, type PluginFactoryContext } from 'satteri';
import type { Element, ElementContent, Properties, RootContent } from 'hast';
import { splitInlineCitations } from '../lib/citations.ts';
import { citationMarkId, marksOf, sourceEntryId } from '../lib/citation-marks.ts';
import { currentCase } from '../reader/session.ts';

/**
 * The Markdown step (a hast plugin, after the sanitiser) that renders inline citations (`[@source-id, locator, "quote"]`, see
 * src/lib/citations.ts) in report and dossier bodies as numbered marks: superscript links to the
 * page's source list, each with a stable id (`cite-<source>`, `cite-<source>-2` …) the list links
 * back to, and the passage and locator in data attributes for the preview that opens on hover,
 * focus or tap (src/scripts/link-preview.ts). The numbers are those of the page's source list, read
 * from the case this build checked (`CaseModel.citationsOf`).
 */

/** How a document's page numbers its sources, from the document's file. */
export type Numbering = (file: URL) => ReadonlyMap<string, number>;

/** The numbering of the pages of the case under a content root, as this build checked it. */
export function caseNumbering(contentRoot: string): Numbering {
  return (file) => {
    const full = fileURLToPath(file);
    const id = `${path.basename(path.dirname(full))}/${path.basename(full).replace(/\.mdx?$/, '')}`;
    return new Map(
      currentCase(contentRoot)
        .model.citationsOf(id)
        .map((source, i) => [source, i + 1]),
    );
  };
}

/** Whether the document is a source's own page, which has no numbered source list to point at. */
function isSourceEntry(file: URL): boolean {
  return path.basename(path.dirname(fileURLToPath(file))) === 'sources';
}

/** Elements whose text is shown as written: a citation there is code, as the content check reads it. */
const VERBATIM = new Set(['code', 'pre', 'kbd', 'samp']);

/** The marks for one text node's citations, or undefined when it has none to draw. */
type Draw = (text: string) => ElementContent[] | undefined;

/** A copy of a list of nodes with the text outside code rewritten by `draw`. */
function rewriteText(nodes: readonly ElementContent[], draw: Draw): ElementContent[] {
  return nodes.flatMap((node): ElementContent[] => {
    if (node.type === 'element') {
      return [VERBATIM.has(node.tagName) ? node : { ...node, children: rewriteText(node.children, draw) }];
    }
    if (node.type !== 'text' || !node.value.includes('[@')) return [node];
    return draw(node.value) ?? [node];
  });
}

function element(tagName: string, properties: Properties, children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}

/**
 * The hast plugin (a factory: each document gets its own numbering and mark counter). It runs after
 * the sanitiser, so the marks' ids and data attributes are the site's (SITE_ADDITIONS in
 * src/lib/html-allowlist.ts), never an author's.
 */
export function citationMarksPlugin(numbering: Numbering) {
  return (ctx: PluginFactoryContext) => {
    const file = ctx.fileURL;
    if (!file || !ctx.source.includes('[@') || isSourceEntry(file)) return null;
    const numbers = numbering(file);
    const occurrences = new Map<string, number>();
    const draw: Draw = (text) => {
      const pieces = splitInlineCitations(text);
      if (!pieces.some((piece) => piece.kind === 'citation')) return undefined;
      const replacement: ElementContent[] = [];
      pieces.forEach((piece, i) => {
        if (piece.kind === 'text') {
          // The space an author leaves before `[@…]` is dropped: the mark sits on the word it follows.
          const next = pieces[i + 1];
          const value = next?.kind === 'citation' ? piece.text.replace(/\s+$/, '') : piece.text;
          if (value !== '') replacement.push({ type: 'text', value });
          return;
        }
        const marks = marksOf(piece.group.citations, numbers);
        // Only under `astro dev` with an unknown source: the build refuses it before rendering.
        if (marks.length === 0) {
          replacement.push({ type: 'text', value: piece.group.raw });
          return;
        }
        const children: ElementContent[] = [];
        marks.forEach(({ n, citation }, j) => {
          const occurrence = (occurrences.get(citation.source) ?? 0) + 1;
          occurrences.set(citation.source, occurrence);
          if (j > 0) children.push(element('span', { className: ['sep'] }, [{ type: 'text', value: ',' }]));
          children.push(
            element(
              'a',
              {
                href: `#${sourceEntryId(n)}`,
                className: ['cite-mark'],
                id: citationMarkId(citation.source, occurrence),
                ariaLabel: `source ${n}`,
                ...(citation.quote ? { dataQuote: citation.quote } : {}),
                ...(citation.locator ? { dataLocator: citation.locator } : {}),
              },
              [{ type: 'text', value: String(n) }],
            ),
          );
        });
        replacement.push(element('sup', { className: ['cite'] }, children));
      });
      return replacement;
    };
    return defineHastPlugin({
      name: 'casefile-citation-marks',
      before(root, context) {
        const children = rewriteText(root.children as ElementContent[], draw) as RootContent[];
        context.replaceNode(root, { ...root, children });
      },
    });
  };
}
