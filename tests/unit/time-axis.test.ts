import { describe, expect, it } from 'vitest';
import { axisTicks, bulkRange, MIN_VISIBLE_DAYS, pannedRange, rangeAround, sortedDays, zoomedRange } from '../../src/lib/core/time-axis';
import { day } from './helpers';
import { dayNumber, formatDay } from '../../src/lib/core/dates';
import type { DayWindow } from '../../src/lib/core/window-edit';

const extent = { from: day('1990-01-01'), to: day('2023-12-31') };

describe('zoomedRange', () => {
  it('keeps the anchor day at the same place on screen', () => {
    const anchor = day('2020-01-01');
    const zoomed = zoomedRange(extent, anchor, 0.5, extent);
    const shareBefore = (anchor - extent.from) / (extent.to + 1 - extent.from);
    const shareAfter = (anchor - zoomed.from) / (zoomed.to + 1 - zoomed.from);
    expect(shareAfter).toBeCloseTo(shareBefore, 2);
    expect(zoomed.to + 1 - zoomed.from).toBe(Math.round((extent.to + 1 - extent.from) / 2));
  });

  it('never zooms in past the minimum or out past the extent', () => {
    expect(zoomedRange(extent, day('2022-01-01'), 1e-6, extent).to + 1 - zoomedRange(extent, day('2022-01-01'), 1e-6, extent).from).toBe(MIN_VISIBLE_DAYS);
    expect(zoomedRange({ from: day('2020-01-01'), to: day('2021-01-01') }, day('2020-06-01'), 1000, extent)).toEqual(extent);
  });

  it('slides back inside the extent rather than showing days outside it', () => {
    const near = { from: day('2023-06-01'), to: day('2023-12-31') };
    const zoomed = zoomedRange(near, day('2023-12-31'), 3, extent);
    expect(zoomed.to).toBe(extent.to);
    expect(zoomed.from).toBeGreaterThan(extent.from);
  });
});

describe('pannedRange', () => {
  it('moves by whole days and stops at the ends', () => {
    const range = { from: day('2000-01-01'), to: day('2000-12-31') };
    expect(pannedRange(range, 31, extent)).toEqual({ from: range.from + 31, to: range.to + 31 });
    expect(pannedRange(range, -1e5, extent)).toEqual({ from: extent.from, to: extent.from + 365 });
  });
});

describe('rangeAround', () => {
  it('shows the window with a margin on both sides', () => {
    const window = { from: day('2022-01-01'), to: day('2022-12-31') };
    const range = rangeAround(window, extent);
    expect(range.from).toBeLessThan(window.from);
    expect(range.to).toBeGreaterThan(window.to);
    expect(range.from - window.from + range.to - window.to).toBeLessThanOrEqual(1);
  });

  it('widens a very short window to the minimum range', () => {
    const range = rangeAround({ from: day('2022-03-01'), to: day('2022-03-01') }, extent);
    expect(range.to + 1 - range.from).toBe(MIN_VISIBLE_DAYS);
  });
});

describe('axisTicks', () => {
  it('labels years on a long range, only at round years', () => {
    const ticks = axisTicks(extent, 1200);
    expect(ticks.every((t) => t.major)).toBe(true);
    expect(ticks[0].label).toBe('1990');
    const years = ticks.map((t) => Number(t.label));
    expect(new Set(years.map((y, i) => (i ? y - years[i - 1] : 0)).values()).size).toBeLessThanOrEqual(2);
    expect(ticks.at(-1)!.day).toBeLessThanOrEqual(extent.to);
  });

  it('labels months on a short range, with the year at January', () => {
    const ticks = axisTicks({ from: day('2021-11-15'), to: day('2022-04-30') }, 1200);
    expect(ticks.map((t) => t.label)).toEqual(['Dec', '2022', 'Feb', 'Mar', 'Apr']);
    expect(ticks.map((t) => t.day)).toEqual([day('2021-12-01'), day('2022-01-01'), day('2022-02-01'), day('2022-03-01'), day('2022-04-01')]);
  });

  it('keeps ticks at least the minimum spacing apart', () => {
    const range = { from: day('2019-01-01'), to: day('2023-12-31') };
    const ticks = axisTicks(range, 600, 48);
    const pxPerDay = 600 / (range.to + 1 - range.from);
    for (let i = 1; i < ticks.length; i++) expect((ticks[i].day - ticks[i - 1].day) * pxPerDay).toBeGreaterThanOrEqual(48 * 0.9);
  });
});

describe('bulkRange', () => {
  const days = (isos: string[]) => isos.map(day);
  const busy = Array.from({ length: 40 }, (_, i) => new Date(Date.UTC(2020, 0, 1 + i * 27)).toISOString().slice(0, 10));

  it('opens on the busy years, padded to whole months, leaving out a few old rows', () => {
    const range = bulkRange(days(['1990-01-01', '1991-06-01', '1994-01-01', ...busy]), { from: day('1990-01-01'), to: day('2022-12-31') });
    expect(range.from).toBe(day('2019-11-01'));
    expect(range.to).toBe(day('2022-12-31'));
  });

  it('takes in starts just before the densest stretch instead of cutting them off', () => {
    // 90 % of the rows lie in 2021-2022, but 2020 is near enough to belong to the same stretch.
    const rows = [...Array.from({ length: 9 }, () => '2020-01-01'), ...Array.from({ length: 81 }, (_, i) => new Date(Date.UTC(2021, 0, 1 + i * 9)).toISOString().slice(0, 10)), '1990-05-01'];
    const range = bulkRange(days(rows), { from: day('1990-01-01'), to: day('2022-12-31') });
    expect(range.from).toBeLessThanOrEqual(day('2020-01-01'));
    expect(range.from).toBeGreaterThan(day('2019-01-01'));
  });

  it('is the whole extent when the rows spread over most of it, or there are none', () => {
    const extent = { from: day('2020-01-01'), to: day('2022-12-31') };
    expect(bulkRange(days(busy), extent)).toEqual(extent);
    expect(bulkRange([], extent)).toEqual(extent);
  });
});

describe('sortedDays', () => {
  it('orders many start days as a sort does, counted per day inside the extent, and falls back to sorting for a day outside it', () => {
    let seed = 3;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const span = extent.to - extent.from + 1;
    const starts = Array.from({ length: 20_000 }, () => extent.from + Math.floor(random() * random() * span));
    expect(Array.from(sortedDays(starts, extent))).toEqual(Array.from(Int32Array.from(starts).sort()));
    const outside = [...starts, extent.from - 5];
    expect(Array.from(sortedDays(outside, extent))).toEqual(Array.from(Int32Array.from(outside).sort()));
  });
});

/** bulkRange as it was, walking the starts written out in order, position by position. */
function bulkRangeOfSorted(starts: number[], extent: DayWindow, share: number): DayWindow {
  const sorted = Int32Array.from(starts).sort();
  const n = sorted.length;
  const wanted = Math.ceil(share * n);
  if (n === 0 || wanted >= n) return { ...extent };
  let lo = 0;
  for (let i = 1; i + wanted - 1 < n; i++) if (sorted[i + wanted - 1] - sorted[i] < sorted[lo + wanted - 1] - sorted[lo]) lo = i;
  let hi = lo + wanted - 1;
  for (let grown = true; grown; ) {
    const reach = (sorted[hi] - sorted[lo]) / 2;
    grown = false;
    if (lo > 0 && sorted[lo] - sorted[lo - 1] <= reach) (lo--, (grown = true));
    if (hi < n - 1 && sorted[hi + 1] - sorted[hi] <= reach) (hi++, (grown = true));
  }
  const monthStart = (d: number) => {
    const [y, m] = formatDay(d).split('-').map(Number);
    return dayNumber(y, m, 1);
  };
  const nextMonth = (d: number) => {
    const [y, m] = formatDay(d).split('-').map(Number);
    return m === 12 ? dayNumber(y + 1, 1, 1) : dayNumber(y, m + 1, 1);
  };
  const pad = Math.round((sorted[hi] - sorted[lo]) / 20);
  const from = Math.max(extent.from, monthStart(sorted[lo] - pad));
  const to = Math.min(extent.to, nextMonth(sorted[hi] + pad) - 1);
  return to - from >= 0.8 * (extent.to - extent.from) ? { ...extent } : { from, to };
}

describe('bulkRange counted per day', () => {
  it('gives the range the walk along the sorted starts gives, over clustered, sparse and repeated days', () => {
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    let narrowed = 0;
    for (let run = 0; run < 600; run++) {
      const n = [1, 2, 5, 40, 300, 3000][run % 6];
      // Starts are counted per day when the extent is not much longer than the list: a short extent for a short list.
      const extent = n < 3000 ? { from: day('1990-01-01'), to: day('1990-01-01') + 1000 } : { from: day('1990-01-01'), to: day('2023-12-31') };
      const span = extent.to - extent.from + 1;
      const centre = extent.from + Math.floor(random() * span);
      const width = [3, 8, 20, 40, 900, span][Math.floor(random() * 6)];
      const repeats = 1 + Math.floor(random() * 20);
      const starts: number[] = [];
      while (starts.length < n) {
        const d = random() < 0.05 ? centre + Math.round((random() - 0.5) * 4 * width) : random() < 0.1 ? extent.from + Math.floor(random() * span) : centre + Math.floor((random() - 0.5) * width);
        const clamped = Math.min(extent.to, Math.max(extent.from, d));
        for (let r = 0; r < repeats && starts.length < n; r++) starts.push(clamped);
      }
      const share = [0.9, 0.5, 0.75][run % 3];
      const expected = bulkRangeOfSorted(starts, extent, share);
      expect(bulkRange(starts, extent, share)).toEqual(expected);
      if (expected.from !== extent.from || expected.to !== extent.to) narrowed++;
    }
    expect(narrowed).toBeGreaterThan(150);
  });
});

describe('bulkRange widening', () => {
  it('takes in a start exactly half the run away, before the run and after it', () => {
    const extent = { from: day('1990-01-01'), to: day('1990-01-01') + 1000 };
    const run = Array.from({ length: 9 }, (_, i) => extent.from + 200 + 10 * i);
    const before = [...run, extent.from + 160, extent.from + 990];
    const after = [...run, extent.from + 320, extent.from + 990];
    for (const starts of [before, after]) {
      const range = bulkRange(starts, extent, 0.8);
      expect(range).toEqual(bulkRangeOfSorted(starts, extent, 0.8));
      expect(range).not.toEqual(bulkRangeOfSorted(run, extent, 0.8));
    }
  });
});
