import { defineHastPlugin, defineMdastPlugin } from 'satteri';
import { splitWikilinks } from '../lib/wikilinks.ts';
import { splitHanziRuns, hasHanzi } from '../lib/hanzi.ts';
import { withBase } from '../lib/paths.ts';
import type { CaseLinkIndex } from './case-index.ts';

/**
 * Markdown pipeline plugins (Sätteri, Astro 7's Markdown processor): wikilinks become links to
 * dossiers, and runs of hanzi are marked `lang="zh"` for fonts, line breaking and Pagefind.
 */

/** Turns `[[type/slug]]` and `[[type/slug|label]]` in text into links labelled with the entry's name. */
export function wikilinkPlugin(index: CaseLinkIndex, base: string) {
  return defineMdastPlugin({
    name: 'casefile-wikilinks',
    text(node, ctx) {
      if (!node.value.includes('[[')) return;
      const pieces = splitWikilinks(node.value);
      if (!pieces.some((piece) => piece.kind === 'wikilink')) return;
      ctx.replaceNode(
        node,
        pieces.map((piece) => {
          if (piece.kind === 'text') return { type: 'text' as const, value: piece.text };
          const target = index.get(piece.link.target);
          const label = piece.link.label ?? target?.name ?? piece.link.target;
          if (!target) {
            // Only reachable under `astro dev`: a production build refuses broken wikilinks first.
            return {
              type: 'emphasis' as const,
              data: { hProperties: { className: ['wikilink-broken'], title: `No entry at ${piece.link.target}` } },
              children: [{ type: 'text' as const, value: label }],
            };
          }
          return {
            type: 'link' as const,
            url: withBase(base, target.path),
            data: { hProperties: { className: ['wikilink', `type-${target.collection}`] } },
            children: [{ type: 'text' as const, value: label }],
          };
        }),
      );
    },
  });
}

/** Wraps every run of hanzi in `<span lang="zh">`. */
export function hanziPlugin() {
  return defineHastPlugin({
    name: 'casefile-hanzi',
    text(node, ctx) {
      if (!hasHanzi(node.value)) return;
      ctx.replaceNode(
        node,
        splitHanziRuns(node.value).map((run) =>
          run.lang === undefined
            ? { type: 'text' as const, value: run.text }
            : {
                type: 'element' as const,
                tagName: 'span',
                properties: { lang: run.lang },
                children: [{ type: 'text' as const, value: run.text }],
              },
        ),
      );
    },
  });
}
