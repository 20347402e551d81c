import type { Quadtree } from 'd3-quadtree';
import { fromGraphData, type LaidOutGraph } from '../lib/graph-data.ts';
import { bestChains, type RankedChain } from '../lib/graph-chains.ts';
import {
  adjacencyOfGraph,
  buildScene,
  edgeSummary,
  emphasisOf,
  IN_SCOPE,
  linksInScope,
  scopeScene,
  type Emphasis,
  type Scene,
} from '../lib/graph-scene.ts';
import { findEntity, viewFromSearch, type GraphView } from '../lib/graph-view.ts';
import { edgeMidpoint, hitEdge, hitNode, nodeTree } from '../lib/graph-camera.ts';
import { entryPath, withBase } from '../lib/paths.ts';
import { drawScene, readPalette, type DrawnCounts, type DrawnLabel, type Palette } from './graph-canvas.ts';
import { renderCard, renderEdgeCard, renderFocus } from './graph-text.ts';
import { showChains } from './graph-chains-text.ts';
import { EvidenceViewer } from './evidence-view.ts';
import { GraphForm } from './graph-form.ts';
import { GraphStage } from './graph-stage.ts';

/**
 * `<case-graph>`: the whole case on a canvas. Loads /graph.json (positions come from the build),
 * draws it, and lets the reader zoom, filter, fade or hide, replay by date, focus an entity and its
 * neighbourhood, open the evidence of any edge, trace the strongest chains between two entities and
 * export the view, keeping all of that in the address. The canvas is hidden from assistive
 * technology: the controls are form controls, the focus panel lists every link of the entity in
 * focus (the keyboard's way onto edges), and the table beside the diagram lists every relationship.
 */
class CaseGraphElement extends HTMLElement {
  #data!: LaidOutGraph;
  #scene!: Scene;
  #ids = new Map<string, number>();
  #form!: GraphForm;
  #view: GraphView = viewFromSearch('');
  #canvas!: HTMLCanvasElement;
  #ctx!: CanvasRenderingContext2D;
  #palette!: Palette;
  #stage!: GraphStage;
  #tree: Quadtree<number> | undefined;
  #widths = new Float32Array(0);
  #pointed: { node?: number; edge?: number } = {};
  #keyEdge: number | undefined;
  #focus: number | undefined;
  #chains: RankedChain[] = [];
  #evidence!: EvidenceViewer;
  #drawnOnce = false;
  #pointer = 'mouse';
  #drawn: { counts: DrawnCounts; labels: DrawnLabel[] } = {
    counts: { nodes: 0, edges: 0, faded: 0, labels: 0, labelled: [] },
    labels: [],
  };

  connectedCallback(): void {
    const canvas = this.querySelector<HTMLCanvasElement>('canvas');
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || this.dataset.state) return;
    this.#canvas = canvas;
    this.#ctx = ctx;
    this.dataset.state = 'loading';
    // After the page's first paint: the diagram's work (parsing, labels, drawing) then holds back
    // neither the text around it nor its placeholder, which a phone would otherwise wait for.
    requestAnimationFrame(() => setTimeout(() => void this.#load(), 0));
  }

  get #base(): string {
    return this.dataset.base ?? '/';
  }

  async #load(): Promise<void> {
    try {
      performance.mark('casefile:graph:fetch-start');
      const response = await fetch(this.dataset.src ?? '', { credentials: 'same-origin' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      this.#data = fromGraphData(await response.json());
      performance.mark('casefile:graph:parsed');
    } catch (error) {
      this.#status(`The diagram could not be loaded (${String(error)}). The table below lists every link.`);
      this.dataset.state = 'failed';
      return;
    }
    this.#scene = buildScene(this.#data);
    this.#ids = new Map(this.#data.nodes.map((node, i) => [node.id, i]));
    this.#widths = new Float32Array(this.#data.nodes.length).fill(NaN);
    this.#form = new GraphForm(this, this.#data.nodes);
    this.#evidence = new EvidenceViewer(this, this.dataset.evidence ?? '', this.#base);
    this.#view = viewFromSearch(location.search);
    this.#form.sync(this.#view);
    this.#palette = readPalette(this);
    this.#stage = new GraphStage(this.#canvas, this.#ctx, this.#scene, (fromZoom) => this.#draw(fromZoom));
    this.#applyView();
    this.#stage.fit();
    this.#listen();
    this.#bindControls();
    const focus = this.#view.focus ? this.#indexOf(this.#view.focus) : undefined;
    if (focus !== undefined) this.#setFocus(focus, true);
    if (this.#view.from && this.#view.to) this.#trace(focus === undefined);
    this.#draw(false);
    this.#drawnOnce = true;
    performance.mark('casefile:graph:first-draw');
    this.dataset.state = 'ready';
    this.querySelector('[data-placeholder]')?.remove();
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
      this.#palette = readPalette(this);
      this.#stage.schedule(false);
    });
    // The names list for the find and path boxes is only needed once the reader types.
    const fill = () => this.#form.fillNames();
    if ('requestIdleCallback' in window) requestIdleCallback(fill, { timeout: 2000 });
    else setTimeout(fill, 200);
  }

  #indexOf(id: string): number | undefined {
    return this.#ids.get(id);
  }

  #status(text: string): void {
    const status = this.querySelector<HTMLElement>('[data-status]');
    if (status) status.textContent = text;
  }

  /** Page coordinates of a node's centre, for tests that click through real hit-testing. */
  screenPointOf(id: string): { x: number; y: number } | undefined {
    const i = this.#indexOf(id);
    if (i === undefined) return undefined;
    const box = this.#canvas.getBoundingClientRect();
    const [x, y] = this.#stage.transform.apply([this.#scene.xs[i] ?? 0, this.#scene.ys[i] ?? 0]);
    return { x: box.left + x, y: box.top + y };
  }

  /** Page coordinates of the middle of an edge (by its index in graph.json), for tests that point at it. */
  screenPointOfEdge(index: number): { x: number; y: number } | undefined {
    if (!this.#data.edges[index]) return undefined;
    const box = this.#canvas.getBoundingClientRect();
    const [x, y] = edgeMidpoint(this.#scene, this.#stage.transform, index);
    return { x: box.left + x, y: box.top + y };
  }

  /** What the last frame drew (nodes and edges in scope, faded marks, labels), for tests and the benchmark. */
  get drawn(): DrawnCounts {
    return { ...this.#drawn.counts, labelled: [...this.#drawn.counts.labelled] };
  }

  /** Ids of the entities labelled in the last frame. */
  get labelledIds(): string[] {
    return this.#drawn.counts.labelled.map((i) => this.#data.nodes[i]?.id ?? '');
  }

  #listen(): void {
    this.#canvas.addEventListener('pointerdown', (event) => (this.#pointer = event.pointerType));
    this.#canvas.addEventListener('pointermove', (event) => this.#hoverAt(event));
    this.#canvas.addEventListener('pointerleave', () => this.#point({}));
    this.#canvas.addEventListener('click', (event) => this.#clickAt(event));
  }

  #draw(fromZoom: boolean): void {
    if (this.#stage.viewport().width === 0) return;
    const start = performance.now();
    this.#drawn = drawScene(
      this.#ctx,
      this.#scene,
      this.#stage.viewport(),
      this.#palette,
      this.#widths,
      this.#emphasis(),
    );
    if (fromZoom && this.#drawnOnce) performance.measure('casefile:graph:frame', { start, end: performance.now() });
  }

  /** What to bring forward, from what the reader attends to. */
  #emphasis(): Emphasis | undefined {
    return emphasisOf(this.#scene, this.#data, {
      node: this.#pointed.node,
      edge: this.#pointed.edge ?? this.#keyEdge,
      focus: this.#focus,
      chains: this.#chains.map((chain) => ({
        nodes: chain.nodes.map((id) => this.#indexOf(id) ?? 0),
        edges: chain.edges,
      })),
    });
  }

  /** What the pointer is over: a node in scope first, else an edge in scope. */
  #hit(event: MouseEvent): { node?: number; edge?: number } {
    const box = this.#canvas.getBoundingClientRect();
    const px = event.clientX - box.left;
    const py = event.clientY - box.top;
    const node = this.#tree ? hitNode(this.#tree, this.#scene, this.#stage.viewport(), px, py) : undefined;
    if (node !== undefined) return { node };
    const edge = hitEdge(this.#scene, this.#stage.transform, px, py);
    return edge === undefined ? {} : { edge };
  }

  #hoverAt(event: PointerEvent): void {
    if (event.pointerType === 'touch') return;
    this.#point(this.#hit(event));
    const box = this.#canvas.getBoundingClientRect();
    this.#placeCard(event.clientX - box.left, event.clientY - box.top);
  }

  /** Puts the card beside a point of the canvas, kept inside the stage (flipped near its edges). */
  #placeCard(x: number, y: number): void {
    const card = this.querySelector<HTMLElement>('[data-card]');
    if (!card || card.hidden) return;
    const { width, height } = this.#stage.viewport();
    card.style.left = `${x + 16 + card.offsetWidth > width ? Math.max(0, x - 16 - card.offsetWidth) : x + 16}px`;
    card.style.top = `${y + 16 + card.offsetHeight > height ? Math.max(0, y - 16 - card.offsetHeight) : y + 16}px`;
  }

  /** Shows the card of what is pointed at (a node or an edge) and brings it forward. */
  #point(hit: { node?: number; edge?: number }): void {
    if (hit.node === this.#pointed.node && hit.edge === this.#pointed.edge) return;
    this.#pointed = hit;
    this.#canvas.style.cursor = hit.node !== undefined || hit.edge !== undefined ? 'pointer' : '';
    this.#showCard(hit.node, hit.edge);
    this.#stage.schedule(false);
  }

  #showCard(node: number | undefined, edge: number | undefined): void {
    const card = this.querySelector<HTMLElement>('[data-card]');
    if (!card) return;
    const entity = node === undefined ? undefined : this.#data.nodes[node];
    const summary = edge === undefined ? undefined : edgeSummary(this.#scene, this.#data, edge);
    card.hidden = !entity && !summary;
    if (entity) renderCard(card, entity);
    else if (summary) {
      renderEdgeCard(card, summary, this.#evidence.get(summary.index));
      if (!this.#evidence.loaded)
        this.#evidence.whenLoaded(
          () => (this.#pointed.edge ?? this.#keyEdge) === edge && this.#showCard(undefined, edge),
        );
    }
  }

  #clickAt(event: MouseEvent): void {
    const hit = this.#hit(event);
    if (hit.edge !== undefined) {
      this.#evidence.open(hit.edge);
      return;
    }
    const node = hit.node === undefined ? undefined : this.#data.nodes[hit.node];
    if (!node || hit.node === undefined) return;
    // A first tap on a touch screen shows what was tapped (there is no hover); a second one opens it.
    if (this.#pointer === 'touch' && this.#focus !== hit.node) {
      this.#setFocus(hit.node, false);
      return;
    }
    location.assign(withBase(this.#base, entryPath(node.id)));
  }

  /** Puts an entity in focus (or none): ringed, its neighbours brought forward, its links listed. */
  #setFocus(index: number | undefined, zoomTo: boolean): void {
    const changed = index !== this.#focus;
    this.#focus = index;
    const node = index === undefined ? undefined : this.#data.nodes[index];
    this.#view = { ...this.#view, focus: node?.id, depth: node ? this.#view.depth : undefined };
    if (changed) this.#applyView();
    const panel = this.querySelector<HTMLElement>('[data-focus-panel]');
    if (panel) panel.hidden = !node;
    if (panel && node) {
      renderFocus(panel, node, this.#base, {
        links: index === undefined ? [] : linksInScope(this.#scene, this.#data, index),
        depth: this.#view.depth,
        onFocus: (id) => this.#setFocus(this.#indexOf(id), true),
        onClear: () => this.#setFocus(undefined, false),
        onTraceFrom: () => this.#form.setPathEnd('from', node.id),
        onDepth: (depth) => {
          this.#view = { ...this.#view, depth };
          this.#applyView();
          this.#setFocus(index, true);
        },
        onEdge: (edge) => {
          // An edge reached from the keyboard shows its card at its middle, as the pointer would.
          this.#keyEdge = edge;
          this.#showCard(undefined, edge);
          if (edge !== undefined) this.#placeCard(...edgeMidpoint(this.#scene, this.#stage.transform, edge));
          this.#stage.schedule(false);
        },
        onEvidence: (edge) => this.#evidence.open(edge),
      });
    }
    if (node && zoomTo && index !== undefined) {
      const around = [
        index,
        ...(adjacencyOfGraph(this.#data).get(node.id) ?? []).map((s) => this.#indexOf(s.other) ?? 0),
      ];
      this.#stage.fit(around);
    }
    this.#form.save(this.#view);
    this.#stage.schedule(false);
  }

  /** Applies the view to the scene: scope, hit-testing tree and the counts. */
  #applyView(): void {
    const counts = scopeScene(this.#scene, this.#data, this.#view);
    this.#tree = nodeTree(this.#scene);
    const total = this.#data.edges.filter((edge) => edge.kind === 'relation').length;
    this.#status(
      `Showing ${counts.nodes} of ${this.#data.nodes.length} entities and ${counts.edges} links ` +
        `(${total} relationships${this.#view.mentions ? ' and the mentions in text' : ''} in all). ` +
        `Point at a line for its grade; click it for how we know.`,
    );
    if (this.#pointed.node !== undefined && this.#scene.nodeScope[this.#pointed.node] !== IN_SCOPE) this.#point({});
    this.#stage.schedule(false);
  }

  #bindControls(): void {
    this.#form.bind({
      filters: () => {
        this.#view = this.#form.readFilters(this.#view);
        this.#applyView();
        if (this.#focus !== undefined) this.#setFocus(this.#focus, false);
        if (this.#view.from && this.#view.to) this.#trace(false);
        this.#form.save(this.#view);
      },
      find: (query) => {
        const node = findEntity(this.#data.nodes, query);
        if (!node) return false;
        if (!this.#view.types.has(node.type)) {
          // Finding an entity the filters leave out brings its type back rather than failing silently.
          this.#view = { ...this.#view, types: new Set([...this.#view.types, node.type]) };
          this.#form.sync(this.#view);
          this.#applyView();
        }
        this.#setFocus(this.#indexOf(node.id), true);
        return true;
      },
      trace: () => {
        this.#view = this.#form.readPath(this.#view);
        this.#trace(true);
        this.#form.save(this.#view);
      },
      clearTrace: () => {
        this.#view = { ...this.#view, from: undefined, to: undefined, avoid: [], avoidRelations: new Set() };
        this.#chains = [];
        this.querySelector<HTMLElement>('[data-path-result]')?.replaceChildren();
        this.#form.save(this.#view);
        this.#stage.schedule(false);
      },
      zoom: (how) => {
        if (how === 'fit') this.#stage.fit();
        else this.#stage.zoomBy(how === 'in' ? 1.6 : 1 / 1.6);
      },
      export: (kind) => void this.#export(kind),
    });
  }

  /** Finds and shows the best chains between the view's two ends, among the links in scope. */
  #trace(zoomTo: boolean): void {
    const result = this.querySelector<HTMLElement>('[data-path-result]');
    if (!result) return;
    const { from, to } = this.#view;
    this.#chains =
      from && to
        ? bestChains(this.#data, from, to, {
            k: 5,
            avoid: new Set(this.#view.avoid),
            avoidRelations: this.#view.avoidRelations,
            mentions: this.#view.pathMentions,
            allow: (edge, e) =>
              this.#scene.edgeScope[e] === IN_SCOPE || (this.#view.pathMentions && edge.kind === 'mention'),
          })
        : [];
    const render = () =>
      showChains(result, this.#data, this.#chains, this.#view, {
        nameOf: (id) => this.#form.nameOf(id),
        base: this.#base,
        evidence: (edge) => this.#evidence.get(edge),
        onEvidence: (edge) => this.#evidence.open(edge),
      });
    render();
    // Each hop's sources come with the evidence file, which arrives once.
    if (!this.#evidence.loaded && this.#chains.length > 0) this.#evidence.whenLoaded(render);
    if (zoomTo && this.#chains.length > 0) {
      this.#stage.fit([...new Set(this.#chains.flatMap((chain) => chain.nodes))].map((id) => this.#indexOf(id) ?? 0));
    }
    this.#stage.schedule(false);
  }

  async #export(kind: 'png' | 'svg'): Promise<void> {
    const { exportView } = await import('./graph-export.ts');
    const focus = this.#view.focus ? ` around ${this.#form.nameOf(this.#view.focus)}` : '';
    const at = this.#view.at ? ` as the material knew it on ${this.#view.at}` : '';
    const { nodes, edges } = this.#drawn.counts;
    await exportView(kind, {
      ...{ canvas: this.#canvas, scene: this.#scene, view: this.#stage.viewport(), palette: this.#palette },
      labels: this.#drawn.labels,
      caption: `Link diagram${focus}${at}: ${nodes} entities, ${edges} links. ${location.href}`,
    });
  }
}

if (!customElements.get('case-graph')) customElements.define('case-graph', CaseGraphElement);
