import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import type { CaseModel } from '../lib/case.ts';
import type { CheckedCase, ReadFile } from './read-case.ts';
import { caseSession } from './case-session.ts';

/**
 * Bodies under `astro dev`, rendered when a page asks for them from the file as the reader last read
 * it, instead of all of them up front into Astro's content store: a server starting on a 5,000-entity
 * case with an empty store then waits for none of them, and an edit to a body shows on the next
 * request, without Astro writing its store again and Vite evaluating every module anew. A body is
 * rendered with the same pipeline (the loader's `renderMarkdown`) and from the same inputs as the
 * build's (`renderInputs`), and kept until one of those changes. Bodies with images are still
 * rendered by the loader, since Astro resolves their images from its store. Builds never come here.
 */

/** The site's Markdown renderer, as Astro hands it to a loader. */
type Render = LoaderContext['renderMarkdown'];

/** A rendered body, as Astro's store keeps it. */
export type RenderedBody = Awaited<ReturnType<Render>>;

declare global {
  /** The renderer and the bodies rendered so far, shared by the loader's and the pages' module graphs. */
  var casefileLiveBodies:
    { render?: Render; bodies: Map<string, { key: string; rendered: Promise<RenderedBody> }> } | undefined;
}

/** The process-wide slot (see src/reader/session.ts for why a global). */
function slot(): NonNullable<typeof globalThis.casefileLiveBodies> {
  globalThis.casefileLiveBodies ??= { bodies: new Map() };
  return globalThis.casefileLiveBodies;
}

/** Keeps the renderer a loader was given under `astro dev`, for the pages to render bodies with. */
export function keepRenderer(render: Render): void {
  slot().render = render;
}

/** Whether a file's body is rendered on demand under `astro dev`: Markdown without images in its body. */
export function rendersLive(read: ReadFile): boolean {
  return read.path.endsWith('.md') && read.input.bodyFacts.images.length === 0;
}

const namesDigests = new WeakMap<CaseModel, string>();

/**
 * What a body's rendering reads beyond its own file, for the whole case: every entry's name and
 * type (a wikilink is labelled with its target's name, or drawn broken when there is none).
 */
export function namesDigest(model: CaseModel): string {
  const known = namesDigests.get(model);
  if (known !== undefined) return known;
  const hash = createHash('sha256');
  for (const [id, entry] of model.entries) hash.update(`${id}\t${entry.name}\t${entry.type}\n`);
  const digest = hash.digest('hex');
  namesDigests.set(model, digest);
  return digest;
}

/**
 * Everything a body's rendering reads besides the rendering code and the site's address: the case's
 * names, the file's path, the entry's own numbering of its sources (citation marks, which counts
 * relationships declared in other files too) and its file's text.
 */
export function renderInputs(model: CaseModel, id: string, filePath: string, text: string): string {
  return `${namesDigest(model)}\n${filePath}\n${model.citationsOf(id).join(' ')}\n${text}`;
}

const filesById = new WeakMap<CheckedCase, Map<string, ReadFile>>();

/** The file read for an entry id (`people/gao-qiang`), in one checked case. */
function fileOf(checked: CheckedCase, id: string): ReadFile | undefined {
  let files = filesById.get(checked);
  if (!files) {
    files = new Map(checked.files.map((read) => [`${read.input.collection}/${read.input.slug}`, read]));
    filesById.set(checked, files);
  }
  return files.get(id);
}

/**
 * An entry's body rendered from the case as last read, under `astro dev`; undefined when the body is
 * not rendered on demand (MDX, images, no renderer yet), so the page takes the store's.
 */
export function liveBody(contentRoot: string, id: string): Promise<RenderedBody> | undefined {
  const { render, bodies } = slot();
  const checked = caseSession().currentCase(contentRoot);
  const read = fileOf(checked, id);
  if (!render || !read || !rendersLive(read)) return undefined;
  const key = renderInputs(checked.model, id, read.path, read.text);
  const kept = bodies.get(id);
  if (kept?.key === key) return kept.rendered;
  const fileURL = pathToFileURL(path.join(path.resolve(contentRoot), read.path));
  const rendered = render(read.input.body, { fileURL });
  bodies.set(id, { key, rendered });
  // A failed render is not kept: the next request tries again (and shows Astro's error overlay).
  rendered.catch(() => {
    if (bodies.get(id)?.rendered === rendered) bodies.delete(id);
  });
  return rendered;
}
