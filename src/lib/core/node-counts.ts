/** Actor counts from edge counts, for counts that did not come from row scans (which count actors as they go). */

/** Adds every edge's count to its two actors, in one sweep. */
export function addAllEdgesToActors(edgeCounts: Int32Array, nodeCounts: Int32Array, sourceOf: Int32Array, targetOf: Int32Array): void {
  for (let e = 0; e < edgeCounts.length; e++) {
    const c = edgeCounts[e];
    nodeCounts[sourceOf[e]] += c;
    nodeCounts[targetOf[e]] += c;
  }
}

/** Adds the counts of the edges listed in edges[first, last) to their two actors. */
export function addListedEdgesToActors(edges: Int32Array, first: number, last: number, edgeCounts: Int32Array, nodeCounts: Int32Array, sourceOf: Int32Array, targetOf: Int32Array): void {
  for (let k = first; k < last; k++) {
    const e = edges[k];
    nodeCounts[sourceOf[e]] += edgeCounts[e];
    nodeCounts[targetOf[e]] += edgeCounts[e];
  }
}
