import { describe, expect, it } from 'vitest';
import { stableOrderBy } from '../../src/lib/core/stable-order';
import { seededRandom } from '../../bench/generate';

/** The reference: a comparator sort, stable as Array.prototype.sort is. */
const reference = (ids: Int32Array, keyOf: Int32Array) => Array.from(ids).sort((a, b) => keyOf[a] - keyOf[b]);

function case_(n: number, spread: number, seed: number) {
  const random = seededRandom(seed);
  const keyOf = Int32Array.from({ length: n }, () => Math.floor(random() * spread) - Math.floor(spread / 2));
  // Ids in a shuffled order, so that ties must keep that order, not the ids' own.
  const ids = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [ids[i], ids[j]] = [ids[j], ids[i]];
  }
  return { ids, keyOf };
}

describe('stableOrderBy', () => {
  it.each([
    ['counting sort (keys within their count)', 5000, 300],
    ['packed floats (keys spread wide)', 5000, 2_000_000],
    ['packed floats (keys as far apart as an Int32Array allows)', 3000, 2 ** 31 - 1],
  ])('orders like a stable comparator sort: %s', (_, n, spread) => {
    const { ids, keyOf } = case_(n, spread, n + spread);
    expect(Array.from(stableOrderBy(ids, keyOf))).toEqual(reference(ids, keyOf));
  });

  it('keeps ties in the order given and handles nothing to sort', () => {
    expect(Array.from(stableOrderBy(Int32Array.of(4, 1, 2, 0), Int32Array.of(7, 7, 5, 9, 7)))).toEqual([2, 4, 1, 0]);
    expect(Array.from(stableOrderBy(new Int32Array(0), new Int32Array(0)))).toEqual([]);
  });
});
