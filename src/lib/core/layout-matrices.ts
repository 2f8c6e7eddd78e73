/**
 * graphology-layout-forceatlas2's matrices from a graph's edges listed as node positions and weights.
 * The typed edges of one pair become one layout edge pulling as hard as they did together (FA2 pulls
 * with weight^influence), which halves the per-iteration work on a dense multigraph. The merge runs in
 * the layout worker: on the main thread, at 50,000 drawn edges of a million relations, its map of pairs
 * made startLayout one task of 80-130 ms.
 */
import { EDGE_STRIDE, NODE_STRIDE } from './layout-steps';

/** A graph's edges for the layout: edge k joins nodes sources[k] and targets[k] (positions in the node matrix) with weights[k]. */
export interface LayoutEdgeList {
  sources: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
}

/**
 * Fills in each node's mass (1 + weighted degree, or with `massByNeighbours` 1 + neighbour count) in
 * `nodes` and returns the merged edge matrix, pairs in the order they first appear.
 */
export function mergeLayoutEdges(nodes: Float32Array, list: LayoutEdgeList, influence: number, massByNeighbours: boolean): Float32Array {
  const nodeCount = nodes.length / NODE_STRIDE;
  const { sources, targets, weights } = list;
  const pull = new Map<number, number>();
  for (let k = 0; k < sources.length; k++) {
    const s = sources[k];
    const t = targets[k];
    const weight = weights[k];
    // Hubs repel more, as in graphology's own matrices.
    nodes[s * NODE_STRIDE + 6] += weight;
    nodes[t * NODE_STRIDE + 6] += weight;
    const pair = s < t ? s * nodeCount + t : t * nodeCount + s;
    pull.set(pair, (pull.get(pair) ?? 0) + (influence === 0 ? 1 : weight ** influence));
  }
  if (massByNeighbours) {
    // The large profile: a node's mass is 1 + its neighbours, not its relation count (render/layout.ts largeLayoutSettings).
    for (let i = 0; i < nodeCount; i++) nodes[i * NODE_STRIDE + 6] = 1;
    for (const pair of pull.keys()) {
      nodes[Math.floor(pair / nodeCount) * NODE_STRIDE + 6] += 1;
      nodes[(pair % nodeCount) * NODE_STRIDE + 6] += 1;
    }
  }
  const edges = new Float32Array(pull.size * EDGE_STRIDE);
  let e = 0;
  for (const [pair, total] of pull) {
    edges[e] = Math.floor(pair / nodeCount) * NODE_STRIDE;
    edges[e + 1] = (pair % nodeCount) * NODE_STRIDE;
    // With influence 0 FA2 ignores weights, so a pair's edge count becomes its weight under influence 1.
    edges[e + 2] = influence === 0 ? total : total ** (1 / influence);
    e += EDGE_STRIDE;
  }
  return edges;
}
