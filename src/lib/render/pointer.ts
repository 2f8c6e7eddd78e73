/**
 * What the pointer does on the graph: clicking and hovering nodes and edges,
 * dragging nodes. Edges are hit by geometry (edge-hit.ts), within a few
 * pixels of their drawn line, not by sigma's picking, which only takes the
 * line's own pixels; the drawn shapes are measured once per frame at most.
 */
import type Sigma from 'sigma';
import type { EdgeDisplayData } from 'sigma/types';
import type { EdgeAttributes, EntenteGraph, NodeAttributes } from './build-graph';
import { nearestEdge, type EdgeShape, type Point } from './edge-hit';

/** How far from its line, in CSS pixels, a click or hover still takes an edge. */
export const EDGE_HIT_TOLERANCE = 6;

export interface PointerEvents {
  nodeClick(actorId: string): void;
  edgeClick(edgeIndex: number): void;
  edgeHover?(edgeIndex: number | null, point: Point): void;
  stageClick(): void;
  nodesMoved?(): void;
  /** A node is pressed: a running layout must stop, or it pulls the dragged node back. */
  dragStart(): void;
}

export class GraphPointer {
  /** The node under the pointer, as sigma last reported it. */
  hoveredNode: string | null = null;
  private dragged: string | null = null;
  private dragMoved = false;
  /** Drawn edges in viewport coordinates, recomputed after a frame that may have moved them. */
  private edgeShapes: EdgeShape[] | null = null;
  private hoveredEdge: number | null = null;

  constructor(
    private sigma: Sigma<NodeAttributes, EdgeAttributes>,
    private graph: EntenteGraph,
    private events: PointerEvents,
  ) {
    this.bind();
  }

  /** Drawn shapes must be measured again (the set of drawn edges changed). */
  forgetShapes(): void {
    this.edgeShapes = null;
  }

  /** The edge a click at this viewport point takes: the nearest drawn line within EDGE_HIT_TOLERANCE pixels. */
  edgeAt(point: Point): number | null {
    this.edgeShapes ??= this.computeEdgeShapes();
    return nearestEdge(point, this.edgeShapes, EDGE_HIT_TOLERANCE)?.index ?? null;
  }

  viewportPointOfNode(actorId: string): { x: number; y: number } | null {
    const data = this.sigma.getNodeDisplayData(actorId);
    return data ? this.sigma.framedGraphToViewport(data) : null;
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

  private bind(): void {
    const { sigma, graph } = this;
    sigma.on('clickNode', ({ node }) => {
      if (!this.dragMoved) this.events.nodeClick(node);
    });
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
      this.events.dragStart();
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
