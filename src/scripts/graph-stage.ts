import { select, type Selection } from 'd3-selection';
import { zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import { IN_SCOPE, type Scene } from '../lib/graph-scene.ts';
import { fitScale, frame, maxScale, type Viewport } from '../lib/graph-camera.ts';

/**
 * The explorer's canvas as a camera: its size at the screen's pixel density, d3-zoom's transform
 * (wheel, drag, pinch, the zoom buttons, framing a set of nodes) and one redraw per animation frame
 * however many changes arrive. The maths of framing and hit-testing is in src/lib/graph-camera.ts.
 */
export class GraphStage {
  /** The canvas drawn on. */
  readonly canvas: HTMLCanvasElement;
  /** Its 2D context, scaled to CSS pixels. */
  readonly ctx: CanvasRenderingContext2D;
  /** The current zoom transform. */
  transform: ZoomTransform = zoomIdentity;
  readonly #scene: Scene;
  readonly #draw: (fromZoom: boolean) => void;
  #size = { width: 0, height: 0, fitK: 1 };
  #zoom!: ZoomBehavior<HTMLCanvasElement, unknown>;
  #selection!: Selection<HTMLCanvasElement, unknown, null, undefined>;
  #frame = 0;
  #zoomFrame = false;

  constructor(
    canvas: HTMLCanvasElement,
    ctx: CanvasRenderingContext2D,
    scene: Scene,
    draw: (fromZoom: boolean) => void,
  ) {
    this.canvas = canvas;
    this.ctx = ctx;
    this.#scene = scene;
    this.#draw = draw;
    this.resize();
    this.#selection = select(canvas);
    this.#zoom = zoom<HTMLCanvasElement, unknown>()
      .scaleExtent([this.#size.fitK / 2, maxScale(this.#size.fitK)])
      .on('zoom', (event: D3ZoomEvent<HTMLCanvasElement, unknown>) => {
        this.transform = event.transform;
        this.schedule(true);
      });
    this.#selection.call(this.#zoom).on('dblclick.zoom', null);
    new ResizeObserver(() => {
      if (this.resize()) this.schedule(false);
    }).observe(canvas.parentElement ?? canvas);
  }

  /** The zoom and size as the drawing and hit-testing code take them. */
  viewport(): Viewport {
    const { k, x, y } = this.transform;
    return { k, x, y, ...this.#size };
  }

  /** Sizes the canvas to its box; true when the size changed. */
  resize(): boolean {
    const box = this.canvas.getBoundingClientRect();
    const dpr = window.devicePixelRatio || 1;
    if (box.width === this.#size.width && box.height === this.#size.height) return false;
    this.canvas.width = Math.round(box.width * dpr);
    this.canvas.height = Math.round(box.height * dpr);
    this.ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    this.#size = { width: box.width, height: box.height, fitK: fitScale(this.#scene, box.width, box.height) };
    this.#zoom.scaleExtent([this.#size.fitK / 2, maxScale(this.#size.fitK)]);
    return true;
  }

  /** Frames a set of nodes (every node in scope when none are given). */
  fit(nodes?: readonly number[]): void {
    const all = [...this.#scene.nodeScope.keys()];
    const list = nodes ?? all.filter((i) => this.#scene.nodeScope[i] === IN_SCOPE);
    const { k, x, y } = frame(this.#scene, list.length > 0 ? list : all, this.viewport());
    this.#zoom.transform(this.#selection, zoomIdentity.translate(x, y).scale(k));
  }

  /** Zooms in or out about the centre. */
  zoomBy(factor: number): void {
    this.#zoom.scaleBy(this.#selection, factor);
  }

  /** Draws on the next animation frame (once, however many changes arrive). */
  schedule(fromZoom: boolean): void {
    this.#zoomFrame ||= fromZoom;
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      const zoomed = this.#zoomFrame;
      this.#zoomFrame = false;
      this.#draw(zoomed);
    });
  }
}
