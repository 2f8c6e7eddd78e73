/**
 * The only code that talks to sigma. The graph is built once; a filter or
 * selection change only updates small display arrays and repaints what they
 * changed, so positions never move because of a filter. Concerns live
 * beside it: looks.ts (what an item looks like), repaint.ts (repainting
 * only what changed), node-positions.ts (saved positions), visible-only-program.ts (drawing only visible edges),
 * pointer.ts (clicks, hover, drag) and camera-moves.ts.
 */
import Sigma from 'sigma';
import type { RelationIndex } from '../core/relation-index';
import { DEFAULT_EDGE_LIMIT, strongestEdges, type EdgeAttributes, type EntenteGraph, type NodeAttributes } from './build-graph';
import { addRemainingEdges, reholdEdges, startGraph, withProcessingHeld, type MountPlan } from './progressive-mount';
import { runLayout, type LayoutOutcome, type LayoutRun } from './layout';
import type { LayoutProgress } from '../core/layout-steps';
import { labelsAtNextFrame, PLACEMENT_SETTINGS } from './label-placement';
import { computeDisplay, displayDiff, edgeSizeOf, updateDisplay, type DisplayArrays, type DisplayState } from './display';
import { SIGMA_SETTINGS } from './sigma-settings';
import { afterNextRender, createSigmaDrawnLater } from './sigma-drawn-later';
import type { Point } from './edge-hit';
import { createLooks, type Looks, type Palette } from './looks';
import { DirectRepaint } from './repaint';
import { heldEdgeKeys } from './held-slots';
import { heldEdgesOf } from './parallel-edges';
import { GraphPointer } from './pointer';
import { fitShown, focusOn, zoomBy } from './camera-moves';
import { readPositions, writePositions } from './node-positions';
import { visibleEdgeTargets, type EdgeTarget } from './visible-edges';

export type { DisplayState } from './display';
export { planMount, type MountPlan } from './progressive-mount';
export { EDGE_HIT_TOLERANCE } from './pointer';

export interface RendererEvents {
  nodeClick(actorId: string): void;
  edgeClick(edgeIndex: number): void;
  /** The edge under the pointer changed (null: none); `point` is where the pointer is, in viewport pixels. */
  edgeHover?(edgeIndex: number | null, point: Point): void;
  stageClick(): void;
  layoutChange(running: boolean): void;
  /** How far a running layout is; reported a dozen times a second. */
  layoutProgress?(progress: LayoutProgress): void;
  /** The user dragged nodes to new places. */
  nodesMoved?(): void;
}

export interface RendererOptions {
  /** Most aggregated edges the graph holds; beyond it, the strongest by relation count. */
  edgeLimit?: number;
  /** Saved node positions (x, y per actor, in RelationIndex.actorIds order), drawn instead of the start positions. */
  positions?: Float32Array | null;
  /** While the held edges are added after the first frame: the fraction added. */
  mountProgress?(fraction: number): void;
  /** planMount's work for this index, done in tasks before; ignored when planned for another index or limit. */
  plan?: MountPlan | null;
  /** The filter and selection to draw: sigma draws its first frame as it is created, so with this it is drawn once, not twice. */
  initial?: DisplayState | null;
}

export class GraphRenderer {
  readonly graph: EntenteGraph;
  readonly sigma: Sigma<NodeAttributes, EdgeAttributes>;
  private display: DisplayArrays | null = null;
  private layoutRun: LayoutRun | null = null;
  private pointer: GraphPointer;
  private looks: Looks;
  private painter: DirectRepaint;
  /** Per aggregated edge, whether the graph holds it (see edgeLimit). */
  private inGraph: Uint8Array;
  private limit: number;
  private killed = false;
  private lastState: DisplayState | null = null;
  private mounted = false;
  /** Resolves once the graph holds every held edge (and the affiliation edges); the first frame comes before. */
  readonly ready: Promise<void>;

  constructor(container: HTMLElement, readonly index: RelationIndex, private events: RendererEvents, options: RendererOptions = {}) {
    this.limit = options.edgeLimit ?? DEFAULT_EDGE_LIMIT;
    const plan = options.plan?.index === index && options.plan.limit === this.limit ? options.plan : null;
    this.inGraph = plan?.held ?? strongestEdges(index, this.limit);
    const start = plan?.start ?? startGraph(index, this.inGraph);
    this.graph = start.graph;
    if (options.positions) this.applyPositions(options.positions);
    this.looks = plan?.looks ?? createLooks(index);
    if (options.initial) this.display = this.firstDisplay(options.initial, plan?.display ?? null);
    this.sigma = createSigmaDrawnLater(this.graph, container, {
      ...SIGMA_SETTINGS,
      ...PLACEMENT_SETTINGS,
      // The first frame without labels: they follow at the next frame (labelsAtNextFrame).
      renderLabels: false,
      nodeReducer: (_node, attributes) => this.looks.reduceNode(attributes, this.display),
      edgeReducer: (_edge, attributes) => this.looks.reduceEdge(attributes, this.display),
    });
    // The held edges are added once the labels' frame is drawn too: added before, that frame processed them all.
    const firstRender = afterNextRender(this.sigma as unknown as Sigma).then(() => {
      if (this.killed) return;
      labelsAtNextFrame(this.sigma as unknown as Sigma);
      return afterNextRender(this.sigma as unknown as Sigma);
    });
    const held = heldEdgesOf(index, this.inGraph);
    this.painter = new DirectRepaint(this.sigma as unknown as Sigma, {
      nodeKeys: index.actorIds,
      held,
      edgeKeys: heldEdgeKeys(this.graph, held),
      sourceOf: index.edgeSourceIndex,
      targetOf: index.edgeTargetIndex,
      sizedByEnds: (e) => this.looks.sizedByEnds(e),
      drawn: (e) => this.display !== null && edgeSizeOf(this.display, e) > 0,
      writeNode: (data, n) => this.looks.writeNode(data, n, this.display!),
      writeEdge: (data, e) => this.looks.writeEdge(data, e, this.display!),
    });
    this.pointer = new GraphPointer(this.sigma, this.graph, { ...events, dragStart: () => this.stopLayout() });
    const stopped = () => this.killed;
    this.ready = withProcessingHeld(this.sigma, this.graph, () => addRemainingEdges(start, index, firstRender, (e, key) => this.painter.edgeAdded(e, key), (f) => options.mountProgress?.(f), stopped), stopped).then(() => {
      this.mounted = !this.killed;
      this.pointer.forgetShapes();
    });
  }

  /** The node under the pointer, as sigma last reported it. */
  get hoveredNode(): string | null {
    return this.pointer.hoveredNode;
  }

  /**
   * Applies a new filter/selection state to the existing graph: display only, no rebuild, no layout.
   * A filter change repaints only the nodes and edges whose look changed; a change of selection or
   * comparison, which restyles everything, repaints all.
   */
  update(given: DisplayState): void {
    const { state, changedEdges } = this.held(given);
    const previous = this.display;
    const changes = previous ? updateDisplay(this.index, previous, state, changedEdges) : null;
    if (changes) return this.painter.paint(changes.nodes, changes.edges);
    const next = computeDisplay(this.index, this.graph, state);
    this.display = next;
    if (!previous || previous.dimOthers || next.dimOthers || previous.edgeState || next.edgeState) {
      this.sigma.refresh({ skipIndexation: true });
      return;
    }
    const diff = displayDiff(previous, next);
    this.painter.paint(diff.nodes, diff.edges);
  }

  /** The display of the first frame: the planned one (planDisplay) brought up to date, else worked out here. */
  private firstDisplay(given: DisplayState, planned: MountPlan['display'] | null): DisplayArrays {
    const { state, changedEdges } = this.held(given);
    // The engine's changed edges are those of its own result: of another one, they say nothing of what changed.
    if (planned && planned.result === given.result && planned.arrays.held === this.inGraph && updateDisplay(this.index, planned.arrays, state, changedEdges)) return planned.arrays;
    return computeDisplay(this.index, this.graph, state);
  }

  /** `given` for the edges the graph holds (the display skips the others, render/display.ts), and the edges changed since the last one. */
  private held(given: DisplayState): { state: DisplayState; changedEdges: Int32Array | null } {
    this.lastState = given;
    // Taken on every state, so that the list always starts at the state this renderer last drew.
    return { state: { ...given, held: this.inGraph }, changedEdges: given.result.takeChangedEdges?.() ?? null };
  }

  /** The most aggregated edges drawn; beyond it the graph holds the strongest. */
  get edgeLimit(): number {
    return this.limit;
  }

  /** How many aggregated edges the graph holds (at most edgeLimit). */
  get heldEdgeCount(): number {
    return Math.min(this.limit, this.index.edges.length);
  }

  /** Whether the graph holds aggregated edge `e`. */
  holdsEdge(e: number): boolean {
    return this.inGraph[e] === 1;
  }

  /** Holds the `limit` strongest edges instead; while the held edges are still being added, once they are. */
  setEdgeLimit(limit: number): void {
    if (!this.mounted) {
      void this.ready.then(() => this.mounted && this.setEdgeLimit(limit));
      return;
    }
    if (limit === this.limit) return;
    const kept = strongestEdges(this.index, limit);
    reholdEdges(this.graph, this.index, this.inGraph, kept);
    this.inGraph = kept;
    this.limit = limit;
    const held = heldEdgesOf(this.index, kept);
    this.painter.setHeld(held, heldEdgeKeys(this.graph, held));
    // The display skips edges the graph did not hold: worked out again for those it holds now.
    if (this.lastState) this.display = computeDisplay(this.index, this.graph, { ...this.lastState, held: kept } as DisplayState);
    this.pointer.forgetShapes();
    this.sigma.refresh();
  }

  /** Node positions, x and y per actor in RelationIndex.actorIds order, to save with the dataset. */
  positions(): Float32Array {
    return readPositions(this.graph, this.index.actorIds.length);
  }

  /** Moves every node to saved positions (same layout as positions()). */
  applyPositions(positions: Float32Array): void {
    writePositions(this.graph, positions, this.index.actorIds.length);
  }

  get layoutRunning(): boolean {
    return this.layoutRun !== null;
  }

  /** Iterations, milliseconds and how the last completed layout run ended. */
  lastLayout: LayoutOutcome | null = null;

  /** Stops a running layout where it is; its promise resolves as if it had settled. */
  stopLayout(): void {
    this.layoutRun?.stop();
  }

  startLayout(): Promise<void> {
    this.stopLayout();
    this.sigma.setCustomBBox(null);
    const run = runLayout(this.graph, (progress) => {
      if (this.layoutRun === run) this.events.layoutProgress?.(progress);
    });
    this.layoutRun = run;
    this.events.layoutChange(true);
    return run.done.then((outcome) => {
      if (this.layoutRun !== run) return;
      this.lastLayout = outcome;
      this.layoutRun = null;
      this.events.layoutChange(false);
    });
  }

  focusNode(actorId: string): void {
    focusOn(this.sigma as unknown as Sigma, this.graph, this.display, actorId);
  }

  /** Frames the actors drawn now; when they span about the whole graph anyway, the plain full view. */
  fitVisible(): void {
    fitShown(this.sigma as unknown as Sigma, this.index, this.display);
  }

  zoom(factor: number): void {
    zoomBy(this.sigma as unknown as Sigma, factor);
  }

  /** Size of the canvas in CSS pixels. */
  viewSize(): { width: number; height: number } {
    return this.sigma.getDimensions();
  }

  /** Whether an actor is drawn under the current filter and selection. */
  isNodeShown(actorId: string): boolean {
    const data = this.sigma.getNodeDisplayData(actorId);
    return !!data && !data.hidden;
  }

  cameraState(): { x: number; y: number; ratio: number; angle: number } {
    return this.sigma.getCamera().getState();
  }

  /** Calls `listener` once, after the next frame is drawn. */
  onceRendered(listener: () => void): void {
    this.sigma.once('afterRender', listener);
  }

  /** Viewport point of a node, and of the middle of an edge drawn straight; for tests and tooltips. */
  viewportPointOfNode(actorId: string): { x: number; y: number } | null {
    return this.pointer.viewportPointOfNode(actorId);
  }

  /** The edge a click at this viewport point takes: the nearest drawn line within EDGE_HIT_TOLERANCE pixels. */
  edgeAt(point: Point): number | null {
    return this.pointer.edgeAt(point);
  }

  viewportRadiusOfNode(actorId: string): number | null {
    const data = this.sigma.getNodeDisplayData(actorId);
    return data ? this.sigma.scaleSize(data.size) : null;
  }

  /** Visible edges with where a pointer can hit them: the middle of a straight edge (null for a curve). For tests and automation. */
  visibleEdgeTargets(): EdgeTarget[] {
    return visibleEdgeTargets(this.sigma, this.graph, (id) => this.viewportPointOfNode(id));
  }

  kill(): void {
    this.killed = true;
    this.layoutRun?.stop();
    this.layoutRun = null;
    this.sigma.kill();
  }

  /** The reducers for the on-screen light palette or for a dark exported picture. */
  reducersFor(palette: Palette) {
    return {
      nodeReducer: (_node: string, attributes: NodeAttributes) => this.looks.reduceNode(attributes, this.display, palette),
      edgeReducer: (_edge: string, attributes: EdgeAttributes) => this.looks.reduceEdge(attributes, this.display, palette),
    };
  }
}
