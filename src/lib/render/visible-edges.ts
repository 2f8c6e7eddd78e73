/** The drawn edges with where a pointer can hit them, for tests and automation (GraphRenderer.visibleEdgeTargets). */
import type Sigma from 'sigma';
import type { EdgeAttributes, EntenteGraph, NodeAttributes } from './build-graph';

export interface EdgeTarget {
  key: string;
  relation: string;
  source: string;
  target: string;
  /** The middle of an edge drawn straight, in viewport pixels; null for a curve. */
  point: { x: number; y: number } | null;
}

export function visibleEdgeTargets(sigma: Sigma<NodeAttributes, EdgeAttributes>, graph: EntenteGraph, pointOf: (actorId: string) => { x: number; y: number } | null): EdgeTarget[] {
  const out: EdgeTarget[] = [];
  graph.forEachEdge((key, attributes, source, target) => {
    const shown = sigma.getEdgeDisplayData(key);
    if (!shown || shown.hidden || attributes.affiliation) return;
    const a = pointOf(source);
    const b = pointOf(target);
    const straight = Math.abs((shown as { curvature?: number }).curvature ?? 0) < 0.01;
    const point = a && b && straight ? { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } : null;
    out.push({ key, relation: attributes.relation, source, target, point });
  });
  return out;
}
