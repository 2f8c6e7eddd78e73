/**
 * The only code that talks to sigma. The graph is built once; a filter or
 * selection change only recomputes small display arrays and refreshes with
 * skipIndexation, so positions never move because of a filter.
 */
import Sigma from 'sigma';
import { getCameraStateToFitViewportToNodes } from '@sigma/utils';
import type { NodeDisplayData, EdgeDisplayData } from 'sigma/types';
import type { RelationIndex } from '../core/relation-index';
import {
  addAffiliationEdges,
  addAggregatedEdge,
  buildGraph,
  DEFAULT_EDGE_LIMIT,
  parallelFlags,
  strongestEdges,
  type EdgeAttributes,
  type EntenteGraph,
  type NodeAttributes,
} from './build-graph';
import { runLayout, type LayoutOutcome, type LayoutRun } from './layout';
import type { LayoutProgress } from '../core/layout-steps';
import { createLabelPlacer, MAX_NODES_FOR_PLACEMENT, PLACEMENT_SETTINGS } from './label-placement';
import { computeDisplay, updateDisplay, type DisplayArrays, type DisplayState } from './display';
import { KIND_STYLES } from '../core/kind-styles';
import { DIMMED_EDGE_COLOR, DIMMED_EDGE_COLOR_DARK, DIMMED_NODE_COLOR, DIMMED_NODE_COLOR_DARK, relationColorOnDark } from './styles';
import { SIGMA_SETTINGS } from './sigma-settings';
import { nearestEdge, type EdgeShape, type Point } from './edge-hit';
import { compareEdgeColor } from './compare-style';

export type { DisplayState } from './display';

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
}

const MIN_CURVATURE = 1e-4;
/** How far from its line, in CSS pixels, a click or hover still takes an edge. */
export const EDGE_HIT_TOLERANCE = 6;
/** Camera ratios of a focus: the closest framing of a neighbourhood, a lone actor's close-up, and an actor whose neighbours are everywhere. */
const FOCUS_MIN_RATIO = 0.2;
const FOCUS_CLOSE_UP_RATIO = 0.45;
const FOCUS_WIDE_RATIO = 0.75;
/** A neighbourhood may need a little more than the overview; beyond this it is most of the graph, and framing it would not move the camera. */
const FOCUS_MAX_FRAMING_RATIO = 1.2;
/** Room around the actors a Fit frames, for labels beside the outermost ones. */
const FIT_MARGIN = 1.1;
/** A Fit that would zoom in less than this is the full view. */
const FULL_VIEW_RATIO = 0.92;
/** Room around a framed neighbourhood, for the labels beside its outermost nodes. */
const FOCUS_MARGIN = 1.3;

/** Keys of the nodes and edges whose display differs between two states; only edges the graph holds. */
function changedItems(index: RelationIndex, before: DisplayArrays, after: DisplayArrays, inGraph: Uint8Array): { nodes: string[]; edges: string[] } {
  const nodes: string[] = [];
  for (let i = 0; i < after.nodeShown.length; i++) {
    if (before.nodeShown[i] !== after.nodeShown[i] || before.nodeSize[i] !== after.nodeSize[i] || before.nodeEmphasis[i] !== after.nodeEmphasis[i]) {
      nodes.push(index.actorIds[i]);
    }
  }
  const edges: string[] = [];
  for (let e = 0; e < after.edgeSize.length; e++) {
    if (!inGraph[e]) continue;
    if (before.edgeSize[e] !== after.edgeSize[e] || before.edgeCurvature[e] !== after.edgeCurvature[e] || before.edgeEmphasis[e] !== after.edgeEmphasis[e]) {
      edges.push(index.edges[e].key);
    }
  }
  return { nodes, edges };
}

export class GraphRenderer {
  readonly graph: EntenteGraph;
  readonly sigma: Sigma<NodeAttributes, EdgeAttributes>;
  private display: DisplayArrays | null = null;
  private layoutRun: LayoutRun | null = null;
  private dragged: string | null = null;
  /** The node under the pointer, as sigma last reported it. */
  hoveredNode: string | null = null;
  private dragMoved = false;
  /** Drawn edges in viewport coordinates, recomputed after a frame that may have moved them. */
  private edgeShapes: EdgeShape[] | null = null;
  private hoveredEdge: number | null = null;
  /** Per aggregated edge, whether the graph holds it (see edgeLimit). */
  private inGraph: Uint8Array;
  private limit: number;

  constructor(container: HTMLElement, readonly index: RelationIndex, private events: RendererEvents, options: RendererOptions = {}) {
    this.limit = options.edgeLimit ?? DEFAULT_EDGE_LIMIT;
    this.inGraph = strongestEdges(index, this.limit);
    this.graph = buildGraph(index, this.inGraph);
    if (options.positions) this.applyPositions(options.positions);
    this.sigma = new Sigma(this.graph, container, {
      ...SIGMA_SETTINGS,
      nodeReducer: (node, attributes) => this.reduceNode(node, attributes),
      edgeReducer: (edge, attributes) => this.reduceEdge(edge, attributes),
    });
    if (this.graph.order <= MAX_NODES_FOR_PLACEMENT) {
      this.sigma.setSettings({ ...PLACEMENT_SETTINGS, defaultDrawNodeLabel: createLabelPlacer(this.sigma as unknown as Sigma) });
    }
    this.bindEvents();
  }

  /**
   * Applies a new filter/selection state to the existing graph: display only, no rebuild, no layout.
   * A filter change repaints only the nodes and edges whose look changed; a change of selection,
   * which dims everything else, repaints all.
   */
  update(state: DisplayState): void {
    // Taken on every update, so that the list always starts at the state this renderer last drew.
    const changedEdges = state.result.takeChangedEdges?.() ?? null;
    const previous = this.display;
    const changes = previous ? updateDisplay(this.index, previous, state, changedEdges) : null;
    if (changes) {
      const { actorIds, edges } = this.index;
      // Edges beyond the drawn-edge limit are not in the graph, and sigma throws on a refresh that names them.
      const held = changes.edges.filter((e) => this.inGraph[e] === 1);
      // A partial refresh costs more per item than a full one: past a quarter of the graph, repaint all.
      // Not scheduled: a full refresh clears sigma's program indices until it draws, and a partial one
      // arriving before that frame would find none ("can't be repaint").
      if (held.length + changes.nodes.length > (this.graph.size + this.graph.order) / 4) {
        this.sigma.refresh({ skipIndexation: true });
        return;
      }
      const partialGraph = { nodes: changes.nodes.map((n) => actorIds[n]), edges: held.map((e) => edges[e].key) };
      // Rendered at the next frame: a slider that moves several times in one frame is drawn once.
      this.sigma.refresh({ partialGraph, skipIndexation: true, schedule: true });
      return;
    }
    const next = computeDisplay(this.index, this.graph, state);
    this.display = next;
    // A comparison recolours edges whose size may not change, so it repaints all.
    if (!previous || previous.dimOthers || next.dimOthers || previous.edgeState || next.edgeState) {
      this.sigma.refresh({ skipIndexation: true });
      return;
    }
    this.sigma.refresh({ partialGraph: changedItems(this.index, previous, next, this.inGraph), skipIndexation: true });
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

  /**
   * Holds the `limit` strongest edges instead. Edges are added one by one (sigma takes each
   * cheaply); a lower limit clears and re-adds, since sigma re-indexes everything per dropped edge.
   */
  setEdgeLimit(limit: number): void {
    if (limit === this.limit) return;
    const kept = strongestEdges(this.index, limit);
    const lowered = kept.some((k, e) => !k && this.inGraph[e]);
    const colorOf = new Map(this.index.dataset.types.map((t) => [t.id, t.color]));
    const parallel = parallelFlags(this.index);
    if (lowered) {
      this.graph.clearEdges();
      this.inGraph = new Uint8Array(kept.length);
    }
    for (let e = 0; e < kept.length; e++) {
      if (kept[e] && !this.inGraph[e]) addAggregatedEdge(this.graph, this.index, e, parallel[e] === 1, colorOf.get(this.index.edges[e].type)!);
    }
    if (lowered) addAffiliationEdges(this.graph, this.index);
    this.inGraph = kept;
    this.limit = limit;
    this.edgeShapes = null;
    this.sigma.refresh();
  }

  /** Node positions, x and y per actor in RelationIndex.actorIds order, to save with the dataset. */
  positions(): Float32Array {
    const out = new Float32Array(this.index.actorIds.length * 2);
    this.graph.forEachNode((_, a) => {
      out[2 * a.index] = a.x;
      out[2 * a.index + 1] = a.y;
    });
    return out;
  }

  /** Moves every node to saved positions (same layout as positions()). */
  applyPositions(positions: Float32Array): void {
    if (positions.length !== this.index.actorIds.length * 2) return;
    this.graph.updateEachNodeAttributes(
      (_, a) => {
        a.x = positions[2 * a.index];
        a.y = positions[2 * a.index + 1];
        return a;
      },
      { attributes: ['x', 'y'] },
    );
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

  /**
   * Frames an actor with the neighbours it has in the current filter, as the
   * highlight shows them, leaving room for their labels. When they cover
   * most of the graph, or there are none, the camera centres on the actor
   * and zooms in, so a search always visibly lands on it.
   */
  focusNode(actorId: string): void {
    const position = this.sigma.getNodeDisplayData(actorId);
    if (!position) return;
    const camera = this.sigma.getCamera();
    const neighbours = this.visibleNeighbours(actorId);
    const fit = neighbours.length ? getCameraStateToFitViewportToNodes(this.sigma as unknown as Sigma, [actorId, ...neighbours]) : null;
    const ratio = fit ? fit.ratio * FOCUS_MARGIN : Infinity;
    const target =
      ratio <= FOCUS_MAX_FRAMING_RATIO
        ? { x: fit!.x, y: fit!.y, ratio: Math.max(FOCUS_MIN_RATIO, ratio) }
        : { x: position.x, y: position.y, ratio: fit ? FOCUS_WIDE_RATIO : FOCUS_CLOSE_UP_RATIO };
    camera.animate(target, { duration: 500 });
  }

  private visibleNeighbours(actorId: string): string[] {
    const neighbours = new Set<string>();
    this.graph.forEachEdge(actorId, (_edge, attributes, source, target) => {
      if (attributes.index >= 0 && (this.display?.edgeSize[attributes.index] ?? 0) > 0) neighbours.add(source === actorId ? target : source);
    });
    return [...neighbours];
  }

  /**
   * Frames the actors drawn now (the filter's picture, not the whole graph), leaving room for labels.
   * When they span about the whole graph anyway, this is the plain full view.
   */
  fitVisible(): void {
    const camera = this.sigma.getCamera();
    const shown = this.display ? this.index.actorIds.filter((_, i) => this.display!.nodeShown[i]) : [];
    const fit = shown.length ? getCameraStateToFitViewportToNodes(this.sigma as unknown as Sigma, shown) : null;
    const ratio = fit ? fit.ratio * FIT_MARGIN : 1;
    if (!fit || ratio >= FULL_VIEW_RATIO) camera.animatedReset({ duration: 300 });
    else camera.animate({ x: fit.x, y: fit.y, ratio, angle: 0 }, { duration: 300 });
  }

  zoom(factor: number): void {
    const camera = this.sigma.getCamera();
    if (factor > 1) camera.animatedZoom({ duration: 200, factor });
    else camera.animatedUnzoom({ duration: 200, factor: 1 / factor });
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
    const data = this.sigma.getNodeDisplayData(actorId);
    return data ? this.sigma.framedGraphToViewport(data) : null;
  }

  /** The edge a click at this viewport point takes: the nearest drawn line within EDGE_HIT_TOLERANCE pixels. */
  edgeAt(point: Point): number | null {
    this.edgeShapes ??= this.computeEdgeShapes();
    return nearestEdge(point, this.edgeShapes, EDGE_HIT_TOLERANCE)?.index ?? null;
  }

  private computeEdgeShapes(): EdgeShape[] {
    const shapes: Array<EdgeShape & { zIndex: number }> = [];
    const minThickness = this.sigma.getSetting('minEdgeThickness');
    this.graph.forEachEdge((key, attributes, source, target) => {
      const data = this.sigma.getEdgeDisplayData(key) as (EdgeDisplayData & { curvature?: number }) | undefined;
      if (!data || data.hidden || attributes.affiliation) return;
      const a = this.viewportPointOfNode(source);
      const b = this.viewportPointOfNode(target);
      if (!a || !b) return;
      const halfWidth = Math.max(minThickness, this.sigma.scaleSize(data.size)) / 2;
      shapes.push({ index: attributes.index, source: a, target: b, curvature: data.curvature ?? 0, halfWidth, zIndex: data.zIndex ?? 0 });
    });
    // In drawing order, so that of two equally near edges the one on top wins.
    return shapes.sort((x, y) => x.zIndex - y.zIndex);
  }

  viewportRadiusOfNode(actorId: string): number | null {
    const data = this.sigma.getNodeDisplayData(actorId);
    return data ? this.sigma.scaleSize(data.size) : null;
  }

  /** Visible edges with where a pointer can hit them: the middle of a straight edge (null for a curve). For tests and automation. */
  visibleEdgeTargets(): Array<{ key: string; relation: string; source: string; target: string; point: { x: number; y: number } | null }> {
    const out: ReturnType<GraphRenderer['visibleEdgeTargets']> = [];
    this.graph.forEachEdge((key, attributes, source, target) => {
      const shown = this.sigma.getEdgeDisplayData(key);
      if (!shown || shown.hidden || attributes.affiliation) return;
      const a = this.viewportPointOfNode(source);
      const b = this.viewportPointOfNode(target);
      const straight = Math.abs((shown as { curvature?: number }).curvature ?? 0) < 0.01;
      const point = a && b && straight ? { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } : null;
      out.push({ key, relation: attributes.relation, source, target, point });
    });
    return out;
  }

  kill(): void {
    this.layoutRun?.stop();
    this.layoutRun = null;
    this.sigma.kill();
  }

  /** The reducers for the on-screen light palette or for a dark exported picture. */
  reducersFor(palette: 'light' | 'dark') {
    return {
      nodeReducer: (node: string, attributes: NodeAttributes) => this.reduceNode(node, attributes, palette),
      edgeReducer: (edge: string, attributes: EdgeAttributes) => this.reduceEdge(edge, attributes, palette),
    };
  }

  private reduceNode(node: string, attributes: NodeAttributes, palette: 'light' | 'dark' = 'light'): Partial<NodeDisplayData> {
    const display = this.display;
    const style = KIND_STYLES[attributes.kind as keyof typeof KIND_STYLES];
    const color = palette === 'dark' ? style.darkColor : style.color;
    const base = { ...attributes, color, type: style.program };
    if (!display) return base;
    const i = attributes.index;
    if (!display.nodeShown[i]) return { ...base, hidden: true };
    const result: Partial<NodeDisplayData> = { ...base, size: display.nodeSize[i] };
    if (display.nodeEmphasis[i] === 2) return { ...result, highlighted: true, forceLabel: true, zIndex: 2 };
    if (display.nodeEmphasis[i] === 1) return { ...result, forceLabel: true, zIndex: 1 };
    if (display.dimOthers) return { ...result, color: palette === 'dark' ? DIMMED_NODE_COLOR_DARK : DIMMED_NODE_COLOR, label: '', zIndex: 0 };
    return result;
  }

  private reduceEdge(_edge: string, attributes: EdgeAttributes, palette: 'light' | 'dark' = 'light'): Partial<EdgeDisplayData> {
    const display = this.display;
    if (attributes.affiliation || !display) return { hidden: true };
    const e = attributes.index;
    const directed = this.index.edges[e].directed;
    const type = attributes.parallel ? (directed ? 'curvedArrow' : 'curved') : directed ? 'arrow' : 'line';
    // A hidden edge keeps its program: a partial refresh clears the edge's slot in the program it was given.
    if (display.edgeSize[e] === 0) return { hidden: true, type } as Partial<EdgeDisplayData>;
    // A curve program draws nothing at curvature 0, so a lone edge of a parallel pair gets a barely bent one.
    const curvature = attributes.parallel ? display.edgeCurvature[e] || MIN_CURVATURE : 0;
    const dimmed = display.dimOthers && display.edgeEmphasis[e] === 0;
    const dark = palette === 'dark';
    const compared = compareEdgeColor(display.edgeState, e, palette);
    return {
      color: dimmed ? (dark ? DIMMED_EDGE_COLOR_DARK : DIMMED_EDGE_COLOR) : (compared ?? (dark ? relationColorOnDark(attributes.color) : attributes.color)),
      size: display.edgeSize[e] * (display.edgeEmphasis[e] === 2 ? 1.6 : 1),
      type,
      curvature,
      zIndex: display.edgeEmphasis[e],
    } as Partial<EdgeDisplayData>;
  }

  /** Hovering: the edge under a pointer that is inside the canvas, not over a node, and not dragging the view. */
  private hoverEdgeAt(event: { x: number; y: number; original: MouseEvent | TouchEvent }): void {
    const { width, height } = this.sigma.getDimensions();
    const inside = event.x >= 0 && event.y >= 0 && event.x <= width && event.y <= height;
    const pressed = 'buttons' in event.original && event.original.buttons !== 0;
    this.hoverEdge(inside && !pressed && !this.hoveredNode ? this.edgeAt(event) : null, event);
  }

  private hoverEdge(edge: number | null, point: Point): void {
    if (edge === null && this.hoveredEdge === null) return;
    if (edge !== this.hoveredEdge && !this.hoveredNode) this.sigma.getContainer().style.cursor = edge === null ? '' : 'pointer';
    this.hoveredEdge = edge;
    this.events.edgeHover?.(edge, { x: point.x, y: point.y });
  }

  private bindEvents(): void {
    const { sigma, graph } = this;
    sigma.on('clickNode', ({ node }) => {
      if (!this.dragMoved) this.events.nodeClick(node);
    });
    // Edges are hit by geometry (edge-hit.ts), not by sigma's picking, which only takes the line's own pixels.
    sigma.on('clickStage', ({ event }) => {
      const edge = this.edgeAt(event);
      if (edge === null) this.events.stageClick();
      else this.events.edgeClick(edge);
    });
    sigma.on('afterRender', () => (this.edgeShapes = null));
    sigma.on('enterNode', ({ node, event }) => {
      this.hoverEdge(null, event);
      this.hoveredNode = node;
      sigma.getContainer().style.cursor = 'pointer';
    });
    sigma.on('leaveNode', () => {
      this.hoveredNode = null;
      sigma.getContainer().style.cursor = '';
    });
    sigma.on('leaveStage', ({ event }) => this.hoverEdge(null, event));

    sigma.on('downNode', ({ node }) => {
      // The layout writes every position on every iteration; a dragged node would be pulled back.
      this.stopLayout();
      this.dragged = node;
      this.dragMoved = false;
      if (!sigma.getCustomBBox()) sigma.setCustomBBox(sigma.getBBox());
    });
    sigma.on('moveBody', ({ event }) => {
      if (!this.dragged) return this.hoverEdgeAt(event);
      const position = sigma.viewportToGraph(event);
      graph.mergeNodeAttributes(this.dragged, { x: position.x, y: position.y });
      this.dragMoved = true;
      event.preventSigmaDefault();
      event.original.preventDefault();
      event.original.stopPropagation();
    });
    // dragMoved stays set until the next press, so the click that ends a drag is not taken as a selection.
    const endDrag = () => {
      if (this.dragged && this.dragMoved) this.events.nodesMoved?.();
      this.dragged = null;
    };
    sigma.on('upNode', endDrag);
    sigma.on('upStage', endDrag);
  }
}
