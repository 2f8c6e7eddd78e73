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
