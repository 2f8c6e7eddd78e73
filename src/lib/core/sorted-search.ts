/** Binary searches over ascending Int32Arrays, shared by the filter engine's files. */

/** First position whose value is ≥ `value` in an ascending array, searched in [lo, hi) when the caller knows it lies there. */
export function lowerBound(sorted: Int32Array, value: number, lo = 0, hi = sorted.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First position whose value is > `value` in an ascending array. */
export function upperBound(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
