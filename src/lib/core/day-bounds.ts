/**
 * Searches of the filter engine's sorted day columns (each group's starts, each kind's ends), narrowed
 * first by a table of every column's positions every few days, kept side by side so that one window
 * day's searches over all columns share a few cache lines of it; each search then ends in a short range
 * of its column. After other work has run (the page drawing, or the bench's full scan before each
 * update), a plain binary search missed the cache on about every probe, and a window's few hundred
 * searches cost as much as its counting.
 */
import { lowerBound, type DayColumn } from './sorted-search';
import type { Kind } from './span-layout';

/** The bucket width doubles from 2^MIN_SHIFT days until the columns' days fit in MAX_BUCKETS buckets. */
const MIN_SHIFT = 3;
const MAX_BUCKETS = 1024;

export class DayBounds {
  private readonly base: number;
  private readonly bucketDays: number;
  /** Days covered by the buckets: a day at or past base + span is past every value. */
  private readonly span: number;
  private readonly width: number;
  /** at[b * width + c]: the first position of column c whose value is ≥ base + b * bucketDays, for b in 0..buckets. */
  private readonly at: Int32Array;
  /** Column c holds days less bases[c]: the searches take and the buckets hold whole days. */
  private readonly bases: Float64Array;

  constructor(columns: DayColumn[], bases: ArrayLike<number> = new Float64Array(columns.length)) {
    let min = Infinity;
    let max = -Infinity;
    for (let c = 0; c < columns.length; c++) {
      const column = columns[c];
      if (column.length === 0) continue;
      min = Math.min(min, column[0] + bases[c]);
      max = Math.max(max, column[column.length - 1] + bases[c]);
    }
    if (min > max) min = max = 0;
    let shift = MIN_SHIFT;
    while ((max - min) / 2 ** shift + 1 > MAX_BUCKETS) shift++;
    const buckets = Math.floor((max - min) / 2 ** shift) + 1;
    const width = columns.length;
    const at = new Int32Array((buckets + 1) * width);
    for (let c = 0; c < width; c++) {
      const column = columns[c];
      let k = 0;
      for (let b = 0; b <= buckets; b++) {
        const day = min + b * 2 ** shift - bases[c];
        while (k < column.length && column[k] < day) k++;
        at[b * width + c] = k;
      }
    }
    this.base = min;
    this.bucketDays = 2 ** shift;
    this.span = buckets * 2 ** shift;
    this.width = width;
    this.at = at;
    this.bases = Float64Array.from(bases);
  }

  /** First position of column c (`column`, as given to the constructor) whose day is ≥ day. */
  lower(c: number, column: DayColumn, day: number): number {
    const offset = day - this.base;
    if (offset <= 0) return 0;
    if (!(offset < this.span)) return column.length;
    const b = Math.floor(offset / this.bucketDays);
    return lowerBound(column, day - this.bases[c], this.at[b * this.width + c], this.at[(b + 1) * this.width + c]);
  }

  /** First position of column c whose value is > day (the columns hold whole days). */
  upper(c: number, column: DayColumn, day: number): number {
    return this.lower(c, column, Math.floor(day) + 1);
  }
}

/** A layout's searches: its groups' starts, numbered kind by kind from firstGroup[kind], and its kinds' ends. */
export interface LayoutSearch {
  groupStarts: DayBounds;
  kindEnds: DayBounds;
  firstGroup: Int32Array;
}

export function layoutSearchOf(kinds: Kind[]): LayoutSearch {
  const firstGroup = new Int32Array(kinds.length + 1);
  for (let k = 0; k < kinds.length; k++) firstGroup[k + 1] = firstGroup[k] + kinds[k].groups.length;
  return {
    groupStarts: new DayBounds(kinds.flatMap((kind) => kind.groups.map((group) => group.starts)), kinds.flatMap((kind) => kind.groups.map((group) => group.dayBase))),
    kindEnds: new DayBounds(kinds.map((kind) => kind.ends), kinds.map((kind) => kind.endBase)),
    firstGroup,
  };
}
