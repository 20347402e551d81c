import { markdownToMdast, mdxToMdast, type MdastNode } from 'satteri';
import { bodyFacts, type BodyFacts } from '../lib/body-tree.ts';
import { scriptProblems } from '../lib/embeds.ts';
import type { CaseProblem } from '../lib/problems.ts';

/**
 * A body, parsed once into Sätteri's syntax tree (the parser the site renders with), and the checks
 * that belong to the file itself: its images and, in a report's MDX, the code it would run.
 */

/** A parsed body and its problems. */
export interface ReadBody {
  /** What the tree holds. */
  facts: BodyFacts;
  /** Problems of the body's images and code. */
  problems: CaseProblem[];
  /** The tree itself, with positions, for the HTML allowlist's check (not to be kept: facts are what entries keep). */
  tree: MdastNode;
}

/** Where the body comes from, to check what it points at. */
export interface BodyContext {
  /** The file, as problems name it. */
  file: string;
  /** Whether it is MDX. */
  mdx: boolean;
  /** Whether a path relative to the entry names an existing file. */
  hasFile: (relative: string) => boolean;
}

/**
 * Images in bodies must be files next to the entry, so Astro's pipeline re-encodes them (dropping
 * EXIF and GPS tags); remote images and raw <img> tags would bypass it, and a missing file would
 * stop the build deep in Vite without naming the entry.
 */
function imageProblems(facts: BodyFacts, context: BodyContext): CaseProblem[] {
  const problems: CaseProblem[] = [];
  const add = (line: number, message: string, fix: string) =>
    problems.push({ file: context.file, field: 'body', line, message, fix });
  for (const image of facts.images) {
    const src = image.value;
    // Other schemes (javascript:, data: …) are the HTML allowlist's to refuse (body-html-check.ts).
    if (/^[a-z][a-z0-9+.-]*:/i.test(src) && !/^https?:/i.test(src)) continue;
    if (/^(https?:|\/\/)/i.test(src)) {
      add(
        image.line,
        `remote image "${src}": readers' browsers would fetch it from a third party`,
        'save the image next to the entry and link it with a relative path',
      );
    } else if (src.startsWith('/')) {
      add(
        image.line,
        `image "${src}" is served from public/ as is, metadata and all`,
        'move it next to the entry and use a relative path so it is re-encoded without EXIF data',
      );
    } else if (!context.hasFile(decodeURI(src.split(/[?#]/)[0] ?? ''))) {
      add(
        image.line,
        `no image file at "${src}"`,
        'give the path relative to the entry file, e.g. ./photos/building.jpg',
      );
    }
  }
  for (const html of facts.html) {
    if (/<img\b/i.test(html.value)) {
      add(
        html.line,
        'raw <img> tags bypass the image pipeline (and its metadata stripping)',
        'use Markdown image syntax with a relative path: ![description](./photo.jpg)',
      );
    }
  }
  return problems;
}

/** Parses a body and checks its images and code. `firstLine` is the file line the body starts on. */
export function readBody(body: string, firstLine: number, context: BodyContext): ReadBody {
  const tree = context.mdx ? mdxToMdast(body) : markdownToMdast(body, { features: { frontmatter: false } });
  const facts = bodyFacts(tree, body, firstLine);
  const problems = imageProblems(facts, context);
  if (context.mdx) {
    for (const problem of scriptProblems(facts)) problems.push({ file: context.file, field: 'body', ...problem });
  }
  return { facts, problems, tree };
}
