import { defineHastPlugin, defineMdastPlugin } from 'satteri';
import { drawWikilink, splitWikilinks } from '../lib/wikilinks.ts';
import { splitHanziRuns, hasHanzi } from '../lib/hanzi.ts';
import { withBase } from '../lib/paths.ts';
import { currentCase } from '../reader/session.ts';

/**
 * Markdown pipeline plugins (Sätteri, Astro 7's Markdown processor): wikilinks become links to
 * dossiers, and runs of hanzi are marked `lang="zh"` for fonts, line breaking and Pagefind.
 */

/**
 * Turns `[[type/slug]]` and `[[type/slug|label]]` in text into links labelled with the entry's name,
 * from the checked case of this build. Only text nodes are read: a wikilink in code stays code, as
 * the checker (which reads the same tree) sees it.
 */
export function wikilinkPlugin(contentRoot: string, base: string) {
  return defineMdastPlugin({
    name: 'casefile-wikilinks',
    text(node, ctx) {
      if (!node.value.includes('[[')) return;
      const pieces = splitWikilinks(node.value);
      if (!pieces.some((piece) => piece.kind === 'wikilink')) return;
      const model = currentCase(contentRoot).model;
      const lookup = (id: string) => {
        const entry = model.get(id);
        return entry ? { name: entry.name, collection: entry.type } : undefined;
      };
      ctx.replaceNode(
        node,
        pieces.map((piece) => {
          if (piece.kind === 'text') return { type: 'text' as const, value: piece.text };
          const link = drawWikilink(piece.link, lookup);
          const children = [{ type: 'text' as const, value: link.label }];
          if (link.kind === 'broken') {
            const hProperties = { className: link.className, title: link.title };
            return { type: 'emphasis' as const, data: { hProperties }, children };
          }
          const hProperties = { className: link.className };
          return { type: 'link' as const, url: withBase(base, link.path), data: { hProperties }, children };
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
