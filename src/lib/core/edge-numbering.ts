/**
 * The filter engine numbers aggregated edges by type (in the index's order within a type) and counts
 * under those numbers: a shown type's counts then lie in one block that fits the L2 cache, where the
 * index's numbering spreads them over the whole 2 MB counts array at a million relations, and the per-row
 * increments of a window, at random places in it, mostly missed the cache. What the engine hands out is
 * in the index's numbering again, translated only for the edges an update touched.
 */

/** `originalOf[local]`: the index's number of the edge the engine numbers `local`. A counting sort, stable. */
export function edgesByType(edgeTypeOf: Uint16Array, typeCount: number): Int32Array {
  const next = new Int32Array(typeCount + 1);
  for (let e = 0; e < edgeTypeOf.length; e++) next[edgeTypeOf[e] + 1]++;
  for (let t = 0; t < typeCount; t++) next[t + 1] += next[t];
  const originalOf = new Int32Array(edgeTypeOf.length);
  for (let e = 0; e < edgeTypeOf.length; e++) originalOf[next[edgeTypeOf[e]]++] = e;
  return originalOf;
}

/** The inverse: `localOf[original]`. */
export function localNumbers(originalOf: Int32Array): Int32Array {
  const localOf = new Int32Array(originalOf.length);
  for (let l = 0; l < originalOf.length; l++) localOf[originalOf[l]] = l;
  return localOf;
}

/** `values` (indexed by the index's numbering) in the engine's numbering. */
export function inLocalOrder(values: Int32Array, originalOf: Int32Array): Int32Array {
  const out = new Int32Array(originalOf.length);
  for (let l = 0; l < originalOf.length; l++) out[l] = values[originalOf[l]];
  return out;
}

/** Hands out the counts of the local edges list[0, count) (repeats allowed) under the index's numbers. */
export function publishEdges(published: Int32Array, local: Int32Array, originalOf: Int32Array, list: Int32Array, count: number): void {
  for (let k = 0; k < count; k++) {
    const l = list[k];
    published[originalOf[l]] = local[l];
  }
}

/** Hands out every edge's count under the index's numbers. */
export function publishAllEdges(published: Int32Array, local: Int32Array, originalOf: Int32Array): void {
  for (let l = 0; l < local.length; l++) published[originalOf[l]] = local[l];
}

/** Zeroes the handed-out counts of the local edges list[0, count). */
export function clearPublished(published: Int32Array, originalOf: Int32Array, list: Int32Array, count: number): void {
  for (let k = 0; k < count; k++) published[originalOf[list[k]]] = 0;
}

/** Local edge numbers to the index's, in place. */
export function toOriginal(list: Int32Array, originalOf: Int32Array): Int32Array {
  for (let k = 0; k < list.length; k++) list[k] = originalOf[list[k]];
  return list;
}
