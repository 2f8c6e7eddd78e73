/**
 * The frames of "Play": the date windows the timeline shows one after another.
 *
 * Consecutive frames touch or overlap (the step is at most the window's
 * length), so every relation whose span meets the played range is visible in
 * at least one frame. A frame that shows exactly the relations of the frame
 * before is a quiet stretch: one such frame is kept, so a quiet month still
 * reads as time passing, and the rest of the run is skipped, so Play does not
 * spend half a minute crossing empty decades.
 */
import { addMonths, formatDay } from './dates';
import type { DayWindow } from './window-edit';

/** Relation spans sorted on their own: starts ascending, ends ascending (not paired). */
export interface SortedSpans {
  starts: Int32Array;
  ends: Int32Array;
}

export interface PlayPlan {
  frames: DayWindow[];
  /** Index of the frame the current window is (or, when Play would start over, -1). */
  at: number;
}

/** The window Play opens with when the current one does not fit the range: the first three months. */
export const DEFAULT_PLAY_MONTHS = 3;
/** Unchanged frames kept in a row before the rest of a quiet run is skipped. */
const QUIET_FRAMES_KEPT = 1;

/** Spans of the rows of the shown types, each list sorted, for counting with binary search. */
export function sortedSpans(starts: ArrayLike<number>, ends: ArrayLike<number>, keep: (row: number) => boolean = () => true): SortedSpans {
  const s: number[] = [];
  const e: number[] = [];
  for (let i = 0; i < starts.length; i++) {
    if (!keep(i)) continue;
    s.push(starts[i]);
    e.push(ends[i]);
  }
  return { starts: Int32Array.from(s).sort(), ends: Int32Array.from(e).sort() };
}

/** How many values of the sorted list lie in [lo, hi]. */
export function countIn(sorted: Int32Array, lo: number, hi: number): number {
  return hi < lo ? 0 : lowerBound(sorted, hi + 1) - lowerBound(sorted, lo);
}

function lowerBound(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const isFirstOfMonth = (day: number) => formatDay(day).endsWith('-01');

/** Whole calendar months a window spans, or 0 when it does not start on a 1st and end on a month's last day. */
export function wholeMonthsOf(window: DayWindow): number {
  if (!isFirstOfMonth(window.from) || !isFirstOfMonth(window.to + 1)) return 0;
  let months = 0;
  while (addMonths(window.from, months + 1) <= window.to + 1) months++;
  return addMonths(window.from, months) === window.to + 1 ? months : 0;
}

/**
 * The j-th window of the lattice through `anchor`: a window of whole months steps by whole months
 * (a third of its length, at least one), any other by a third of its length in days (at least one).
 */
function latticeOf(anchor: DayWindow): (j: number) => DayWindow {
  const months = wholeMonthsOf(anchor);
  if (months > 0) {
    const step = Math.max(1, Math.floor(months / 3));
    return (j) => ({ from: addMonths(anchor.from, j * step), to: addMonths(anchor.to + 1, j * step) - 1 });
  }
  const step = Math.max(1, Math.ceil((anchor.to + 1 - anchor.from) / 3));
  return (j) => ({ from: anchor.from + j * step, to: anchor.to + j * step });
}

function defaultWindow(range: DayWindow): DayWindow {
  return { from: range.from, to: Math.min(range.to, addMonths(range.from, DEFAULT_PLAY_MONTHS) - 1) };
}

/** Whether the window lies inside the range and is shorter than it, so that Play can slide it. */
export function fitsRange(window: DayWindow, range: DayWindow): boolean {
  return window.from >= range.from && window.to <= range.to && window.to - window.from < range.to - range.from;
}

/**
 * The frames that play `range`, on the lattice of the current window when it fits the range
 * (so Play resumes where the user is), else on the lattice of the range's first three months.
 * The first and last frames are cut to the range; the last always ends on the range's end.
 */
export function playPlan(spans: SortedSpans, range: DayWindow, current: DayWindow): PlayPlan {
  const fits = fitsRange(current, range);
  const anchor = fits ? current : defaultWindow(range);
  if (anchor.from <= range.from && anchor.to >= range.to) return { frames: [{ ...range }], at: fits ? 0 : -1 };
  const candidate = latticeOf(anchor);
  let j = 0;
  while (candidate(j).from > range.from) j--;

  const frames: DayWindow[] = [];
  let at = -1;
  let previous: DayWindow | null = null;
  let quiet = 0;
  for (; ; j++) {
    const raw = candidate(j);
    const frame = { from: Math.max(range.from, raw.from), to: Math.min(range.to, raw.to) };
    const last = frame.to >= range.to;
    // Between touching or overlapping windows, the shown set changes exactly when a span starts
    // in the new days at the end or ends in the days left behind at the start.
    const changed =
      !previous || countIn(spans.starts, previous.to + 1, frame.to) > 0 || countIn(spans.ends, previous.from, frame.from - 1) > 0;
    quiet = changed ? 0 : quiet + 1;
    // The current window stays a frame, so Play and the step buttons go on from exactly there.
    const isCurrent = fits && j === 0;
    if (changed || quiet <= QUIET_FRAMES_KEPT || last || isCurrent) frames.push(frame);
    if (isCurrent) at = frames.length - 1;
    previous = frame;
    if (last) break;
  }
  return { frames, at };
}
