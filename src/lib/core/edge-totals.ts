/** What every row of a type adds up to: the counts the filter engine starts from when it counts from outside a window. */
import type { RelationIndex } from './relation-index';

export interface EdgeTotals {
  /** The aggregated edges of each type. */
  typeEdges: Int32Array[];
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
  return { typeEdges, fullCounts, fullNodeCounts };
}
