import { ENTITY_TYPES, ENTITY_TYPE_INFO, isEntityType } from '../lib/schema/entity-types.ts';
import { CONFIDENCE_LEVELS, isConfidence } from '../lib/schema/confidence.ts';
import { RELATION_KEYS, isRelationKey } from '../lib/schema/relations.ts';
import { findEntity, searchFromView, type GraphView } from '../lib/graph-view.ts';
import { formatPartialDate, parsePartialDate } from '../lib/dates.ts';
import type { GraphNode } from '../lib/graph.ts';

/** What the explorer does when the reader uses a control. */
export interface FormHandlers {
  /** A filter, the date control or the fade/hide setting changed. */
  filters: () => void;
  /** The find box was submitted; returns whether an entity was found. */
  find: (query: string) => boolean;
  /** The path finder was submitted. */
  trace: () => void;
  /** The path finder was cleared. */
  clearTrace: () => void;
  /** A zoom button was pressed. */
  zoom: (how: 'in' | 'out' | 'fit') => void;
  /** An export button was pressed. */
  export: (kind: 'png' | 'svg') => void;
}

/**
 * The explorer's form controls and address, kept in step with its view: the filters, the date
 * control and the path finder's boxes are read into a {@link GraphView} and set from one, and the
 * view is written into the address (without a history entry per click) so a link shares what the
 * reader sees. The rules of the address itself are in src/lib/graph-view.ts.
 */
export class GraphForm {
  readonly #root: HTMLElement;
  readonly #nodes: readonly GraphNode[];
  readonly #byId: ReadonlyMap<string, GraphNode>;
  readonly #dates: readonly string[];

  constructor(root: HTMLElement, nodes: readonly GraphNode[]) {
    this.#root = root;
    this.#nodes = nodes;
    this.#byId = new Map(nodes.map((node) => [node.id, node]));
    const raw: unknown = JSON.parse(root.querySelector<HTMLElement>('[data-time]')?.dataset.dates ?? '[]');
    this.#dates = Array.isArray(raw) ? raw.filter((d): d is string => typeof d === 'string') : [];
  }

  #input(name: string): HTMLInputElement | null {
    return this.#root.querySelector<HTMLInputElement>(`input[name="${name}"]`);
  }

  #boxes(name: string): HTMLInputElement[] {
    return [...this.#root.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)];
  }

  /** The name of an entity, for the text boxes. */
  nameOf(id: string | undefined): string {
    return id ? (this.#byId.get(id)?.name ?? id) : '';
  }

  /** Sets every control from the view (on load, from the address). */
  sync(view: GraphView): void {
    for (const box of this.#boxes('type')) box.checked = isEntityType(box.value) && view.types.has(box.value);
    for (const box of this.#boxes('rel')) box.checked = isRelationKey(box.value) && view.relations.has(box.value);
    const set = (name: string, on: boolean) => {
      const box = this.#input(name);
      if (box) box.checked = on;
    };
    set('mentions', view.mentions);
    set('via', view.pathMentions);
    set('hide', view.hide);
    set('published', view.published);
    const min = this.#root.querySelector<HTMLSelectElement>('select[name="min"]');
    if (min) min.value = view.minConfidence;
    const avoidRel = this.#root.querySelector<HTMLSelectElement>('select[name="avoidrel"]');
    if (avoidRel) avoidRel.value = [...view.avoidRelations][0] ?? '';
    for (const [name, id] of [
      ['from', view.from],
      ['to', view.to],
      ['avoid', view.avoid[0]],
    ] as const) {
      const input = this.#input(name);
      if (input) input.value = this.nameOf(id);
    }
    const at = this.#input('at');
    if (at) {
      const step = view.at === undefined ? this.#dates.length : this.#stepOf(view.at);
      at.value = String(step);
    }
    this.#showDate(view.at);
  }

  /** The slider position of a date: the last change on or before it. */
  #stepOf(date: string): number {
    let step = 0;
    this.#dates.forEach((known, i) => {
      if (known <= date) step = i;
    });
    return step;
  }

  /** Writes the replay date beside the slider. */
  #showDate(at: string | undefined): void {
    const label = this.#root.querySelector<HTMLOutputElement>('[data-at-label]');
    const date = at === undefined ? undefined : parsePartialDate(at);
    if (label) label.textContent = date ? formatPartialDate(date) : 'today (everything)';
  }

  /** The view with the filters and the date control read from the controls. */
  readFilters(view: GraphView): GraphView {
    const checked = (name: string) =>
      this.#boxes(name)
        .filter((box) => box.checked)
        .map((box) => box.value);
    // Relation types the case never uses have no box; they stay "shown" so the address stays short.
    const boxed = new Set(this.#boxes('rel').map((box) => box.value));
    const relations = new Set([...checked('rel'), ...RELATION_KEYS.filter((key) => !boxed.has(key))]);
    const min = this.#root.querySelector<HTMLSelectElement>('select[name="min"]')?.value ?? '';
    const step = Number(this.#input('at')?.value ?? this.#dates.length);
    const at = step < this.#dates.length ? this.#dates[step] : undefined;
    this.#showDate(at);
    return {
      ...view,
      types: new Set(ENTITY_TYPES.filter((type) => checked('type').includes(type))),
      relations: new Set(RELATION_KEYS.filter((key) => relations.has(key))),
      mentions: this.#input('mentions')?.checked ?? false,
      minConfidence: isConfidence(min) ? min : (CONFIDENCE_LEVELS.at(-1) ?? 'unverified'),
      hide: this.#input('hide')?.checked ?? false,
      at,
      published: this.#input('published')?.checked ?? false,
    };
  }

  /** The view with the path finder's ends and options read from its boxes (names matched to entities). */
  readPath(view: GraphView): GraphView {
    const find = (name: string) => findEntity(this.#nodes, this.#input(name)?.value ?? '')?.id;
    const avoided = find('avoid');
    const avoidRel = this.#root.querySelector<HTMLSelectElement>('select[name="avoidrel"]')?.value ?? '';
    return {
      ...view,
      from: find('from'),
      to: find('to'),
      avoid: avoided ? [avoided] : [],
      avoidRelations: new Set(isRelationKey(avoidRel) ? [avoidRel] : []),
      pathMentions: this.#input('via')?.checked ?? false,
    };
  }

  /** Puts an entity's name in a path box and moves to the next one. */
  setPathEnd(name: 'from' | 'to' | 'avoid', id: string): void {
    const input = this.#input(name);
    if (input) input.value = this.nameOf(id);
    if (name === 'from') this.#input('to')?.focus();
  }

  /** Wires the controls to the explorer's handlers. */
  bind(handlers: FormHandlers): void {
    const filters = this.#root.querySelector<HTMLElement>('[aria-label="Filters and legend"]');
    filters?.addEventListener('change', handlers.filters);
    filters?.addEventListener('input', (event) => {
      if (event.target instanceof HTMLInputElement && event.target.type === 'range') handlers.filters();
    });
    this.#root.querySelector('[data-filters]')?.addEventListener('submit', (event) => event.preventDefault());
    for (const button of this.#root.querySelectorAll<HTMLButtonElement>('[data-rels]')) {
      button.addEventListener('click', () => {
        for (const box of this.#boxes('rel')) box.checked = button.dataset.rels === 'all';
        handlers.filters();
      });
    }
    this.#root.querySelector<HTMLFormElement>('[data-find]')?.addEventListener('submit', (event) => {
      event.preventDefault();
      const query = this.#input('q')?.value ?? '';
      const found = handlers.find(query);
      const status = this.#root.querySelector<HTMLElement>('[data-find-status]');
      if (status) status.textContent = found ? '' : `Nothing in the case is called “${query}”.`;
    });
    const path = this.#root.querySelector<HTMLFormElement>('[data-path]');
    path?.addEventListener('submit', (event) => {
      event.preventDefault();
      handlers.trace();
    });
    path?.addEventListener('reset', handlers.clearTrace);
    for (const button of this.#root.querySelectorAll<HTMLButtonElement>('[data-zoom]')) {
      const how = button.dataset.zoom;
      button.addEventListener('click', () => handlers.zoom(how === 'in' ? 'in' : how === 'out' ? 'out' : 'fit'));
    }
    for (const button of this.#root.querySelectorAll<HTMLButtonElement>('[data-export-as]')) {
      button.addEventListener('click', () => handlers.export(button.dataset.exportAs === 'svg' ? 'svg' : 'png'));
    }
  }

  /** Fills the shared list of names the find and path boxes suggest from. */
  fillNames(): void {
    const list = this.#root.querySelector<HTMLDataListElement>('datalist');
    if (!list || list.childElementCount > 0) return;
    list.append(
      ...this.#nodes.map((node) => {
        const option = document.createElement('option');
        option.value = node.name;
        option.label = [ENTITY_TYPE_INFO[node.type].label, node.native, ...node.aliases].filter(Boolean).join(' · ');
        return option;
      }),
    );
  }

  /** Writes the view into the address without adding a history entry per click. */
  save(view: GraphView): void {
    history.replaceState(history.state, '', `${location.pathname}${searchFromView(view)}${location.hash}`);
  }
}
