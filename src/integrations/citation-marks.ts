import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineMdastPlugin, type MdastContent, type PluginFactoryContext } from 'satteri';
import { splitInlineCitations } from '../lib/citations.ts';
import { bodyCitationNumbers, citationMarkId, marksOf, sourceEntryId } from '../lib/citation-marks.ts';

/**
 * The Markdown step that renders inline citations (`[@source-id, locator, "quote"]`, see
 * src/lib/citations.ts) in report and dossier bodies as numbered marks: superscript links to the
 * page's source list, each with a stable id (`cite-<source>`, `cite-<source>-2` …) the list links
 * back to, and the passage and locator in data attributes for the preview that opens on hover,
 * focus or tap (src/scripts/link-preview.ts). The numbers are those of the page's source list; see
 * src/lib/citation-marks.ts for why the entry's own file is enough to know them.
 */

/** What the factory reads from the document Astro hands over. */
function frontmatterOf(ctx: PluginFactoryContext): unknown {
  const astro = (ctx.data as { astro?: { frontmatter?: unknown } }).astro;
  return astro?.frontmatter;
}

/** Whether the document is a source's own page, which has no numbered source list to point at. */
function isSourceEntry(ctx: PluginFactoryContext): boolean {
  if (!ctx.fileURL) return false;
  return path.basename(path.dirname(fileURLToPath(ctx.fileURL))) === 'sources';
}

/** The Markdown plugin (a factory: each document gets its own numbering and mark counter). */
export function citationMarksPlugin() {
  return (ctx: PluginFactoryContext) => {
    if (!ctx.source.includes('[@') || isSourceEntry(ctx)) return null;
    const numbers = bodyCitationNumbers(frontmatterOf(ctx), ctx.source);
    const occurrences = new Map<string, number>();
    return defineMdastPlugin({
      name: 'casefile-citation-marks',
      text(node, visit) {
        if (!node.value.includes('[@')) return;
        const pieces = splitInlineCitations(node.value);
        if (!pieces.some((piece) => piece.kind === 'citation')) return;
        const replacement: MdastContent[] = [];
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
          const children: MdastContent[] = [];
          marks.forEach(({ n, citation }, i) => {
            const occurrence = (occurrences.get(citation.source) ?? 0) + 1;
            occurrences.set(citation.source, occurrence);
            if (i > 0) {
              children.push({
                type: 'citationSeparator',
                data: { hName: 'span', hProperties: { className: ['sep'] } },
                children: [{ type: 'text', value: ',' }],
              } as MdastContent);
            }
            children.push({
              type: 'link',
              url: `#${sourceEntryId(n)}`,
              data: {
                hProperties: {
                  className: ['cite-mark'],
                  id: citationMarkId(citation.source, occurrence),
                  ariaLabel: `source ${n}`,
                  ...(citation.quote ? { dataQuote: citation.quote } : {}),
                  ...(citation.locator ? { dataLocator: citation.locator } : {}),
                },
              },
              children: [{ type: 'text', value: String(n) }],
            });
          });
          replacement.push({
            type: 'superscript',
            data: { hName: 'sup', hProperties: { className: ['cite'] } },
            children,
          } as MdastContent);
        });
        visit.replaceNode(node, replacement);
      },
    });
  };
}
