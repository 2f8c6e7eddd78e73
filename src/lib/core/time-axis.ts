/**
 * The visible range of the timeline and its ticks. The timeline can zoom into
 * part of the dataset's extent, so a few busy years are not squeezed beside
 * decades of background.
 */
import { addMonths, dayNumber, formatDay } from './dates';
import { shiftedWindow, type DayWindow } from './window-edit';

/** The shortest range the timeline zooms into: a quarter, so monthly bars stay readable. */
export const MIN_VISIBLE_DAYS = 90;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const STEPS_IN_MONTHS = [1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200];

export interface AxisTick {
  day: number;
  label: string;
  /** January ticks, labelled with the year. */
  major: boolean;
}

const lengthOf = (range: DayWindow) => range.to + 1 - range.from;

/** A range of `length` days from `from`, moved inside the extent if it sticks out. */
const fitted = (from: number, length: number, extent: DayWindow) => shiftedWindow({ from, to: from + length - 1 }, 0, extent);

/** The range after zooming by `factor` (below 1 zooms in) around `anchor`, which stays where it was on screen. */
export function zoomedRange(range: DayWindow, anchor: number, factor: number, extent: DayWindow): DayWindow {
  const length = Math.round(Math.max(MIN_VISIBLE_DAYS, lengthOf(range) * factor));
  const share = (anchor - range.from) / lengthOf(range);
  return fitted(Math.round(anchor - share * length), length, extent);
}

/** The range moved by `deltaDays`, stopping at the extent's ends. */
export function pannedRange(range: DayWindow, deltaDays: number, extent: DayWindow): DayWindow {
  return shiftedWindow(range, deltaDays, extent);
}

/** A range that shows the window with a margin on both sides. */
export function rangeAround(window: DayWindow, extent: DayWindow): DayWindow {
  const length = Math.max(MIN_VISIBLE_DAYS, Math.round(lengthOf(window) * 1.25));
  return fitted(Math.round(window.from - (length - lengthOf(window)) / 2), length, extent);
}

/** Share of the relations the timeline opens on; the rest may lie in the quiet years around them. */
export const BULK_SHARE = 0.9;

/**
 * The range the timeline opens on: where the bulk of the relations start. It is the shortest range
 * holding `share` of the start days, widened to take in starts closer to it than half its length
 * (so a busy stretch is not cut just short of its own beginning), padded by a twentieth of its length
 * and rounded out to whole months. The whole extent when that range would cover most of it anyway.
 */
export function bulkRange(starts: ArrayLike<number>, extent: DayWindow, share = BULK_SHARE): DayWindow {
  const sorted = sortedDays(starts, extent);
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
  const pad = Math.round((sorted[hi] - sorted[lo]) / 20);
  const from = Math.max(extent.from, monthStart(sorted[lo] - pad));
  const to = Math.min(extent.to, addMonths(monthStart(sorted[hi] + pad), 1) - 1);
  return to - from >= 0.8 * (extent.to - extent.from) ? { ...extent } : { from, to };
}

/**
 * The start days in order: counted per day when they lie in the extent and it is not much longer
 * than the list (a million starts over a century: 70 ms to sort, a few to count), else sorted.
 */
export function sortedDays(starts: ArrayLike<number>, extent: DayWindow): Int32Array {
  const n = starts.length;
  const days = extent.to - extent.from + 1;
  if (days > 4 * n + 1024) return Int32Array.from(starts).sort();
  const counts = new Int32Array(days);
  for (let i = 0; i < n; i++) {
    const day = starts[i] - extent.from;
    if (day < 0 || day >= days) return Int32Array.from(starts).sort();
    counts[day]++;
  }
  const sorted = new Int32Array(n);
  for (let day = 0, k = 0; day < days; day++) for (let c = counts[day]; c > 0; c--) sorted[k++] = extent.from + day;
  return sorted;
}

function monthStart(day: number): number {
  const [year, month] = formatDay(day).split('-').map(Number);
  return dayNumber(year, month, 1);
}

/**
 * Ticks at month or year boundaries, as dense as `minSpacingPx` allows on a
 * timeline `widthPx` wide. Months are labelled by name, years by number.
 */
export function axisTicks(range: DayWindow, widthPx: number, minSpacingPx = 48): AxisTick[] {
  const daysPerPx = lengthOf(range) / Math.max(1, widthPx);
  const step = STEPS_IN_MONTHS.find((months) => (months * 30.44) / daysPerPx >= minSpacingPx) ?? STEPS_IN_MONTHS.at(-1)!;
  const [year, month, dayOfMonth] = formatDay(range.from).split('-').map(Number);
  const firstMonth = year * 12 + month - 1 + (dayOfMonth > 1 ? 1 : 0);
  // Align to a multiple of the step (counted from January of year 0) so ticks sit on round dates.
  const index = Math.ceil(firstMonth / step) * step;
  const ticks: AxisTick[] = [];
  for (let day = dayNumber(Math.floor(index / 12), (index % 12) + 1, 1); day <= range.to; day = addMonths(day, step)) {
    const [y, m] = formatDay(day).split('-').map(Number);
    ticks.push({ day, label: m === 1 ? String(y) : MONTHS[m - 1], major: m === 1 });
  }
  return ticks;
}
