/** What a histogram bar of the timeline stands for, for its tooltip: a month and its relations per type. */
import { formatDay } from './dates';
import type { MonthlyHistogram } from './histogram';

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface MonthSummary {
  /** Index of the month in the histogram. */
  month: number;
  /** "September 2020". */
  label: string;
  /** Relations of the shown types starting that month, busiest type first. */
  types: Array<{ typeIndex: number; count: number }>;
  shownTotal: number;
  /** Relations of hidden types starting that month. */
  hiddenTotal: number;
}

/** The month bucket holding `day`, or -1 outside the histogram. */
export function monthIndexAt(histogram: MonthlyHistogram, day: number): number {
  const starts = histogram.monthStarts;
  if (starts.length < 2 || day < starts[0] || day >= starts[starts.length - 1]) return -1;
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= day) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function monthSummary(histogram: MonthlyHistogram, month: number, typeMask: Uint8Array): MonthSummary {
  const counts = histogram.counts[month];
  const types: MonthSummary['types'] = [];
  let shownTotal = 0;
  let hiddenTotal = 0;
  counts.forEach((count, typeIndex) => {
    if (!count) return;
    if (typeMask[typeIndex]) {
      types.push({ typeIndex, count });
      shownTotal += count;
    } else hiddenTotal += count;
  });
  types.sort((a, b) => b.count - a.count || a.typeIndex - b.typeIndex);
  const [year, m] = formatDay(histogram.monthStarts[month]).split('-').map(Number);
  return { month, label: `${MONTH_NAMES[m - 1]} ${year}`, types, shownTotal, hiddenTotal };
}
