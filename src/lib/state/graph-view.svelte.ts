/**
 * Owns the sigma renderer for the explorer: mounts it once per dataset, feeds
 * it the filter and selection, and exposes camera and layout actions.
 */
import { GraphRenderer } from '../render/renderer';
import type { Explorer } from './explorer.svelte';

/** Read-only hooks for end-to-end tests and scripts that need canvas coordinates or timings. */
function exposeAutomationHooks(renderer: GraphRenderer): void {
  let firstFrameMs: number | null = null;
  renderer.onceRendered(() => (firstFrameMs = performance.now()));
  (window as unknown as { __entente: unknown }).__entente = {
    /** Milliseconds from navigation start to the first frame with the graph drawn. */
    firstFrameMs: () => firstFrameMs,
    nodePoint: (id: string) => renderer.viewportPointOfNode(id),
    visibleEdges: () => renderer.visibleEdgeTargets(),
    cameraState: () => renderer.cameraState(),
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
      this.layoutStatus = 'idle';
    };
  }

  /** Sends the current filter and selection to the renderer: a display refresh, never a rebuild. */
  push(): void {
    const { result, focus, selectedEdge, showIsolated } = this.explorer;
    if (this.renderer && result) this.renderer.update({ result, focus, selectedEdge, showIsolated });
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

  resetCamera(): void {
    this.renderer?.resetCamera();
  }

  zoom(factor: number): void {
    this.renderer?.zoom(factor);
  }
}
