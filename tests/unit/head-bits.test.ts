import { describe, expect, it } from 'vitest';
import { headBitsOf, headsBefore } from '../../src/lib/core/head-bits';

/** Heads before each position, counted one by one. */
function naive(count: number, isHead: (k: number) => boolean): number[] {
  const before = [0];
  for (let k = 0; k < count; k++) before.push(before[k] + (isHead(k) ? 1 : 0));
  return before;
}

describe('headBitsOf', () => {
  it('counts the heads before every position, at and around word bounds, all heads or none', () => {
    for (const count of [0, 1, 31, 32, 33, 64, 95]) {
      for (const isHead of [(k: number) => k % 3 === 0, () => true, () => false, (k: number) => k % 32 === 31]) {
        const heads = headBitsOf(count, isHead);
        const expected = naive(count, isHead);
        expect(Array.from({ length: count + 1 }, (_, k) => headsBefore(heads, k))).toEqual(expected);
      }
    }
  });

  it('holds an empty group: no heads before position 0', () => {
    const heads = headBitsOf(0, () => true);
    expect(headsBefore(heads, 0)).toBe(0);
  });

  it('counts past 65,535 positions, where 16-bit counts would wrap, in a quarter of a byte a position', () => {
    const count = 200_003;
    // Pseudo-random heads, two in three, so the counts pass 65,535 well before the end.
    const isHead = (k: number) => ((k * 2654435761) >>> 0) % 3 !== 0;
    const heads = headBitsOf(count, isHead);
    const expected = naive(count, isHead);
    expect(expected[count]).toBeGreaterThan(0xffff);
    for (let k = 0; k <= count; k += 997) expect(headsBefore(heads, k)).toBe(expected[k]);
    expect(headsBefore(heads, count)).toBe(expected[count]);
    expect(headsBefore(heads, 65_536)).toBe(expected[65_536]);
    expect(heads.bits.byteLength + heads.before.byteLength).toBeLessThanOrEqual(count / 4 + 12);
  });
});
