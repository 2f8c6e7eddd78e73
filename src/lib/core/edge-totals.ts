/** What every row of a type adds up to: the counts the filter engine starts from when it counts from outside a window. */
import type { RelationIndex } from './relation-index';

export interface EdgeTotals {
  /** The aggregated edges of each type. */
  typeEdges: Int32Array[];
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
  const typeEdges = Array.from(sizes, (n) => new Int32Array(n));
  const filled = new Int32Array(sizes.length);
  for (let e = 0; e < edgeCount; e++) typeEdges[edgeTypeOf[e]][filled[edgeTypeOf[e]]++] = e;
  const fullNodeCounts = new Int32Array(index.actorIds.length);
  for (let e = 0; e < edgeCount; e++) {
    fullNodeCounts[edgeSourceIndex[e]] += fullCounts[e];
    fullNodeCounts[edgeTargetIndex[e]] += fullCounts[e];
  }
  return { typeEdges, typeRanges: typeRangesOf(typeEdges), fullCounts, fullNodeCounts };
}

function typeRangesOf(typeEdges: Int32Array[]): Int32Array | null {
  const ranges = new Int32Array(typeEdges.length + 1);
  for (let t = 0; t < typeEdges.length; t++) {
    const own = typeEdges[t];
    if (own.length > 0 && (own[0] !== ranges[t] || own[own.length - 1] !== ranges[t] + own.length - 1)) return null;
    ranges[t + 1] = ranges[t] + own.length;
  }
  return ranges;
}

