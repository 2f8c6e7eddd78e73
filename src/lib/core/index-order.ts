/**
 * The orders the relation index numbers its rows and edges in. The filter engine's per-row work
 * goes through them, so they decide how much of it hits the cache.
 */

/** Rows in order of their start day, ties in row order: a counting sort, since days span a few thousand values. */
export function rowsByStart(starts: Int32Array, min: number, max: number): Int32Array {
  const count = starts.length;
  const order = new Int32Array(count);
  const range = max - min + 1;
  if (count === 0) return order;
  if (range > 4 * count + 100_000) {
    for (let i = 0; i < count; i++) order[i] = i;
    return order.sort((a, b) => starts[a] - starts[b] || a - b);
  }
  const slots = new Int32Array(range + 1);
  for (let i = 0; i < count; i++) slots[starts[i] - min + 1]++;
  for (let d = 1; d <= range; d++) slots[d] += slots[d - 1];
  for (let i = 0; i < count; i++) order[slots[starts[i] - min]++] = i;
  return order;
}

/**
 * Renumbers edges by type, and within a type keeps their order (by first row in time): a type's counts
 * then lie in one block of the engine's counts array, which fits the L2 cache when only a few types are
 * shown (random windows at 1M: 2.2 ms instead of 2.65). A stable counting sort over the edges; `edgeOf`
 * is rewritten in place, and the per-edge arrays come back trimmed to `edgeCount`.
 */
export function numberedByType(typeCount: number, edgeCount: number, edgeTypeOf: Uint16Array, edgeSourceIndex: Int32Array, edgeTargetIndex: Int32Array, edgeOf: Int32Array) {
  const next = new Int32Array(typeCount + 1);
  for (let e = 0; e < edgeCount; e++) next[edgeTypeOf[e] + 1]++;
  for (let t = 0; t < typeCount; t++) next[t + 1] += next[t];
  const renumbered = new Int32Array(edgeCount);
  const types = new Uint16Array(edgeCount);
  const sources = new Int32Array(edgeCount);
  const targets = new Int32Array(edgeCount);
  for (let e = 0; e < edgeCount; e++) {
    const n = next[edgeTypeOf[e]]++;
    renumbered[e] = n;
    types[n] = edgeTypeOf[e];
    sources[n] = edgeSourceIndex[e];
    targets[n] = edgeTargetIndex[e];
  }
  for (let i = 0; i < edgeOf.length; i++) edgeOf[i] = renumbered[edgeOf[i]];
  return { edgeTypeOf: types, edgeSourceIndex: sources, edgeTargetIndex: targets };
}
