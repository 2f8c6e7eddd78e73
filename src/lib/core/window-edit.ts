/**
 * Pure edits of a date window [from, to] (day numbers, inclusive) inside a
 * dataset's extent: the arithmetic behind the timeline's drag and keys.
 */
import { addMonths } from './dates';

export interface DayWindow {
  from: number;
  to: number;
}

export type WindowDragMode = 'move' | 'start' | 'end';

const clampTo = (extent: DayWindow, day: number) => Math.max(extent.from, Math.min(extent.to, day));

/** The window moved by `deltaDays`, stopping at the extent's ends; it keeps its length unless that is longer than the extent. */
export function shiftedWindow(window: DayWindow, deltaDays: number, extent: DayWindow): DayWindow {
  const length = Math.min(window.to - window.from, extent.to - extent.from);
  const from = Math.max(extent.from, Math.min(extent.to - length, window.from + deltaDays));
  return { from, to: from + length };
}

/** The window after dragging its body or one of its edges by `deltaDays`; it never leaves the extent or turns inside out. */
export function draggedWindow(mode: WindowDragMode, origin: DayWindow, deltaDays: number, extent: DayWindow): DayWindow {
  if (mode === 'move') return shiftedWindow(origin, deltaDays, extent);
  if (mode === 'start') return { from: clampTo(extent, Math.min(origin.from + deltaDays, origin.to)), to: origin.to };
  return { from: origin.from, to: clampTo(extent, Math.max(origin.to + deltaDays, origin.from)) };
}

/** The window spanned between an anchor day and the pointer's day, whichever comes first. */
export function spannedWindow(anchor: number, pointer: number, extent: DayWindow): DayWindow {
  return { from: clampTo(extent, Math.min(anchor, pointer)), to: clampTo(extent, Math.max(anchor, pointer)) };
}

/** The window after moving one bound by whole months, stopping at the other bound and the extent. */
export function steppedWindow(bound: 'from' | 'to', months: number, window: DayWindow, extent: DayWindow): DayWindow {
  if (bound === 'from') return { from: clampTo(extent, Math.min(addMonths(window.from, months), window.to)), to: window.to };
  return { from: window.from, to: clampTo(extent, Math.max(addMonths(window.to, months), window.from)) };
}

/** Months per key press on a window handle, as sliders do: arrows step one month, Page keys a year. */
export const MONTHS_PER_KEY: Readonly<Record<string, number>> = {
  ArrowLeft: -1,
  ArrowDown: -1,
  ArrowRight: 1,
  ArrowUp: 1,
  PageDown: -12,
  PageUp: 12,
};

const isFirstOfMonth = (day: number) => new Date(day * 86_400_000).getUTCDate() === 1;

/**
 * The whole window moved by whole months, stopping at the extent. A window of whole months
 * (1 Sep – 30 Nov) stays one (1 Oct – 31 Dec); any other keeps its length in days.
 */
export function monthShiftedWindow(window: DayWindow, months: number, extent: DayWindow): DayWindow {
  const from = addMonths(window.from, months);
  const wholeMonths = isFirstOfMonth(window.from) && isFirstOfMonth(window.to + 1);
  const to = wholeMonths ? addMonths(window.to + 1, months) - 1 : window.to + (from - window.from);
  if (from < extent.from || to > extent.to) return shiftedWindow(window, from < extent.from ? extent.from - window.from : extent.to - window.to, extent);
  return { from, to };
}

/** The window after a key press on one of its handles (a slider), or null when the key is not a slider key. */
export function handleKeyWindow(bound: 'from' | 'to', key: string, window: DayWindow, extent: DayWindow): DayWindow | null {
  if (key === 'Home') return bound === 'from' ? { from: Math.min(extent.from, window.to), to: window.to } : { from: window.from, to: window.from };
  if (key === 'End') return bound === 'from' ? { from: window.to, to: window.to } : { from: window.from, to: Math.max(extent.to, window.from) };
  const months = MONTHS_PER_KEY[key];
  return months === undefined ? null : steppedWindow(bound, months, window, extent);
}

/** The window after a key press on the window bar: arrows move it a month, Page keys a year, Home and End to either end. */
export function barKeyWindow(key: string, window: DayWindow, extent: DayWindow): DayWindow | null {
  if (key === 'Home') return shiftedWindow(window, extent.from - window.from, extent);
  if (key === 'End') return shiftedWindow(window, extent.to - window.to, extent);
  const months = MONTHS_PER_KEY[key];
  return months === undefined ? null : monthShiftedWindow(window, months, extent);
}
