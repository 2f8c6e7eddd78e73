/**
 * Node sizes for large graphs. The small-graph size (render/styles.ts
 * nodeSize: base + 1.5·√relations) grows without bound: at 100k relations a
 * hub counts thousands and was drawn 70 px wide or more, so a thousand nodes
 * covered each other and every edge. Above LARGE_GRAPH_NODES a node gets half
 * its kind's base size plus up to MAX_EXTRA_PX by the square root of its
 * visible relations over the dataset's largest per-actor count. The reference
 * is fixed per dataset, so a filter change still only resizes the nodes whose
 * counts changed, and sizes stay comparable from one window to the next.
 */

import type { RelationIndex } from './relation-index';

export const LARGE_GRAPH_NODES = 800;
export const MAX_EXTRA_PX = 10;

export interface NodeSizeScale {
  /** False: keep the small-graph sizes. */
  large: boolean;
  /** The largest number of relation rows any one actor has in the dataset (at least 1). */
  maxRelations: number;
}

/** The scale for a graph of `actorCount` nodes whose aggregated edges join `sources[e]`–`targets[e]` with `rows(e)` rows each. */
export function nodeSizeScale(actorCount: number, sources: ArrayLike<number>, targets: ArrayLike<number>, rows: (edge: number) => number): NodeSizeScale {
  if (actorCount <= LARGE_GRAPH_NODES) return { large: false, maxRelations: 1 };
  const perActor = new Float64Array(actorCount);
  for (let e = 0; e < sources.length; e++) {
    const n = rows(e);
    perActor[sources[e]] += n;
    perActor[targets[e]] += n;
  }
  let max = 1;
  for (let i = 0; i < actorCount; i++) if (perActor[i] > max) max = perActor[i];
  return { large: true, maxRelations: max };
}

/** A node's size in a large graph: half the base size, plus up to MAX_EXTRA_PX by √(visible / max). */
export function largeGraphNodeSize(baseSize: number, visibleRelations: number, scale: NodeSizeScale): number {
  return baseSize / 2 + MAX_EXTRA_PX * Math.sqrt(Math.min(1, visibleRelations / scale.maxRelations));
}

const scales = new WeakMap<RelationIndex, NodeSizeScale>();

/** The scale of an index, computed once per index (display updates call it per changed node). */
export function nodeSizeScaleOf(index: RelationIndex): NodeSizeScale {
  let scale = scales.get(index);
  if (!scale) {
    const { edgeRowStart } = index;
    scale = nodeSizeScale(index.actorIds.length, index.edgeSourceIndex, index.edgeTargetIndex, (e) => edgeRowStart[e + 1] - edgeRowStart[e]);
    scales.set(index, scale);
  }
  return scale;
}
