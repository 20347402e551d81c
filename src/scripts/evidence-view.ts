import { edgeEvidenceAt, evidenceFileSchema, type EdgeEvidence, type EvidenceFile } from '../lib/edge-evidence.ts';
import { CONFIDENCE_INFO } from '../lib/schema/confidence.ts';
import { formatPartialDate, parsePartialDate } from '../lib/dates.ts';
import { entryPath, withBase } from '../lib/paths.ts';

/**
 * The link diagram's "how we know" view of one relationship, in the same order as the dossier
 * pages show it: the relationship in words, its grade and what the grade means, the note, each
 * source with title, publisher, date and link (and its quote and locator when the content gives
 * them), disputes, and dates. Its data, `/graph/evidence.json`, is fetched once, the first time the
 * reader points at or opens an edge.
 */

let file: Promise<EvidenceFile> | undefined;

/** Loads the evidence of every edge (once per page). */
export function loadEvidence(url: string): Promise<EvidenceFile> {
  file ??= fetch(url, { credentials: 'same-origin' })
    .then((response) => {
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      return response.json();
    })
    .then((raw: unknown) => evidenceFileSchema.parse(raw));
  // A failed load may be retried on the next interaction.
  file.catch(() => (file = undefined));
  return file;
}

/** Creates an element with text. */
function make<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (text !== undefined) element.textContent = text;
  if (className) element.className = className;
  return element;
}

/** A partial date in words, or the text itself if it is not one. */
function dateText(text: string): string {
  const date = parsePartialDate(text);
  return date ? formatPartialDate(date) : text;
}

/** Renders one relationship's evidence into a container (the dialog's body). */
export function renderEvidence(body: HTMLElement, record: EdgeEvidence, base: string): void {
  const title = make('h2', record.sentence);
  title.id = 'evidence-title';
  const grade = make('p', undefined, 'evidence-grade');
  grade.append(
    make(
      'strong',
      `${CONFIDENCE_INFO[record.grade].label[0]?.toUpperCase()}${CONFIDENCE_INFO[record.grade].label.slice(1)}.`,
    ),
    ` ${record.meaning}`,
  );
  const parts: Node[] = [make('p', 'How we know', 'evidence-kicker'), title, grade];
  if (record.note) {
    const note = make('p', undefined, 'evidence-note');
    for (const piece of record.note) {
      const node = piece.path ? make('a', piece.text) : make('span', piece.text);
      if (node instanceof HTMLAnchorElement && piece.path) node.href = withBase(base, piece.path);
      if (piece.lang) node.lang = piece.lang;
      note.append(node);
    }
    parts.push(note);
  }
  parts.push(make('h3', record.sources.length === 1 ? 'Source' : 'Sources'));
  const sources = make('ol', undefined, 'evidence-sources');
  for (const source of record.sources) {
    const item = make('li');
    const name = source.url ? make('a', source.title) : make('cite', source.title);
    if (name instanceof HTMLAnchorElement && source.url) {
      name.href = source.url;
      name.rel = 'noopener noreferrer';
    }
    item.append(name, `, ${source.publisher}${source.date ? `, ${dateText(source.date)}` : ''}. `);
    const page = make('a', 'About this source');
    page.href = withBase(base, entryPath(`sources/${source.id}`));
    item.append(page);
    if (source.quote) {
      const quote = make('blockquote', `“${source.quote}”`);
      item.append(quote);
    }
    if (source.locator) item.append(make('p', source.locator, 'evidence-locator'));
    sources.append(item);
  }
  parts.push(sources);
  if (record.disputes.length > 0) {
    parts.push(make('h3', 'Disputed'));
    const list = make('ul');
    for (const dispute of record.disputes) {
      list.append(make('li', `${dispute.about}: ${dispute.claims.map((claim) => claim.value).join(' or ')}`));
    }
    parts.push(list);
  }
  if (record.since || record.until) {
    const span = [record.since && `since ${dateText(record.since)}`, record.until && `until ${dateText(record.until)}`];
    parts.push(make('p', `Dates: ${span.filter(Boolean).join(', ')}.`, 'evidence-dates'));
  }
  const links = make('p', undefined, 'evidence-links');
  [record.from, record.to].forEach((end, i) => {
    const link = make('a', `${end.name}’s dossier`);
    link.href = withBase(base, entryPath(end.id));
    links.append(...(i > 0 ? [' · '] : []), link);
  });
  parts.push(links);
  body.replaceChildren(...parts);
}

/** Opens the evidence dialog on one record, returning focus to where it was when it closes. */
export function showEvidence(dialog: HTMLDialogElement, record: EdgeEvidence, base: string): void {
  const body = dialog.querySelector<HTMLElement>('[data-evidence-body]');
  if (!body) return;
  renderEvidence(body, record, base);
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
  dialog.addEventListener('close', () => opener?.focus(), { once: true });
  if (!dialog.open) dialog.showModal();
  dialog.querySelector<HTMLElement>('h2')?.setAttribute('tabindex', '-1');
  dialog.querySelector<HTMLElement>('h2')?.focus();
}

/** The evidence of a page's edges: loaded on first use, shown in the page's evidence dialog. */
export class EvidenceViewer {
  readonly #root: HTMLElement;
  readonly #url: string;
  readonly #base: string;
  #file: EvidenceFile | undefined;

  constructor(root: HTMLElement, url: string, base: string) {
    this.#root = root;
    this.#url = url;
    this.#base = base;
  }

  /** Whether the evidence has arrived. */
  get loaded(): boolean {
    return this.#file !== undefined;
  }

  /** An edge's evidence, if loaded (undefined for a mention). */
  get(edge: number): EdgeEvidence | undefined {
    return this.#file ? edgeEvidenceAt(this.#file, edge) : undefined;
  }

  /** Loads the evidence (once), then runs `next`. */
  whenLoaded(next: () => void): void {
    loadEvidence(this.#url).then(
      (file) => {
        this.#file = file;
        next();
      },
      (error: unknown) => console.warn('casefile graph: no evidence:', error),
    );
  }

  /** Opens the "how we know" view of an edge. */
  open(edge: number): void {
    const dialog = this.#root.querySelector<HTMLDialogElement>('[data-evidence-dialog]');
    if (!dialog) return;
    this.whenLoaded(() => {
      const record = this.get(edge);
      if (record) showEvidence(dialog, record, this.#base);
    });
  }
}
