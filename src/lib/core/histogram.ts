/** Relations per month, stacked by type, for the timeline. */
import { dayNumber, formatDay } from './dates';
import { ALL_MODALITIES } from './filter';
import type { RelationIndex } from './relation-index';

export interface MonthlyHistogram {
  /** Day number of the first day of each month bucket, plus one past the last. */
  monthStarts: number[];
  /** counts[month][typeIndex]: rows starting in that month. */
  counts: Int32Array[];
  maxTotal: number;
}

function monthOf(day: number): { year: number; month: number } {
  const iso = formatDay(day);
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)) };
}

/**
 * Buckets every relation of a shown modality by the month its span starts in.
 * A standing relation counts once, where it begins, whether it is attested
 * through its source's date or carried forward, so the bars are the same either way.
 */
export function monthlyHistogram(index: RelationIndex, modalityMask: Uint8Array = ALL_MODALITIES, edgeMask?: Uint8Array): MonthlyHistogram {
  const first = monthOf(index.extent.start);
  const last = monthOf(index.extent.end);
  const monthStarts: number[] = [];
  // One boundary per month from the first to the month after the last, so the last month gets its bucket.
  const firstMonth = first.year * 12 + first.month - 1;
  const lastMonth = last.year * 12 + last.month - 1;
  for (let m = firstMonth; m <= lastMonth + 1; m++) monthStarts.push(dayNumber(Math.floor(m / 12), (m % 12) + 1, 1));
  const bucketCount = monthStarts.length - 1;
  const typeCount = index.typeIds.length;
  // One flat table, each month's counts a view of it; the month of each day looked up, not searched for:
  // a binary search per row was 40-65 ms at a million rows, in the task that mounts the timeline.
  const flat = new Int32Array(bucketCount * typeCount);
  const counts = Array.from({ length: bucketCount }, (_, b) => flat.subarray(b * typeCount, (b + 1) * typeCount));
  const totals = new Int32Array(bucketCount);
  const firstDay = bucketCount > 0 ? monthStarts[0] : 0;
  const bucketOfDay = new Int32Array(bucketCount > 0 ? monthStarts[bucketCount] - firstDay : 0);
  for (let b = 0; b < bucketCount; b++) bucketOfDay.fill(b, monthStarts[b] - firstDay, monthStarts[b + 1] - firstDay);
  const days = bucketOfDay.length;
  const { modalityOf, edgeOf, starts, typeOf } = index;
  for (let i = 0; i < index.relationCount; i++) {
    if (modalityMask[modalityOf[i]] === 0) continue;
    // A scope or roll-up masks edges; their rows count nowhere, as in the filter.
    if (edgeMask && edgeMask[edgeOf[i]] === 0) continue;
    const d = starts[i] - firstDay;
    if (!(d >= 0 && d < days)) continue;
    const b = bucketOfDay[d];
    flat[b * typeCount + typeOf[i]]++;
    totals[b]++;
  }
  return { monthStarts, counts, maxTotal: Math.max(0, ...totals) };
}

export interface HistogramBar {
  key: string;
  x: number;
  y: number;
  width: number;
  height: number;
  color: string;
}

/**
 * Visits the bars of the histogram for the shown types, stacked in legend order so the
 * timeline reads like the legend. A month's height follows the square root of
 * its count, so quiet months stay visible next to a busy one.
 */
function eachStackedBar(
  histogram: MonthlyHistogram,
  typeMask: Uint8Array,
  height: number,
  x: (day: number) => number,
  gap: number,
  visit: (month: number, type: number, x: number, y: number, width: number, height: number) => void,
): void {
  const top = Math.sqrt(Math.max(1, histogram.maxTotal));
  const { counts, monthStarts } = histogram;
  for (let m = 0; m < counts.length; m++) {
    const month = counts[m];
    let total = 0;
    for (let t = 0; t < month.length; t++) if (typeMask[t]) total += month[t];
    if (total === 0) continue;
    const x0 = x(monthStarts[m]);
    const width = Math.max(1, x(monthStarts[m + 1]) - x0 - gap);
    const perRelation = ((height - 4) * Math.sqrt(total)) / top / total;
    let y = height;
    for (let t = 0; t < month.length; t++) {
      if (!month[t] || !typeMask[t]) continue;
      const h = month[t] * perRelation;
      y -= h;
      visit(m, t, x0, y, width, h);
    }
  }
}

/** The histogram's bars for the shown types, one object each (eachStackedBar's geometry). */
export function stackedBars(
  histogram: MonthlyHistogram,
  colors: readonly string[],
  typeMask: Uint8Array,
  height: number,
  x: (day: number) => number,
  gap = 0,
): HistogramBar[] {
  const bars: HistogramBar[] = [];
  eachStackedBar(histogram, typeMask, height, x, gap, (m, t, bx, y, width, h) => bars.push({ key: `${m}:${t}`, x: bx, y, width, height: h, color: colors[t] }));
  return bars;
}

export interface HistogramPath {
  /** The type's index, a key for the path. */
  type: number;
  color: string;
  /** Every bar of the type (stackedBars' geometry), as one path's rectangles. */
  d: string;
}

const barPath = (x: number, y: number, width: number, height: number) => `M${x} ${y}h${width}v${height}h${-width}z`;

/**
 * stackedBars drawn as one path per shown type: at a million relations over decades the bars were
 * thousands of rects, an object and an element each, and mounting them held the page for 100 ms and more.
 */
export function stackedPaths(
  histogram: MonthlyHistogram,
  colors: readonly string[],
  typeMask: Uint8Array,
  height: number,
  x: (day: number) => number,
  gap = 0,
): HistogramPath[] {
  const parts: string[][] = colors.map(() => []);
  eachStackedBar(histogram, typeMask, height, x, gap, (_m, t, bx, y, width, h) => parts[t].push(barPath(bx, y, width, h)));
  const paths: HistogramPath[] = [];
  parts.forEach((bars, t) => {
    if (bars.length) paths.push({ type: t, color: colors[t], d: bars.join('') });
  });
  return paths;
}

/** The path stackedPaths draws for a list of bars (of one type), for the tests that hold the two together. */
export const pathOfBars = (bars: HistogramBar[]) => bars.map((b) => barPath(b.x, b.y, b.width, b.height)).join('');
