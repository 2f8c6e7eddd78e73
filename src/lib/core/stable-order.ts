/** Orders and gathers over typed arrays, for the filter engine's layout of a million rows. */

/**
 * `ids` sorted by `keyOf[id]`, ties in the order of `ids` (a stable sort). At a million rows the
 * comparator sorts took most of the layout's 0.8 s, so: a counting sort when the keys (days) span
 * little more than their count; else each key and position packed into one float, sorted natively;
 * the comparator only for keys too far apart to pack exactly.
 */
export function stableOrderBy(ids: Int32Array, keyOf: Int32Array): Int32Array {
  const n = ids.length;
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < n; k++) {
    const key = keyOf[ids[k]];
    if (key < min) min = key;
    if (key > max) max = key;
  }
  if (n === 0) return ids.slice();
  const range = max - min + 1;
  if (range <= 2 * n + 1024) return countingOrder(ids, keyOf, min, range);
  if (range * n > Number.MAX_SAFE_INTEGER) return ids.slice().sort((a, b) => keyOf[a] - keyOf[b]);
  const packed = new Float64Array(n);
  for (let k = 0; k < n; k++) packed[k] = (keyOf[ids[k]] - min) * n + k;
  packed.sort();
  const out = new Int32Array(n);
  for (let k = 0; k < n; k++) out[k] = ids[packed[k] % n];
  return out;
}

/** stableOrderBy as a counting sort, for keys within a range not much larger than their count. */
function countingOrder(ids: Int32Array, keyOf: Int32Array, min: number, range: number): Int32Array {
  const next = new Int32Array(range + 1);
  for (let k = 0; k < ids.length; k++) next[keyOf[ids[k]] - min + 1]++;
  for (let b = 1; b <= range; b++) next[b] += next[b - 1];
  const out = new Int32Array(ids.length);
  for (let k = 0; k < ids.length; k++) out[next[keyOf[ids[k]] - min]++] = ids[k];
  return out;
}

/** `source` read at each of `at`, in a plain loop: TypedArray.map with a closure cost about as much as the sorts. */
export function gather<A extends Int32Array | Uint16Array | Uint8Array>(source: Int32Array | Uint16Array | Uint8Array, at: Int32Array, out: A): A {
  for (let k = 0; k < at.length; k++) out[k] = source[at[k]];
  return out;
}
