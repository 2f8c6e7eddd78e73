import { describe, expect, it } from 'vitest';
import { DayBounds } from '../../src/lib/core/day-bounds';
import { lowerBound, upperBound } from '../../src/lib/core/sorted-search';

function seeded(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe('DayBounds', () => {
  it('finds the same positions as a plain binary search, on and between the days of every column and past both ends', () => {
    const random = seeded(3);
    // Columns of different lengths and reaches, one empty, one of a single repeated day; a wide one forces buckets wider than the least.
    const columns = [
      Int32Array.from({ length: 500 }, () => Math.floor(random() * 4000)).sort(),
      new Int32Array(0),
      new Int32Array(40).fill(1234),
      Int32Array.from({ length: 300 }, () => -20_000 + Math.floor(random() * 60_000)).sort(),
      Int32Array.from({ length: 7 }, (_, k) => 3990 + k),
    ];
    const bounds = new DayBounds(columns);
    const days = [-Infinity, -30_000, -20_001, -1, 0, 1233, 1234, 1235, 3999, 4000, 39_999, 40_000, 50_000, Infinity, 12.5, -0.5];
    for (let k = 0; k < 2000; k++) days.push(-21_000 + Math.floor(random() * 62_000));
    for (const [c, column] of columns.entries()) {
      for (const day of days) {
        expect(bounds.lower(c, column, day)).toBe(lowerBound(column, day));
        expect(bounds.upper(c, column, day)).toBe(upperBound(column, day));
      }
    }
  });

  it('searches columns of offsets from a base per column, 16-bit or not, in whole days', () => {
    const random = seeded(5);
    const days = [
      Int32Array.from({ length: 400 }, () => 10_000 + Math.floor(random() * 3000)).sort(),
      Int32Array.from({ length: 200 }, () => -50_000 + Math.floor(random() * 100_000)).sort(),
      new Int32Array(0),
    ];
    const bases = [10_000, -50_000, 0];
    const columns = [Uint16Array.from(days[0], (d) => d - bases[0]), Int32Array.from(days[1], (d) => d - bases[1]), new Uint16Array(0)];
    const bounds = new DayBounds(columns, bases);
    const probes = [-Infinity, -60_000, -50_000, 9_999, 10_000, 13_000, 50_001, Infinity];
    for (let k = 0; k < 1000; k++) probes.push(-55_000 + Math.floor(random() * 110_000));
    for (const [c, column] of columns.entries()) {
      for (const day of probes) {
        expect(bounds.lower(c, column, day)).toBe(lowerBound(days[c], day));
        expect(bounds.upper(c, column, day)).toBe(upperBound(days[c], day));
      }
    }
  });
});
