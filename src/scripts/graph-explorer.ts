import { select, type Selection } from 'd3-selection';
import { zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import { quadtree, type Quadtree } from 'd3-quadtree';
import { fromGraphData, type LaidOutGraph } from '../lib/graph-data.ts';
import { adjacencyOf, shortestPaths, type GraphPath, type Step } from '../lib/graph.ts';
import {
  describePath,
  edgeLabelFrom,
  findEntity,
  pathMayUse,
  searchFromView,
  viewFromSearch,
  visibleGraph,
  type GraphView,
} from '../lib/graph-view.ts';
import { ENTITY_TYPES, ENTITY_TYPE_INFO, type EntityType } from '../lib/schema/entity-types.ts';
import { CONFIDENCE_LEVELS, confidenceRank, isConfidence } from '../lib/schema/confidence.ts';
import { RELATION_KEYS, type RelationKey } from '../lib/schema/relations.ts';
import { entryPath, withBase } from '../lib/paths.ts';
import {
  MENTION,
  drawScene,
  labelOf,
  readPalette,
  zoomGrowth,
  type DrawnCounts,
  type Emphasis,
  type Palette,
  type Scene,
  type Viewport,
} from './graph-canvas.ts';
import { renderCard, renderFocus, renderPaths } from './graph-text.ts';

/**
 * `<case-graph>`: the whole case on a canvas. Loads /graph.json (positions were computed at build
 * time), draws it, and lets the reader zoom, filter, find an entity and trace the shortest chains
 * between two, keeping all of that in the address so a view can be shared. The canvas is hidden from
 * assistive technology: the controls are ordinary form controls and the table beside the diagram
 * lists the same relationships.
 */
export class CaseGraphExplorer extends HTMLElement {
  #data!: LaidOutGraph;
  #scene!: Scene;
  #adjacency!: Map<string, Step[]>;
  #indexOf = new Map<string, number>();
  #shownEdge = new Uint8Array(0);
  #tree: Quadtree<number> | undefined;
  #widths = new Float32Array(0);
  #view: GraphView = viewFromSearch('');
  #canvas!: HTMLCanvasElement;
  #ctx!: CanvasRenderingContext2D;
  #palette!: Palette;
  #zoom!: ZoomBehavior<HTMLCanvasElement, unknown>;
  #selection!: Selection<HTMLCanvasElement, unknown, null, undefined>;
  #transform: ZoomTransform = zoomIdentity;
  #fitK = 1;
  #width = 0;
  #height = 0;
  #hover: number | undefined;
  #focus: number | undefined;
  #paths: GraphPath[] = [];
  #frame = 0;
  #zoomFrame = false;
  #drawnOnce = false;
  #pointer = 'mouse';
  #base = '/';
  #drawn: DrawnCounts = { nodes: 0, edges: 0, labels: 0 };

  connectedCallback(): void {
    const canvas = this.querySelector<HTMLCanvasElement>('canvas');
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    this.#canvas = canvas;
    this.#ctx = ctx;
    this.#base = this.dataset.base ?? '/';
    void this.#load();
  }

  async #load(): Promise<void> {
    const status = this.querySelector<HTMLElement>('[data-status]');
    try {
      performance.mark('casefile:graph:fetch-start');
      const response = await fetch(this.dataset.src ?? '', { credentials: 'same-origin' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const raw: unknown = await response.json();
      performance.mark('casefile:graph:fetched');
      this.#data = fromGraphData(raw);
      performance.mark('casefile:graph:parsed');
    } catch (error) {
      if (status)
        status.textContent = `The diagram could not be loaded (${String(error)}). The table below lists every link.`;
      return;
    }
    this.#index();
    this.#view = viewFromSearch(location.search);
    this.#syncControls();
    this.#palette = readPalette(this);
    this.#resize();
    this.#applyView();
    this.#setUpZoom();
    this.#bindControls();
    this.#restoreFocusAndPath();
    performance.mark('casefile:graph:indexed');
    this.#draw(false);
    this.#drawnOnce = true;
    performance.mark('casefile:graph:first-draw');
    this.dataset.state = 'ready';
    this.querySelector('[data-placeholder]')?.remove();
    new ResizeObserver(() => this.#resize(true)).observe(this.#canvas.parentElement ?? this.#canvas);
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
      this.#palette = readPalette(this);
      this.#schedule(false);
    });
    // The names list for the find and path boxes is only needed once the reader types.
    if ('requestIdleCallback' in window) requestIdleCallback(() => this.#fillNames(), { timeout: 2000 });
    else setTimeout(() => this.#fillNames(), 200);
  }

  /** Screen (viewport) coordinates of a node's centre, for tests that click through real hit-testing. */
  screenPointOf(id: string): { x: number; y: number } | undefined {
    const i = this.#indexOf.get(id);
    if (i === undefined) return undefined;
    const box = this.#canvas.getBoundingClientRect();
    const [x, y] = this.#transform.apply([this.#scene.xs[i] ?? 0, this.#scene.ys[i] ?? 0]);
    return { x: box.left + x, y: box.top + y };
  }

  /** What the last frame drew (nodes and edges on screen, labels), for tests and the benchmark. */
  get drawn(): DrawnCounts {
    return { ...this.#drawn };
  }

  /** Flat arrays for drawing and the id index, built once. */
  #index(): void {
    const { nodes, edges, positions } = this.#data;
    const n = nodes.length;
    const types = new Uint8Array(n);
    const radii = new Float32Array(n);
    nodes.forEach((node, i) => {
      this.#indexOf.set(node.id, i);
      types[i] = ENTITY_TYPES.indexOf(node.type);
      radii[i] = Math.min(12, 2.5 + 1.3 * Math.sqrt(node.degree));
    });
    const order = Uint32Array.from(nodes.keys()).sort(
      (a, b) => (nodes[b]?.degree ?? 0) - (nodes[a]?.degree ?? 0) || a - b,
    );
    this.#scene = {
      xs: Float64Array.from(positions, (p) => p[0]),
      ys: Float64Array.from(positions, (p) => p[1]),
      types,
      radii,
      labels: nodes.map((node) => labelOf(node.name)),
      labelOrder: order,
      sources: Uint32Array.from(edges, (_, e) => this.#data.ends[2 * e] ?? 0),
      targets: Uint32Array.from(edges, (_, e) => this.#data.ends[2 * e + 1] ?? 0),
      styles: Uint8Array.from(edges, (e) => (e.confidence ? confidenceRank(e.confidence) : MENTION)),
      shownNodes: new Uint8Array(n),
      shownEdges: new Uint32Array(0),
    };
    this.#widths = new Float32Array(n).fill(NaN);
    this.#adjacency = adjacencyOf(this.#data);
  }

  #setUpZoom(): void {
    this.#selection = select(this.#canvas);
    this.#zoom = zoom<HTMLCanvasElement, unknown>()
      .scaleExtent([this.#fitK / 2, this.#maxK()])
      .on('zoom', (event: D3ZoomEvent<HTMLCanvasElement, unknown>) => {
        this.#transform = event.transform;
        this.#schedule(true);
      });
    this.#selection.call(this.#zoom).on('dblclick.zoom', null);
    this.#fit();
    this.#canvas.addEventListener('pointerdown', (event) => (this.#pointer = event.pointerType));
    this.#canvas.addEventListener('pointermove', (event) => this.#hoverAt(event));
    this.#canvas.addEventListener('pointerleave', () => this.#setHover(undefined));
    this.#canvas.addEventListener('click', (event) => this.#clickAt(event));
  }

  /** Sizes the canvas to its box at the screen's pixel density. */
  #resize(redraw = false): void {
    const box = this.#canvas.getBoundingClientRect();
    const dpr = window.devicePixelRatio || 1;
    if (
      box.width === this.#width &&
      box.height === this.#height &&
      this.#canvas.width === Math.round(box.width * dpr)
    ) {
      return;
    }
    const first = this.#width === 0;
    this.#width = box.width;
    this.#height = box.height;
    this.#canvas.width = Math.round(box.width * dpr);
    this.#canvas.height = Math.round(box.height * dpr);
    this.#ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    this.#fitK = this.#fitScale();
    if (!first && redraw) {
      this.#zoom.scaleExtent([this.#fitK / 2, this.#maxK()]);
      this.#schedule(false);
    }
  }

  /** The scale at which every node fits the canvas. */
  #fitScale(): number {
    const { xs, ys } = this.#scene;
    let extentX = 1;
    let extentY = 1;
    for (let i = 0; i < xs.length; i++) {
      extentX = Math.max(extentX, Math.abs(xs[i] ?? 0));
      extentY = Math.max(extentY, Math.abs(ys[i] ?? 0));
    }
    return Math.min((this.#width - 48) / (2 * extentX), (this.#height - 48) / (2 * extentY));
  }

  /** The deepest zoom: a link about 600 pixels long, or six times the whole-case scale. */
  #maxK(): number {
    return Math.max(this.#fitK * 6, 20);
  }

  /** Zooms to show a set of nodes (all shown nodes when none are given), never further out than the whole case. */
  #fit(nodes?: readonly number[]): void {
    const { xs, ys, shownNodes } = this.#scene;
    const list = nodes ?? [...shownNodes.keys()].filter((i) => shownNodes[i]);
    if (list.length === 0) return;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const i of list) {
      minX = Math.min(minX, xs[i] ?? 0);
      maxX = Math.max(maxX, xs[i] ?? 0);
      minY = Math.min(minY, ys[i] ?? 0);
      maxY = Math.max(maxY, ys[i] ?? 0);
    }
    const pad = 80;
    const span = Math.min(
      (this.#width - 2 * pad) / Math.max(maxX - minX, 1),
      (this.#height - 2 * pad) / Math.max(maxY - minY, 1),
    );
    const k = Math.max(this.#fitK, Math.min(this.#maxK(), this.#fitK * 5, list.length === 1 ? this.#fitK * 4 : span));
    const transform = zoomIdentity
      .translate(this.#width / 2, this.#height / 2)
      .scale(k)
      .translate(-(minX + maxX) / 2, -(minY + maxY) / 2);
    this.#zoom.transform(this.#selection, transform);
  }

  /** Draws on the next animation frame (once, however many changes arrive). */
  #schedule(fromZoom: boolean): void {
    this.#zoomFrame ||= fromZoom;
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      const zoomed = this.#zoomFrame;
      this.#zoomFrame = false;
      this.#draw(zoomed);
    });
  }

  #draw(fromZoom: boolean): void {
    if (this.#width === 0) return;
    const start = performance.now();
    this.#drawn = drawScene(this.#ctx, this.#scene, this.#viewport(), this.#palette, this.#widths, this.#emphasis());
    if (fromZoom && this.#drawnOnce) {
      performance.measure('casefile:graph:frame', { start, end: performance.now() });
    }
  }

  /** The current zoom and canvas size, as the drawing code takes them. */
  #viewport(): Viewport {
    const { k, x, y } = this.#transform;
    return { k, x, y, width: this.#width, height: this.#height, fitK: this.#fitK };
  }

  /** What to bring forward: a traced path, else the hovered or focused entity and its neighbours. */
  #emphasis(): Emphasis | undefined {
    if (this.#paths.length > 0) {
      const nodes = new Set<number>();
      const path = new Set<number>();
      for (const chain of this.#paths) {
        for (const id of chain.nodes) nodes.add(this.#indexOf.get(id) ?? 0);
        for (const e of chain.edges) path.add(e);
      }
      const ends = [this.#paths[0]?.nodes[0], this.#paths[0]?.nodes.at(-1)].map(
        (id) => this.#indexOf.get(id ?? '') ?? 0,
      );
      return { nodes, edges: new Set(), path, ringed: new Set(ends) };
    }
    const centre = this.#hover ?? this.#focus;
    if (centre === undefined) return undefined;
    const id = this.#data.nodes[centre]?.id ?? '';
    const nodes = new Set([centre]);
    const edges = new Set<number>();
    for (const step of this.#adjacency.get(id) ?? []) {
      if (!this.#shownEdge[step.edge]) continue;
      edges.add(step.edge);
      nodes.add(this.#indexOf.get(step.other) ?? 0);
    }
    return { nodes, edges, path: new Set(), ringed: new Set(this.#focus === undefined ? [] : [this.#focus]) };
  }

  /** The node under a pointer, through the quadtree, within its drawn radius plus a little slack. */
  #hit(event: MouseEvent): number | undefined {
    if (!this.#tree) return undefined;
    const box = this.#canvas.getBoundingClientRect();
    const [x, y] = this.#transform.invert([event.clientX - box.left, event.clientY - box.top]);
    const growth = zoomGrowth({ ...this.#viewport() });
    const slack = (12 * growth + 6) / this.#transform.k;
    const found = this.#tree.find(x, y, slack);
    if (found === undefined) return undefined;
    const reach = ((this.#scene.radii[found] ?? 3) * growth + 4) / this.#transform.k;
    return Math.hypot((this.#scene.xs[found] ?? 0) - x, (this.#scene.ys[found] ?? 0) - y) <= reach ? found : undefined;
  }

  #hoverAt(event: PointerEvent): void {
    if (event.pointerType === 'touch') return;
    const hit = this.#hit(event);
    this.#setHover(hit);
    const card = this.querySelector<HTMLElement>('[data-card]');
    if (!card || hit === undefined) return;
    const box = this.#canvas.getBoundingClientRect();
    const x = event.clientX - box.left;
    const y = event.clientY - box.top;
    // Keep the card inside the stage: flip to the left or upwards near the edges.
    card.style.left = `${x + 16 + card.offsetWidth > this.#width ? Math.max(0, x - 16 - card.offsetWidth) : x + 16}px`;
    card.style.top = `${y + 16 + card.offsetHeight > this.#height ? Math.max(0, y - 16 - card.offsetHeight) : y + 16}px`;
  }

  #setHover(hit: number | undefined): void {
    if (hit === this.#hover) return;
    this.#hover = hit;
    this.#canvas.style.cursor = hit === undefined ? '' : 'pointer';
    const card = this.querySelector<HTMLElement>('[data-card]');
    const node = hit === undefined ? undefined : this.#data.nodes[hit];
    if (card) {
      card.hidden = !node;
      if (node) renderCard(card, node);
    }
    this.#schedule(false);
  }

  #clickAt(event: MouseEvent): void {
    const hit = this.#hit(event);
    if (hit === undefined) return;
    const node = this.#data.nodes[hit];
    if (!node) return;
    // A first tap on a touch screen shows what was tapped (there is no hover); a second one opens it.
    if (this.#pointer === 'touch' && this.#focus !== hit) {
      this.#setFocus(hit, false);
      return;
    }
    location.assign(withBase(this.#base, entryPath(node.id)));
  }

  /** Puts an entity in focus (or none): ringed, its neighbours brought forward, described below. */
  #setFocus(index: number | undefined, zoomTo: boolean): void {
    this.#focus = index;
    const node = index === undefined ? undefined : this.#data.nodes[index];
    this.#view = { ...this.#view, focus: node?.id };
    const panel = this.querySelector<HTMLElement>('[data-focus-panel]');
    if (panel) {
      panel.hidden = !node;
      if (node) {
        renderFocus(panel, node, this.#base, {
          links: (this.#adjacency.get(node.id) ?? [])
            .filter((step) => this.#shownEdge[step.edge])
            .flatMap((step) => {
              const edge = this.#data.edges[step.edge];
              const other = this.#data.nodes[this.#indexOf.get(step.other) ?? -1];
              return edge && other
                ? [{ node: other, label: edgeLabelFrom(edge, node.id), confidence: edge.confidence }]
                : [];
            })
            // Typed relationships first, then mentions; each by label and name.
            .sort(
              (a, b) =>
                Number(a.confidence === undefined) - Number(b.confidence === undefined) ||
                a.label.localeCompare(b.label) ||
                a.node.name.localeCompare(b.node.name),
            ),
          onFocus: (id) => this.#setFocus(this.#indexOf.get(id), true),
          onClear: () => this.#setFocus(undefined, false),
          onTraceFrom: () => {
            const from = this.querySelector<HTMLInputElement>('[name="from"]');
            if (from) {
              from.value = node.name;
              this.querySelector<HTMLInputElement>('[name="to"]')?.focus();
            }
          },
        });
      }
    }
    if (node && zoomTo && index !== undefined) {
      const around = [index, ...(this.#adjacency.get(node.id) ?? []).map((step) => this.#indexOf.get(step.other) ?? 0)];
      this.#fit(around);
    }
    this.#saveView();
    this.#schedule(false);
  }

  /** Applies the filters: which nodes and edges are shown, the hit-testing tree and the counts. */
  #applyView(): void {
    const visible = visibleGraph(this.#data, this.#view);
    const { shownNodes } = this.#scene;
    visible.nodes.forEach((shown, i) => (shownNodes[i] = shown ? 1 : 0));
    this.#scene.shownEdges = Uint32Array.from(visible.edges);
    this.#shownEdge = new Uint8Array(this.#data.edges.length);
    for (const e of visible.edges) this.#shownEdge[e] = 1;
    this.#tree = quadtree<number>(
      [...shownNodes.keys()].filter((i) => shownNodes[i]),
      (i) => this.#scene.xs[i] ?? 0,
      (i) => this.#scene.ys[i] ?? 0,
    );
    const status = this.querySelector<HTMLElement>('[data-status]');
    if (status) {
      const nodes = visible.nodes.filter(Boolean).length;
      status.textContent =
        `Showing ${nodes} of ${this.#data.nodes.length} entities and ${visible.edges.length} of ` +
        `${this.#data.edges.length} links. Scroll or pinch to zoom, drag to move; ` +
        `point at an entity to see it, click to open its dossier.`;
    }
    if (this.#hover !== undefined && !shownNodes[this.#hover]) this.#setHover(undefined);
    // The focus panel lists the links shown, so it follows the filters.
    if (this.#focus !== undefined && this.#canvas.isConnected && this.#drawnOnce) this.#setFocus(this.#focus, false);
    this.#schedule(false);
  }

  /** Writes the view into the address without adding a history entry per click. */
  #saveView(): void {
    history.replaceState(history.state, '', `${location.pathname}${searchFromView(this.#view)}${location.hash}`);
  }

  /** Sets the form controls from the view (on load, from the address). */
  #syncControls(): void {
    for (const box of this.querySelectorAll<HTMLInputElement>('input[name="type"]')) {
      box.checked = this.#view.types.has(box.value as EntityType);
    }
    for (const box of this.querySelectorAll<HTMLInputElement>('input[name="rel"]')) {
      box.checked = this.#view.relations.has(box.value as RelationKey);
    }
    const mentions = this.querySelector<HTMLInputElement>('input[name="mentions"]');
    if (mentions) mentions.checked = this.#view.mentions;
    const via = this.querySelector<HTMLInputElement>('input[name="via"]');
    if (via) via.checked = this.#view.pathMentions;
    const min = this.querySelector<HTMLSelectElement>('select[name="min"]');
    if (min) min.value = this.#view.minConfidence;
    const nameOf = (id: string | undefined) => (id ? (this.#data.nodes[this.#indexOf.get(id) ?? -1]?.name ?? id) : '');
    const from = this.querySelector<HTMLInputElement>('input[name="from"]');
    const to = this.querySelector<HTMLInputElement>('input[name="to"]');
    if (from) from.value = nameOf(this.#view.from);
    if (to) to.value = nameOf(this.#view.to);
  }

  /** Reads the filter controls into the view. */
  #readFilters(): void {
    const checked = (name: string) =>
      [...this.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)]
        .filter((box) => box.checked)
        .map((box) => box.value);
    // Relation types the case never uses have no box; they stay "shown" so the address stays short.
    const boxed = new Set([...this.querySelectorAll<HTMLInputElement>('input[name="rel"]')].map((box) => box.value));
    const relations = new Set([...checked('rel'), ...RELATION_KEYS.filter((key) => !boxed.has(key))]);
    const min = this.querySelector<HTMLSelectElement>('select[name="min"]')?.value ?? '';
    this.#view = {
      ...this.#view,
      types: new Set(checked('type').filter((t): t is EntityType => (ENTITY_TYPES as readonly string[]).includes(t))),
      relations: new Set(RELATION_KEYS.filter((key) => relations.has(key))),
      mentions: this.querySelector<HTMLInputElement>('input[name="mentions"]')?.checked ?? true,
      minConfidence: isConfidence(min) ? min : (CONFIDENCE_LEVELS.at(-1) ?? 'unverified'),
      pathMentions: this.querySelector<HTMLInputElement>('input[name="via"]')?.checked ?? false,
    };
  }

  #bindControls(): void {
    const filters = this.querySelector<HTMLFormElement>('[data-filters]');
    filters?.addEventListener('change', () => {
      this.#readFilters();
      this.#applyView();
      if (this.#view.from && this.#view.to) this.#trace(false);
      this.#saveView();
    });
    filters?.addEventListener('submit', (event) => event.preventDefault());
    for (const button of this.querySelectorAll<HTMLButtonElement>('[data-rels]')) {
      button.addEventListener('click', () => {
        for (const box of this.querySelectorAll<HTMLInputElement>('input[name="rel"]'))
          box.checked = button.dataset.rels === 'all';
        filters?.dispatchEvent(new Event('change'));
      });
    }
    this.querySelector<HTMLFormElement>('[data-find]')?.addEventListener('submit', (event) => {
      event.preventDefault();
      const input = this.querySelector<HTMLInputElement>('input[name="q"]');
      const node = findEntity(this.#data.nodes, input?.value ?? '');
      const status = this.querySelector<HTMLElement>('[data-find-status]');
      if (status) status.textContent = node ? '' : `Nothing in the case is called “${input?.value ?? ''}”.`;
      if (!node) return;
      const index = this.#indexOf.get(node.id);
      if (index !== undefined && !this.#scene.shownNodes[index]) {
        // Finding an entity the filters hide brings its type back rather than failing silently.
        this.#view = { ...this.#view, types: new Set([...this.#view.types, node.type]) };
        this.#syncControls();
        this.#applyView();
      }
      this.#setFocus(index, true);
    });
    const pathForm = this.querySelector<HTMLFormElement>('[data-path]');
    pathForm?.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#readFilters();
      const from = findEntity(
        this.#data.nodes,
        this.querySelector<HTMLInputElement>('input[name="from"]')?.value ?? '',
      );
      const to = findEntity(this.#data.nodes, this.querySelector<HTMLInputElement>('input[name="to"]')?.value ?? '');
      this.#view = { ...this.#view, from: from?.id, to: to?.id };
      this.#trace(true);
      this.#saveView();
    });
    pathForm?.addEventListener('change', (event) => {
      if (!(event.target instanceof HTMLInputElement) || event.target.name !== 'via') return;
      this.#readFilters();
      if (this.#view.from && this.#view.to) this.#trace(false);
      this.#saveView();
    });
    pathForm?.addEventListener('reset', () => {
      this.#view = { ...this.#view, from: undefined, to: undefined };
      this.#paths = [];
      const result = this.querySelector<HTMLElement>('[data-path-result]');
      if (result) result.replaceChildren();
      this.#saveView();
      this.#schedule(false);
    });
    for (const button of this.querySelectorAll<HTMLButtonElement>('[data-zoom]')) {
      button.addEventListener('click', () => {
        if (button.dataset.zoom === 'fit') this.#fit();
        else this.#zoom.scaleBy(this.#selection, button.dataset.zoom === 'in' ? 1.6 : 1 / 1.6);
      });
    }
  }

  /** Finds and shows the shortest chains between the view's two ends, among the links shown. */
  #trace(zoomTo: boolean): void {
    const result = this.querySelector<HTMLElement>('[data-path-result]');
    const { from, to } = this.#view;
    if (!result) return;
    if (!from || !to) {
      this.#paths = [];
      renderPaths(result, { message: 'Choose two entities from the case (start typing a name).' }, this.#base);
      this.#schedule(false);
      return;
    }
    this.#paths = shortestPaths(this.#data, this.#adjacency, from, to, {
      limit: 5,
      filter: (edge) => this.#shownEdge[Number(edge.key)] === 1 && pathMayUse(this.#view, edge),
    });
    const nameOf = (id: string) => this.#data.nodes[this.#indexOf.get(id) ?? -1]?.name ?? id;
    renderPaths(
      result,
      {
        from: nameOf(from),
        to: nameOf(to),
        chains: this.#paths.map((path) => describePath(this.#data, path)),
        mentions: this.#view.pathMentions,
      },
      this.#base,
    );
    if (zoomTo && this.#paths.length > 0) {
      this.#fit([...new Set(this.#paths.flatMap((path) => path.nodes))].map((id) => this.#indexOf.get(id) ?? 0));
    }
    this.#schedule(false);
  }

  #restoreFocusAndPath(): void {
    const focus = this.#view.focus ? this.#indexOf.get(this.#view.focus) : undefined;
    if (focus !== undefined) this.#setFocus(focus, true);
    if (this.#view.from && this.#view.to) this.#trace(focus === undefined);
  }

  /** Fills the shared list of names the find and path boxes suggest from. */
  #fillNames(): void {
    const list = this.querySelector<HTMLDataListElement>('datalist');
    if (!list || list.childElementCount > 0) return;
    const options = this.#data.nodes.map((node) => {
      const option = document.createElement('option');
      option.value = node.name;
      option.label = [ENTITY_TYPE_INFO[node.type].label, node.native, ...node.aliases].filter(Boolean).join(' · ');
      return option;
    });
    list.append(...options);
  }
}

customElements.define('case-graph', CaseGraphExplorer);
