/**
 * Owns the sigma renderer for the explorer: mounts it once per dataset, feeds
 * it the filter and selection, and exposes camera and layout actions.
 */
import { GraphRenderer, planMount, type DisplayState, type MountPlan } from '../render/renderer';
import { DEFAULT_EDGE_LIMIT } from '../render/build-graph';
import type { LayoutEnd } from '../render/layout';
import { edgeSummary, type EdgeSummary } from '../core/edge-summary';
import type { Explorer } from './explorer.svelte';
import { edgeProgramInstances } from '../render/program-instances';
import { planDisplay } from '../render/progressive-mount';
import { yieldToPage } from '../render/graph-chunks';

/** Read-only hooks for end-to-end tests and scripts that need canvas coordinates or timings. */
function exposeAutomationHooks(renderer: GraphRenderer, firstFrameMs: () => number | null): void {
  (window as unknown as { __entente: unknown }).__entente = {
    /** Milliseconds from navigation start to the first frame with the graph drawn. */
    firstFrameMs,
    nodePoint: (id: string) => renderer.viewportPointOfNode(id),
    /** Radius of a node as drawn, in CSS pixels. */
    nodeRadius: (id: string) => renderer.viewportRadiusOfNode(id),
    visibleEdges: () => renderer.visibleEdgeTargets(),
    cameraState: () => renderer.cameraState(),
    /** The aggregated edge a click at this viewport point would select. */
    edgeAt: (x: number, y: number) => renderer.edgeAt({ x, y }),
    edgeKey: (edgeIndex: number) => renderer.index.edges[edgeIndex]?.key ?? null,
    /** Canvas size sigma last drew at; it catches up with its container only when it draws. */
    viewSize: () => renderer.viewSize(),
    /**
     * Whether the last drawn frame shows the camera as it stands now, at the container's size. Sigma
     * draws on a later animation frame (seconds later on a busy machine), and nodePoint and the
     * pointer's hit test follow the drawn frame, not the camera.
     */
    frameIsCurrent: () => {
      const { sigma } = renderer;
      const container = sigma.getContainer();
      const size = sigma.getDimensions();
      if (sigma.getCamera().isAnimated() || size.width !== container.offsetWidth || size.height !== container.offsetHeight) return false;
      const now = { cameraState: sigma.getCamera().getState(), viewportDimensions: size };
      return [{ x: 0, y: 0 }, { x: 1, y: 1 }].every((p) => {
        const drawn = sigma.framedGraphToViewport(p);
        const current = sigma.framedGraphToViewport(p, now);
        return Math.abs(drawn.x - current.x) < 0.01 && Math.abs(drawn.y - current.y) < 0.01;
      });
    },
    hoveredNode: () => renderer.hoveredNode,
    /** Colour of an edge as drawn now (a comparison colours edges by period), or null when it is hidden. */
    edgeColor: (key: string) => {
      const data = renderer.sigma.getEdgeDisplayData(key);
      return data && !data.hidden ? data.color : null;
    },
    lastLayout: () => renderer.lastLayout,
    /** sigma's edge program instances as they are now, and as sigma's own full refresh (done here) fills them: a repaint of what changed must match. */
    edgeInstances: () => edgeProgramInstances(renderer.sigma as never),
    refreshedEdgeInstances: () => {
      renderer.sigma.refresh();
      return edgeProgramInstances(renderer.sigma as never);
    },
    /** Nodes and edges the graphology graph holds (all actors; the strongest edges up to the limit, plus affiliations). */
    graphSize: () => ({ order: renderer.graph.order, size: renderer.graph.size, heldEdges: renderer.heldEdgeCount, totalEdges: renderer.index.edges.length }),
    nodePosition: (id: string) => {
      const { x, y } = renderer.graph.getNodeAttributes(id);
      return { x, y };
    },
  };
}

type LayoutStatus = 'idle' | 'running' | 'settled';

/** Where the positions a layout reached are kept with their dataset (datasets.svelte.ts in the app). */
export interface LayoutStore {
  currentId(): string;
  loadLayout(id: string, actorIds: readonly string[]): Promise<Float32Array | null>;
  saveLayout(id: string, actorIds: readonly string[], positions: Float32Array): Promise<void>;
}

/** How the positions on screen came about, for the status beside the layout controls. */
export type LayoutReport =
  | { kind: 'running'; fraction: number; iterations: number }
  | { kind: 'done'; end: LayoutEnd; iterations: number; ms: number }
  | { kind: 'restored' };

const EDGE_LIMIT_KEY = 'entente.edgeLimit';
/** Waiting longer than this for a saved layout costs more than laying out again would save in looks. */
const SAVED_LAYOUT_WAIT_MS = 1500;

function storedEdgeLimit(): number {
  const stored = Number(globalThis.localStorage?.getItem(EDGE_LIMIT_KEY));
  return Number.isInteger(stored) && stored > 0 ? stored : DEFAULT_EDGE_LIMIT;
}

export class GraphView {
  layoutStatus = $state<LayoutStatus>('idle');
  layoutReport = $state.raw<LayoutReport | null>(null);
  /** Most aggregated edges the graph draws; beyond it, the strongest by relation count. Kept across reloads. */
  edgeLimit = $state(storedEdgeLimit());
  renderer = $state.raw<GraphRenderer | null>(null);
  /** While the held edges are added after the first frame, the fraction added; null once the graph holds them all. */
  mountProgress = $state<number | null>(null);
  /** The edge under the pointer and where the pointer is, in canvas pixels. */
  hoveredEdge = $state.raw<{ edge: number; x: number; y: number } | null>(null);
  private pendingFocus: string | null = null;
  private drawn!: () => void;
  /** Resolves once the first graph has drawn its first frame, or its mount failed: the panels around it wait for that. */
  readonly firstDrawn = new Promise<void>((done) => (this.drawn = done));

  constructor(
    private explorer: Explorer,
    private store: LayoutStore | null = null,
  ) {}

  /** Aggregated edges in the dataset and how many the graph draws at most; null while no graph is shown. */
  get drawnEdges(): { held: number; total: number; limit: number } | null {
    const renderer = this.renderer;
    if (!renderer) return null;
    const total = renderer.index.edges.length;
    return { held: Math.min(this.edgeLimit, total), total, limit: this.edgeLimit };
  }

  setEdgeLimit(limit: number): void {
    if (!Number.isInteger(limit) || limit <= 0) return;
    this.edgeLimit = limit;
    globalThis.localStorage?.setItem(EDGE_LIMIT_KEY, String(limit));
    this.renderer?.setEdgeLimit(limit);
  }

  /**
   * Creates the renderer in `container`, on the positions saved with the dataset when there are
   * some, else laying it out; returns the teardown. The saved positions are read first (a few
   * milliseconds), so the first frame already shows them.
   */
  mount(container: HTMLElement): () => void {
    const index = this.explorer.index;
    if (!index) return () => {};
    let teardown: (() => void) | null = null;
    let cancelled = false;
    const datasetId = this.store?.currentId() ?? null;
    const saved =
      this.store && datasetId
        ? Promise.race([this.store.loadLayout(datasetId, index.actorIds).catch(() => null), new Promise<null>((done) => setTimeout(() => done(null), SAVED_LAYOUT_WAIT_MS))])
        : Promise.resolve(null);
    void saved
      .then(async (positions) => {
        const plan = await planMount(index, this.edgeLimit);
        if (cancelled || this.explorer.index !== index) return;
        // The first frame's display in a task of its own too; the renderer brings it up to date.
        const initial = this.displayState();
        if (initial) {
          planDisplay(plan, initial);
          await yieldToPage();
          if (cancelled || this.explorer.index !== index) return;
        }
        teardown = this.mountRenderer(container, index, datasetId, positions, plan);
      })
      .catch((error) => {
        this.drawn();
        throw error;
      });
    return () => {
      cancelled = true;
      teardown?.();
    };
  }

  private mountRenderer(container: HTMLElement, index: NonNullable<Explorer['index']>, datasetId: string | null, positions: Float32Array | null, plan: MountPlan): () => void {
    const save = () => {
      if (datasetId && this.store && this.renderer === renderer) void this.store.saveLayout(datasetId, index.actorIds, renderer.positions());
    };
    const renderer = new GraphRenderer(container, index, {
      nodeClick: (id) => this.explorer.focusActor(this.explorer.focus === id ? null : id),
      edgeClick: (edge) => this.explorer.selectEdge(edge),
      stageClick: () => this.explorer.clearSelection(),
      edgeHover: (edge, point) => (this.hoveredEdge = edge === null ? null : { edge, ...point }),
      layoutChange: (running) => {
        this.layoutStatus = running ? 'running' : 'settled';
        if (running) this.layoutReport = { kind: 'running', fraction: 0, iterations: 0 };
        else if (renderer.lastLayout) {
          const { end, iterations, ms } = renderer.lastLayout;
          this.layoutReport = { kind: 'done', end, iterations, ms };
          save();
        }
        if (!running && this.pendingFocus && this.pendingFocus === this.explorer.focus) this.focusCamera(this.pendingFocus);
      },
      layoutProgress: ({ fraction, iterations }) => (this.layoutReport = { kind: 'running', fraction, iterations }),
      nodesMoved: save,
    }, { edgeLimit: this.edgeLimit, positions, plan, initial: this.displayState(), mountProgress: (fraction) => fraction < 1 && (this.mountProgress = fraction) });
    this.renderer = renderer;
    // sigma draws the first frame, with the filter and selection of now, in a frame after it is created
    // (render/sigma-drawn-later.ts).
    let firstFrameMs: number | null = null;
    renderer.onceRendered(() => {
      firstFrameMs = performance.now();
      this.drawn();
    });
    this.mountProgress = 0;
    // sigma follows only the window's size: a stage resized without it (the phone's timeline hidden during a
    // review, then shown again) left the canvas at its old size, overflowing the timeline. The canvas takes the
    // new size before the page is painted (the observer runs after layout) and the graph is drawn at the next frame.
    const resized = new ResizeObserver(() => {
      const drawn = renderer.viewSize();
      if (container.offsetWidth === 0 || container.offsetHeight === 0 || (container.offsetWidth === drawn.width && container.offsetHeight === drawn.height)) return;
      renderer.sigma.resize();
      renderer.sigma.scheduleRender();
    });
    resized.observe(container);
    // The graph is ready, for tests and scripts (window.__entente) and for the layout, once it holds every held edge.
    void renderer.ready.then(() => {
      if (this.renderer !== renderer) return;
      this.mountProgress = null;
      exposeAutomationHooks(renderer, () => firstFrameMs);
      Object.assign((window as unknown as { __entente: object }).__entente, { layoutReport: () => this.layoutReport });
      if (positions) {
        this.layoutStatus = 'settled';
        this.layoutReport = { kind: 'restored' };
      } else void renderer.startLayout();
    });
    return () => {
      resized.disconnect();
      delete (window as unknown as { __entente?: unknown }).__entente;
      renderer.kill();
      if (this.renderer === renderer) this.renderer = null;
      this.hoveredEdge = null;
      this.layoutStatus = 'idle';
      this.layoutReport = null;
      this.mountProgress = null;
    };
  }

  /** The hovered edge's tooltip: its type, ends, and the relations of it visible now. */
  get edgeTooltip(): (EdgeSummary & { x: number; y: number; flipX: boolean; flipY: boolean }) | null {
    const hovered = this.hoveredEdge;
    const index = this.explorer.index;
    if (!hovered || !index) return null;
    const edge = index.edges[hovered.edge];
    const relations = this.explorer.visibleRelationsOfEdge(hovered.edge);
    if (!edge || !relations.length) return null;
    const summary = edgeSummary(edge, this.explorer.typesById.get(edge.type), relations, (id) => this.explorer.actorLabel(id));
    // Near the right or bottom border the tooltip opens to the other side, so it stays on the canvas.
    const size = this.renderer?.viewSize() ?? { width: Infinity, height: Infinity };
    return { ...summary, x: hovered.x, y: hovered.y, flipX: hovered.x > size.width - 340, flipY: hovered.y > size.height - 90 };
  }

  /** Sends the current filter and selection to the renderer: a display refresh, never a rebuild. */
  push(): void {
    const state = this.displayState();
    if (this.renderer && state) this.renderer.update(state);
  }

  private displayState(): DisplayState | null {
    const { result, focus: focused, selectedEdge, showIsolated: keepIsolated } = this.explorer;
    if (!result) return null;
    // Rolled up, an actor is drawn as its state or organisation; scoped or rolled up, "isolated" actors are those outside the view.
    const focus = focused && this.explorer.countedAs(focused);
    const showIsolated = keepIsolated && !this.explorer.scope.active && !this.explorer.rolledUp;
    return { result, focus, selectedEdge, showIsolated, edgeState: result.comparison?.edgeState };
  }

  stopLayout(): void {
    this.renderer?.stopLayout();
  }

  rerunLayout(): void {
    void this.renderer?.startLayout();
  }

  /** Moves the camera onto an actor; while the layout still moves nodes, waits until it settles. */
  focusCamera(actorId: string): void {
    if (!this.renderer || this.layoutStatus !== 'settled') {
      this.pendingFocus = actorId;
      return;
    }
    this.pendingFocus = null;
    this.renderer?.focusNode(actorId);
  }

  /** "Fit": frames what the filter shows now. */
  fitVisible(): void {
    this.renderer?.fitVisible();
  }

  zoom(factor: number): void {
    this.renderer?.zoom(factor);
  }
}
