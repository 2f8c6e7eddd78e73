/** What every row of a type adds up to: the counts the filter engine starts from when it counts from outside a window. */
import { inLocalOrder } from './edge-numbering';
import type { RelationIndex } from './relation-index';

export interface EdgeTotals {
  /** The aggregated edges of each type, in the engine's numbering (edge-numbering.ts): one run of numbers per type. */
  typeEdges: Int32Array[];
  /** Every edge's count of rows, in the engine's numbering. */
  fullCounts: Int32Array;
  /** The same in the index's numbering, to hand out as one block copy when every row is in the window. */
  fullCountsOriginal: Int32Array;
  /** Every actor's count of rows, over all types. */
  fullNodeCounts: Int32Array;
}

/** `originalOf`: the engine's edge numbering, from edgesByType. */
export function edgeTotalsOf(index: RelationIndex, originalOf: Int32Array): EdgeTotals {
  const { edgeOf, edgeTypeOf, edgeSourceIndex, edgeTargetIndex, relationCount } = index;
  const edgeCount = edgeTypeOf.length;
  const fullCountsOriginal = new Int32Array(edgeCount);
  for (let i = 0; i < relationCount; i++) fullCountsOriginal[edgeOf[i]]++;
  const sizes = new Int32Array(index.typeIds.length);
  for (let e = 0; e < edgeCount; e++) sizes[edgeTypeOf[e]]++;
  let first = 0;
  const typeEdges = Array.from(sizes, (n) => {
    const own = Int32Array.from({ length: n }, (_, k) => first + k);
    first += n;
    return own;
  });
  const fullNodeCounts = new Int32Array(index.actorIds.length);
  for (let e = 0; e < edgeCount; e++) {
    fullNodeCounts[edgeSourceIndex[e]] += fullCountsOriginal[e];
    fullNodeCounts[edgeTargetIndex[e]] += fullCountsOriginal[e];
  }
  return { typeEdges, fullCounts: inLocalOrder(fullCountsOriginal, originalOf), fullCountsOriginal, fullNodeCounts };
}

/** Adds the edges list[first, last) (or the edges first..last-1 when `list` is null) to their two actors' counts. */
export function addToActors(edgeCounts: Int32Array, nodeCounts: Int32Array, source: Int32Array, target: Int32Array, list: Int32Array | null, first: number, last: number): void {
  for (let k = first; k < last; k++) {
    const e = list === null ? k : list[k];
    const c = edgeCounts[e];
    nodeCounts[source[e]] += c;
    nodeCounts[target[e]] += c;
  }
}
