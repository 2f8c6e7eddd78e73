/**
 * Dates typed into the timeline's From and To fields. A value is applied only
 * when it is a whole, real date in a sensible year; anything else is either
 * still being typed (no message yet) or refused with a message saying why.
 * Nothing half-typed ever reaches the window.
 */
import { formatDay, parsePartialDate } from './dates';
import type { DayWindow } from './window-edit';

export const MIN_YEAR = 1000;
export const MAX_YEAR = 2200;
export const DATE_FORMAT = 'YYYY-MM-DD';

export type DateBound = 'from' | 'to';

export type DateEntry =
  /** A valid date: the window it gives. */
  | { kind: 'window'; window: DayWindow }
  /** Possibly still being typed: nothing to apply, nothing to complain about yet. */
  | { kind: 'incomplete' }
  /** Refused, with the reason to show. */
  | { kind: 'error'; message: string };

const COMPLETE = /^\d{4}-\d{2}-\d{2}$/;
/** On Enter or blur, also a year or a month (`2022`, `2022-09`) and slashes or dots (`2022/09/01`); never a one-digit part, which may be half of two. */
const LOOSE = /^(\d{4})(?:[-/.](\d{2})(?:[-/.](\d{2}))?)?$/;

const label = (bound: DateBound) => (bound === 'from' ? 'From' : 'To');

/**
 * Reads `text` for one bound of `current`. While typing (`committed` false) only a complete
 * YYYY-MM-DD counts; on Enter or blur a year or a month is read too, as its first day for From
 * and its last day for To, like the dates in a link.
 */
export function readDateEntry(text: string, bound: DateBound, current: DayWindow, committed: boolean): DateEntry {
  const trimmed = text.trim();
  const loose = LOOSE.exec(trimmed);
  if (!COMPLETE.test(trimmed) && !(committed && loose)) {
    return committed ? { kind: 'error', message: `${label(bound)}: write the date as ${DATE_FORMAT}, for example 2022-09-01.` } : { kind: 'incomplete' };
  }
  const [, year, month, day] = loose!;
  const y = Number(year);
  if (y < MIN_YEAR || y > MAX_YEAR) return { kind: 'error', message: `${label(bound)}: the year ${year} is out of range; use a year from ${MIN_YEAR} to ${MAX_YEAR}.` };
  const canonical = [year, month, day].filter(Boolean).join('-');
  const date = parsePartialDate(canonical);
  if (!date) return { kind: 'error', message: `${label(bound)}: ${canonical} is not a date in the calendar.` };
  const window = bound === 'from' ? { from: date.start, to: current.to } : { from: current.from, to: date.end };
  if (window.from > window.to) {
    return {
      kind: 'error',
      message:
        bound === 'from'
          ? `From ${formatDay(window.from)} is after To ${formatDay(window.to)}; change To first, or choose an earlier From.`
          : `To ${formatDay(window.to)} is before From ${formatDay(window.from)}; change From first, or choose a later To.`,
    };
  }
  return { kind: 'window', window };
}
