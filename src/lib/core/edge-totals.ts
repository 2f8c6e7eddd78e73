/** What every row of a type adds up to: the counts the filter engine starts from when it counts from outside a window. */
import type { RelationIndex } from './relation-index';

export interface EdgeTotals {
  /** How many aggregated edges each type has. */
  typeEdgeCounts: Int32Array;
  /**
   * The aggregated edges of each type: null when typeRanges says where they are, as when the index numbers edges by type
   * (relation-index.ts), which saves 2 MB at half a million edges.
   */
  typeEdges: Int32Array[] | null;
  /** Where each type's edges start, and one past the last type's: null unless each type's edges are one run, in type order. */
  typeRanges: Int32Array | null;
  /** Every edge's count of rows. */
  fullCounts: Int32Array;
  /** Every actor's count of rows, over all types. */
  fullNodeCounts: Int32Array;
}

export function edgeTotalsOf(index: RelationIndex): EdgeTotals {
  const { edgeOf, edgeTypeOf, edgeSourceIndex, edgeTargetIndex, relationCount } = index;
  const edgeCount = edgeTypeOf.length;
  const fullCounts = new Int32Array(edgeCount);
  for (let i = 0; i < relationCount; i++) fullCounts[edgeOf[i]]++;
  const sizes = new Int32Array(index.typeIds.length);
  for (let e = 0; e < edgeCount; e++) sizes[edgeTypeOf[e]]++;
  const typeRanges = typeRangesOf(edgeTypeOf, sizes);
  const typeEdges = typeRanges ? null : Array.from(sizes, (n) => new Int32Array(n));
  const filled = new Int32Array(sizes.length);
  if (typeEdges) for (let e = 0; e < edgeCount; e++) typeEdges[edgeTypeOf[e]][filled[edgeTypeOf[e]]++] = e;
  const fullNodeCounts = new Int32Array(index.actorIds.length);
  for (let e = 0; e < edgeCount; e++) {
    fullNodeCounts[edgeSourceIndex[e]] += fullCounts[e];
    fullNodeCounts[edgeTargetIndex[e]] += fullCounts[e];
  }
  return { typeEdgeCounts: sizes, typeEdges, typeRanges, fullCounts, fullNodeCounts };
}

/** Where each type's edges start, from the edges' types and the types' sizes; null unless the edges are numbered type by type. */
function typeRangesOf(edgeTypeOf: ArrayLike<number>, sizes: Int32Array): Int32Array | null {
  const ranges = new Int32Array(sizes.length + 1);
  for (let t = 0; t < sizes.length; t++) ranges[t + 1] = ranges[t] + sizes[t];
  for (let e = 0; e < edgeTypeOf.length; e++) {
    const t = edgeTypeOf[e];
    if (e < ranges[t] || e >= ranges[t + 1]) return null;
  }
  return ranges;
}


/**
 * Sets each edge of type `t` to its full count in `edgeCounts` and lists it in `touched` from `first`;
 * returns how many it listed. The type's edges are copied as one block when they are one run.
 */
export function copyTypeFullCounts(totals: EdgeTotals, t: number, edgeCounts: Int32Array, touched: Int32Array, first: number): number {
  const { typeRanges, typeEdges, fullCounts } = totals;
  if (typeRanges) {
    const r0 = typeRanges[t];
    const r1 = typeRanges[t + 1];
    edgeCounts.set(fullCounts.subarray(r0, r1), r0);
    for (let e = r0, k = first; e < r1; e++, k++) touched[k] = e;
    return r1 - r0;
  }
  const own = typeEdges![t];
  touched.set(own, first);
  for (let k = 0; k < own.length; k++) edgeCounts[own[k]] = fullCounts[own[k]];
  return own.length;
}
