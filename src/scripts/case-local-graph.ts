import { localGraphSchema, twoStepGraph, type LocalGraph } from '../lib/local-graph.ts';
import { egoRows } from '../lib/ego-rows.ts';
import { ENTITY_TYPE_INFO } from '../lib/schema/entity-types.ts';
import { CONFIDENCE_INFO } from '../lib/schema/confidence.ts';
import { RELATIONS } from '../lib/schema/relations.ts';
import { shapePath } from '../lib/shapes.ts';
import { entryPath, withBase } from '../lib/paths.ts';

/**
 * `<case-local-graph>`: a small SVG graph, either one dossier's neighbourhood (fetched from
 * `data-src` when it scrolls into view, one step deep; the second step is built from the neighbours'
 * own records, fetched when the reader asks for two steps) or the entities a report focuses on
 * (embedded in `data-graph`). Positions come laid out from the build (or from the same layout
 * function, for two steps); this only scales them to the box, draws, and keeps labels from overlapping. Each node is a link to its dossier. The drawing is
 * hidden from assistive technology: the list beside it carries the same links.
 */

const SVG = 'http://www.w3.org/2000/svg';
const FONT = '12px system-ui, sans-serif';

/** Creates an SVG element with attributes. */
function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

let measurer: CanvasRenderingContext2D | null | undefined;

/** Width of a label in pixels (measured on a detached canvas; a rough estimate if that fails). */
function textWidth(text: string): number {
  measurer ??= document.createElement('canvas').getContext('2d');
  if (!measurer) return text.length * 7;
  measurer.font = FONT;
  return measurer.measureText(text).width;
}

class CaseLocalGraph extends HTMLElement {
  #data: LocalGraph | undefined;
  /** The two-step picture, built the first time the reader asks for it. */
  #two: LocalGraph | undefined;
  #depth = 1;
  #mentions = false;
  #width = 0;

  #started = false;

  /** Runs once: an element moved in the page is connected again, and must not bind its buttons twice. */
  connectedCallback(): void {
    if (this.#started) return;
    this.#started = true;
    void this.#load();
  }

  async #load(): Promise<void> {
    const note = this.querySelector<HTMLElement>('[data-note]');
    try {
      this.#data = this.dataset.graph
        ? localGraphSchema.parse(JSON.parse(this.dataset.graph))
        : await neighbourhoodAt(this.dataset.src ?? '');
    } catch (error) {
      if (note)
        note.textContent = `The picture could not be loaded (${String(error)}); the list below has the same links.`;
      this.dataset.state = 'failed';
      return;
    }
    const data = this.#data;
    const button = this.querySelector<HTMLButtonElement>('[data-depth]');
    if (button && (data.second ?? 0) > 0) {
      button.hidden = false;
      button.addEventListener('click', () => void this.#toggleDepth(button));
    }
    this.#offerMentions(data);
    new ResizeObserver(() => {
      if (this.clientWidth !== this.#width) this.#render();
    }).observe(this);
    this.#render();
    this.dataset.state = 'ready';
  }

  /** Shows the mentions button once some picture the reader can see has a mention to add. */
  #offerMentions(data: LocalGraph): void {
    const mentions = this.querySelector<HTMLButtonElement>('[data-mentions]');
    if (!mentions || !mentions.hidden || !data.edges.some(([, , rel]) => rel === null)) return;
    mentions.hidden = false;
    mentions.addEventListener('click', () => {
      this.#mentions = !this.#mentions;
      mentions.setAttribute('aria-pressed', String(this.#mentions));
      this.#render();
    });
  }

  /** Between one and two steps; the first time, the neighbours' records are fetched for the second ring. */
  async #toggleDepth(button: HTMLButtonElement): Promise<void> {
    if (this.#depth === 1 && !this.#two && this.#data) {
      button.disabled = true;
      const base = this.dataset.base ?? '/';
      const around = await Promise.all(
        this.#data.nodes
          .filter((node) => node.ring === 1)
          .map((node) =>
            neighbourhoodAt(`${withBase(base, entryPath(node.id)).replace(/\/$/, '')}.json`).catch(() => undefined),
          ),
      );
      this.#two = twoStepGraph(
        this.#data,
        around.filter((part) => part !== undefined),
      );
      button.disabled = false;
      this.#offerMentions(this.#two);
    }
    this.#depth = this.#depth === 1 ? 2 : 1;
    this.#render();
    button.setAttribute('aria-pressed', String(this.#depth === 2));
  }

  #render(): void {
    const data = this.#depth === 2 ? this.#two : this.#data;
    const figure = this.querySelector<HTMLElement>('[data-figure]');
    if (!data || !figure) return;
    this.#width = this.clientWidth;
    const width = Math.max(280, figure.clientWidth);
    const ego = data.mode === 'ego';
    if (ego && this.#depth === 1) {
      this.#show(figure, this.#rows(data, width), data);
      return;
    }
    const shown = data.nodes.map((node) => !ego || this.#depth === 2 || node.ring <= 1);
    const place = (i: number): [number, number] => {
      const node = data.nodes[i];
      if (!node) return [0, 0];
      return ego && this.#depth === 1 ? [node.x1 ?? node.x, node.y1 ?? node.y] : [node.x, node.y];
    };
    // Leave room for labels beside the outermost nodes; a wide box draws the rings as ellipses.
    const room = width < 520 ? 64 : 120;
    const rx = Math.max(40, width / 2 - room);
    // A neighbourhood is round and gets a fixed share of the width; a report's focus keeps its
    // layout's proportions, so a flat picture gets a short box.
    const tall = Math.max(0.15, ...data.nodes.map((node) => Math.abs(node.y)));
    const height = ego
      ? Math.round(Math.min(460, Math.max(300, width * 0.6)))
      : Math.round(Math.min(460, Math.max(180, rx * tall * 2 + 60)));
    const ry = ego ? Math.max(40, height / 2 - 26) : Math.min(rx, (height / 2 - 30) / tall);
    const cx = width / 2;
    const cy = height / 2;
    const at = (i: number): [number, number] => {
      const [x, y] = place(i);
      return [cx + x * rx, cy + y * ry];
    };
    const base = this.dataset.base ?? '/';
    const root = svg('svg', {
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      'aria-hidden': 'true',
      'data-testid': 'local-graph',
    });
    const edges = svg('g', { class: 'edges' });
    const nodes = svg('g', { class: 'nodes' });
    for (const [s, t, rel, confidence] of data.edges) {
      if (!shown[s] || !shown[t] || (!rel && !this.#mentions)) continue;
      const [x1, y1] = at(s);
      const [x2, y2] = at(t);
      const line = svg('line', { x1: r1(x1), y1: r1(y1), x2: r1(x2), y2: r1(y2), 'data-ends': `${s} ${t}` });
      // In a neighbourhood, the spokes from the centre matter most; links among neighbours recede.
      const side = ego && s !== 0 && t !== 0;
      line.setAttribute('class', `edge${rel ? '' : ' mention'}${side ? ' side' : ''}`);
      const dash = confidence ? CONFIDENCE_INFO[confidence].dash : [];
      if (dash.length > 0) line.setAttribute('stroke-dasharray', dash.join(' '));
      const title = svg('title', {});
      title.textContent = `${data.nodes[s]?.name} ${rel ? RELATIONS[rel].forward : 'mentions'} ${data.nodes[t]?.name}${confidence ? ` (${CONFIDENCE_INFO[confidence].label})` : ''}`;
      line.append(title);
      edges.append(line);
    }
    const taken: [number, number, number, number][] = [];
    const free = (box: [number, number, number, number]) =>
      box[0] >= 0 &&
      box[2] <= width &&
      box[1] >= 0 &&
      box[3] <= height &&
      taken.every(([a, b, c, d]) => box[0] >= c || box[2] <= a || box[1] >= d || box[3] <= b);
    // Marks are obstacles too, so no label covers a node.
    data.nodes.forEach((node, i) => {
      if (!shown[i]) return;
      const [x, y] = at(i);
      const r = node.ring === 0 ? 9 : 6;
      taken.push([x - r, y - r, x + r, y + r]);
    });
    // Labels in importance order: the centre (or chosen entities), then ring 1, then ring 2.
    const order = [...data.nodes.keys()]
      .filter((i) => shown[i])
      .sort((a, b) => (data.nodes[a]?.ring ?? 0) - (data.nodes[b]?.ring ?? 0) || a - b);
    const items = new Map<number, SVGAElement>();
    for (const i of order) {
      const node = data.nodes[i];
      if (!node) continue;
      const [x, y] = at(i);
      const r = node.ring === 0 ? 9 : node.ring === 1 ? 6 : 5;
      const link = svg('a', { href: withBase(base, entryPath(node.id)), tabindex: -1, 'data-node': i });
      link.setAttribute('class', `node type-${node.type} ring-${node.ring}`);
      const mark = svg('path', {
        d: shapePath(ENTITY_TYPE_INFO[node.type].shape, r),
        transform: `translate(${r1(x)} ${r1(y)})`,
      });
      const title = svg('title', {});
      title.textContent = `${node.name}${node.native && node.native !== node.name ? ` ${node.native}` : ''} · ${ENTITY_TYPE_INFO[node.type].label}`;
      link.append(title, mark);
      const dx = x - cx;
      const anchor = Math.abs(dx) < rx * 0.15 ? 'middle' : dx > 0 ? 'start' : 'end';
      const lx = anchor === 'middle' ? x : anchor === 'start' ? x + r + 4 : x - r - 4;
      const room = anchor === 'middle' ? width : anchor === 'start' ? width - lx - 2 : lx - 2;
      // The centre's label is set larger and bold: leave it the room it will really take.
      const text = fitText(node.name, Math.min(room, node.ring === 0 ? 320 : 200) / (node.ring === 0 ? 1.15 : 1));
      const w = textWidth(text) * (node.ring === 0 ? 1.15 : 1);
      const ly = anchor === 'middle' ? (y <= cy ? y - r - 6 : y + r + 13) : y + 4;
      const left = anchor === 'middle' ? lx - w / 2 : anchor === 'start' ? lx : lx - w;
      const box: [number, number, number, number] = [left - 2, ly - 12, left + w + 2, ly + 4];
      const label = svg('text', { x: r1(lx), y: r1(ly), 'text-anchor': anchor });
      label.textContent = text;
      // A label that would collide stays hidden until the node is pointed at.
      if (free(box)) taken.push(box);
      else label.setAttribute('class', 'crowded');
      link.append(label);
      items.set(i, link);
    }
    // Draw outer rings first so the centre sits on top.
    for (const i of [...order].reverse()) {
      const item = items.get(i);
      if (item) nodes.append(item);
    }
    root.append(edges, nodes);
    this.#show(figure, root, data);
  }

  /** Puts a drawing in the figure, with pointing that lights a node's lines, and says what it holds. */
  #show(figure: HTMLElement, root: SVGSVGElement, data: LocalGraph): void {
    const lines = [...root.querySelectorAll<SVGLineElement>('line[data-ends]')];
    root.addEventListener('pointerover', (event) => highlight(root, lines, event.target));
    root.addEventListener('pointerout', () => highlight(root, lines, null));
    figure.replaceChildren(root);
    const note = this.querySelector<HTMLElement>('[data-note]');
    if (note && data.mode === 'ego') {
      const drawn = root.querySelectorAll('a[data-node]').length - 1;
      note.textContent =
        `${drawn} ${drawn === 1 ? 'entity' : 'entities'} ${this.#depth === 1 ? 'directly linked' : 'within two steps'}` +
        (this.#mentions ? ', mentions in text included' : '') +
        (data.omitted > 0 && this.#depth === 2 ? `; ${data.omitted} more are not drawn.` : '.');
    }
  }

  /** The one-step picture: the entity and its neighbours in rows, grouped by how they are tied to it. */
  #rows(data: LocalGraph, width: number): SVGSVGElement {
    const layout = egoRows(data, width, this.#mentions);
    const base = this.dataset.base ?? '/';
    const root = svg('svg', {
      width,
      height: layout.height,
      viewBox: `0 0 ${width} ${layout.height}`,
      'aria-hidden': 'true',
      'data-testid': 'local-graph',
      class: 'rows',
    });
    const lines = svg('g', { class: 'edges' });
    const marks = svg('g', { class: 'nodes' });
    const { x: cx, y: cy } = layout.centre;
    for (const row of layout.rows) {
      const edge = data.edges.find(([s, t]) => (s === 0 && t === row.node) || (t === 0 && s === row.node));
      const [, , rel, confidence] = edge ?? [0, 0, null, null];
      const line = svg('line', { x1: r1(cx), y1: r1(cy), x2: r1(row.x), y2: r1(row.y), 'data-ends': `0 ${row.node}` });
      line.setAttribute('class', `edge${rel ? ` grade-${confidence ?? ''}` : ' mention'}`);
      const dash = confidence ? CONFIDENCE_INFO[confidence].dash : [];
      if (dash.length > 0) line.setAttribute('stroke-dasharray', dash.join(' '));
      lines.append(line);
    }
    for (const heading of layout.headings) {
      const text = svg('text', {
        x: r1(heading.x),
        y: r1(heading.y),
        'text-anchor': heading.side === 'right' ? 'start' : 'end',
        class: 'group',
      });
      text.textContent = heading.label;
      marks.append(text);
    }
    const node = (i: number, x: number, y: number, side: 'left' | 'right' | 'centre') => {
      const entity = data.nodes[i];
      if (!entity) return;
      const r = side === 'centre' ? 9 : 6;
      const link = svg('a', { href: withBase(base, entryPath(entity.id)), tabindex: -1, 'data-node': i });
      link.setAttribute('class', `node type-${entity.type} ring-${side === 'centre' ? 0 : 1}`);
      const title = svg('title', {});
      title.textContent = `${entity.name}${entity.native && entity.native !== entity.name ? ` ${entity.native}` : ''} · ${ENTITY_TYPE_INFO[entity.type].label}`;
      const mark = svg('path', {
        d: shapePath(ENTITY_TYPE_INFO[entity.type].shape, r),
        transform: `translate(${r1(x)} ${r1(y)})`,
      });
      link.append(title, mark);
      if (side !== 'centre') {
        const label = svg('text', {
          x: r1(side === 'right' ? x + r + 5 : x - r - 5),
          y: r1(y + 4),
          'text-anchor': side === 'right' ? 'start' : 'end',
        });
        label.textContent = fitText(entity.name, layout.labelRoom);
        link.append(label);
      }
      marks.append(link);
    };
    for (const row of layout.rows) node(row.node, row.x, row.y, row.side);
    node(0, cx, cy, 'centre');
    // Beside a narrow picture's left edge the name runs rightwards from it; else it is centred above.
    const narrow = cx < 60;
    const name = svg('text', {
      x: r1(narrow ? 4 : cx),
      y: r1(cy - 15),
      'text-anchor': narrow ? 'start' : 'middle',
      class: 'centre-name',
    });
    name.textContent = fitText(data.nodes[0]?.name ?? '', Math.min(width, 240));
    marks.append(name);
    root.append(lines, marks);
    return root;
  }
}

/** The neighbourhood in the JSON record at an address (src/site/data-files.ts). */
async function neighbourhoodAt(url: string): Promise<LocalGraph> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const record: unknown = await response.json();
  return localGraphSchema.parse(
    typeof record === 'object' && record !== null ? Reflect.get(record, 'neighbourhood') : undefined,
  );
}

/** The name, shortened with an ellipsis until it fits the room beside its node. */
function fitText(name: string, room: number): string {
  if (textWidth(name) <= room) return name;
  let keep = name.length - 1;
  while (keep > 6 && textWidth(`${name.slice(0, keep).trimEnd()}…`) > room) keep--;
  return `${name.slice(0, keep).trimEnd()}…`;
}

/** One decimal is enough for screen coordinates. */
function r1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Brings forward the node under the pointer and its lines; null clears it. */
function highlight(root: SVGSVGElement, edges: readonly SVGLineElement[], target: EventTarget | null): void {
  const node = target instanceof Element ? target.closest('[data-node]') : null;
  const index = node?.getAttribute('data-node');
  root.classList.toggle('lit', index !== null && index !== undefined);
  for (const edge of edges) {
    const ends = (edge.getAttribute('data-ends') ?? '').split(' ');
    edge.classList.toggle('on', index !== null && index !== undefined && ends.includes(index));
  }
}

if (!customElements.get('case-local-graph')) customElements.define('case-local-graph', CaseLocalGraph);
