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
  const n = starts.length;
  const wanted = Math.ceil(share * n);
  if (n === 0 || wanted >= n) return { ...extent };
  const perDay = wanted >= 1 ? startsPerDay(starts, extent) : null;
  const [first, last] = perDay ? bulkOfDays(perDay, n, wanted) : bulkOfSorted(Int32Array.from(starts).sort(), wanted);
  const pad = Math.round((last - first) / 20);
  const from = Math.max(extent.from, monthStart(first - pad));
  const to = Math.min(extent.to, addMonths(monthStart(last + pad), 1) - 1);
  return to - from >= 0.8 * (extent.to - extent.from) ? { ...extent } : { from, to };
}

/** The first and last start of the bulk, from the starts in order: the shortest run of `wanted`, widened. */
function bulkOfSorted(sorted: Int32Array, wanted: number): [number, number] {
  const n = sorted.length;
  let lo = 0;
  for (let i = 1; i + wanted - 1 < n; i++) if (sorted[i + wanted - 1] - sorted[i] < sorted[lo + wanted - 1] - sorted[lo]) lo = i;
  let hi = lo + wanted - 1;
  for (let grown = true; grown; ) {
    const reach = (sorted[hi] - sorted[lo]) / 2;
    grown = false;
    if (lo > 0 && sorted[lo] - sorted[lo - 1] <= reach) (lo--, (grown = true));
    if (hi < n - 1 && sorted[hi + 1] - sorted[hi] <= reach) (hi++, (grown = true));
  }
  return [sorted[lo], sorted[hi]];
}

/** The starts counted per day of the extent: { days with a start, where each one's starts begin in sorted order (one past the last at the end) }; null when a start lies outside the extent or the extent is much longer than the list. */
function startsPerDay(starts: ArrayLike<number>, extent: DayWindow): { days: Int32Array; firsts: Int32Array } | null {
  const n = starts.length;
  const span = extent.to - extent.from + 1;
  if (span > 4 * n + 1024) return null;
  const counts = new Int32Array(span);
  for (let i = 0; i < n; i++) {
    const day = starts[i] - extent.from;
    if (day < 0 || day >= span) return null;
    counts[day]++;
  }
  let used = 0;
  for (let d = 0; d < span; d++) if (counts[d] > 0) used++;
  const days = new Int32Array(used);
  const firsts = new Int32Array(used + 1);
  for (let d = 0, j = 0, position = 0; d < span; d++) {
    if (counts[d] === 0) continue;
    days[j] = extent.from + d;
    firsts[j++] = position;
    position += counts[d];
  }
  firsts[used] = n;
  return { days, firsts };
}

/**
 * bulkOfSorted on the starts counted per day, without writing them out in order (at a million starts that
 * list and the walks along it were most of the 50-100 ms task that mounts the timeline). The same walk,
 * position by position, but where neither end changes day (so the reach stays as it is) it takes all those
 * steps at once; tests/unit/time-axis.test.ts holds the two together.
 */
function bulkOfDays({ days, firsts }: { days: Int32Array; firsts: Int32Array }, n: number, wanted: number): [number, number] {
  const m = days.length;
  // The shortest run: for each day, its first position starts the shortest run from that day.
  let jLo = 0;
  let jHi = 0;
  let best = Infinity;
  for (let j = 0, k = 0; j < m && firsts[j] + wanted - 1 < n; j++) {
    const end = firsts[j] + wanted - 1;
    while (firsts[k + 1] <= end) k++;
    if (days[k] - days[j] < best) (best = days[k] - days[j]), (jLo = j), (jHi = k);
  }
  let lo = firsts[jLo];
  let hi = lo + wanted - 1;
  // Steps left within each end's day: lo down to its day's first position, hi up to its day's last.
  let a = 0;
  let b = firsts[jHi + 1] - 1 - hi;
  for (;;) {
    const reach = (days[jHi] - days[jLo]) / 2;
    const loCrosses = a === 0 && jLo > 0 && days[jLo] - days[jLo - 1] <= reach;
    const hiCrosses = b === 0 && jHi < m - 1 && days[jHi + 1] - days[jHi] <= reach;
    const loMoves = a > 0 || loCrosses;
    const hiMoves = b > 0 || hiCrosses;
    if (!loMoves && !hiMoves) break;
    if (!loCrosses && !hiCrosses) {
      const k = loMoves && hiMoves ? Math.min(a, b) : loMoves ? a : b;
      if (loMoves) (lo -= k), (a -= k);
      if (hiMoves) (hi += k), (b -= k);
      continue;
    }
    if (loMoves) {
      lo--;
      if (a > 0) a--;
      else a = lo - firsts[--jLo];
    }
    if (hiMoves) {
      hi++;
      if (b > 0) b--;
      else b = firsts[++jHi + 1] - 1 - hi;
    }
  }
  return [days[jLo], days[jHi]];
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
