/**
 * Owns the sigma renderer for the explorer: mounts it once per dataset, feeds
 * it the filter and selection, and exposes camera and layout actions.
 */
import { GraphRenderer } from '../render/renderer';
import { edgeSummary, type EdgeSummary } from '../core/edge-summary';
import type { Explorer } from './explorer.svelte';

/** Read-only hooks for end-to-end tests and scripts that need canvas coordinates or timings. */
function exposeAutomationHooks(renderer: GraphRenderer): void {
  let firstFrameMs: number | null = null;
  renderer.onceRendered(() => (firstFrameMs = performance.now()));
  (window as unknown as { __entente: unknown }).__entente = {
    /** Milliseconds from navigation start to the first frame with the graph drawn. */
    firstFrameMs: () => firstFrameMs,
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
    nodePosition: (id: string) => {
      const { x, y } = renderer.graph.getNodeAttributes(id);
      return { x, y };
    },
  };
}

type LayoutStatus = 'idle' | 'running' | 'settled';

export class GraphView {
  layoutStatus = $state<LayoutStatus>('idle');
  renderer = $state.raw<GraphRenderer | null>(null);
  /** The edge under the pointer and where the pointer is, in canvas pixels. */
  hoveredEdge = $state.raw<{ edge: number; x: number; y: number } | null>(null);
  private pendingFocus: string | null = null;

  constructor(private explorer: Explorer) {}

  /** Creates the renderer in `container` and starts the layout; returns the teardown. */
  mount(container: HTMLElement): () => void {
    const index = this.explorer.index;
    if (!index) return () => {};
    const renderer = new GraphRenderer(container, index, {
      nodeClick: (id) => this.explorer.focusActor(this.explorer.focus === id ? null : id),
      edgeClick: (edge) => this.explorer.selectEdge(edge),
      stageClick: () => this.explorer.clearSelection(),
      edgeHover: (edge, point) => (this.hoveredEdge = edge === null ? null : { edge, ...point }),
      layoutChange: (running) => {
        this.layoutStatus = running ? 'running' : 'settled';
        if (!running && this.pendingFocus && this.pendingFocus === this.explorer.focus) this.focusCamera(this.pendingFocus);
      },
    });
    this.renderer = renderer;
    exposeAutomationHooks(renderer);
    this.push();
    void renderer.startLayout();
    return () => {
      delete (window as unknown as { __entente?: unknown }).__entente;
      renderer.kill();
      if (this.renderer === renderer) this.renderer = null;
      this.hoveredEdge = null;
      this.layoutStatus = 'idle';
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
    const { result, focus, selectedEdge, showIsolated } = this.explorer;
    if (this.renderer && result) this.renderer.update({ result, focus, selectedEdge, showIsolated, edgeState: result.comparison?.edgeState });
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
