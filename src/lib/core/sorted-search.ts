/** Binary searches over ascending typed arrays, shared by the filter engine's files. */

/** A column of days, or of day offsets from a base (span-layout.ts), in 16 bits when they fit. */
export type DayColumn = Int32Array | Uint16Array;

/** First position whose value is ≥ `value` in an ascending array, searched in [lo, hi) when the caller knows it lies there. */
export function lowerBound(sorted: DayColumn, value: number, lo = 0, hi = sorted.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First position whose value is > `value` in an ascending array. */
export function upperBound(sorted: DayColumn, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
