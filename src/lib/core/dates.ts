/**
 * Partial dates and the interval semantics of relations.
 *
 * Dates are handled as UTC day numbers (days since 1970-01-01) so that spans
 * compare as plain integers in the filter's hot loop.
 */

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const MS_PER_DAY = 86_400_000;

export type DatePrecision = 'year' | 'month' | 'day';

export interface DaySpan {
  /** First day covered, inclusive. */
  start: number;
  /** Last day covered, inclusive. */
  end: number;
}

export interface PartialDate extends DaySpan {
  precision: DatePrecision;
}

function utcDate(year: number, monthIndex: number, day: number): Date {
  const date = new Date(Date.UTC(2000, monthIndex, day));
  // Date.UTC reads years 0 to 99 as 1900 to 1999; set the year itself.
  date.setUTCFullYear(year, monthIndex, day);
  return date;
}

export function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(utcDate(year, month - 1, day).getTime() / MS_PER_DAY);
}

function daysInMonth(year: number, month: number): number {
  return utcDate(year, month, 0).getUTCDate();
}

/** Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` into the whole span it covers; null when malformed or impossible. */
export function parsePartialDate(text: string): PartialDate | null {
  const match = PARTIAL_DATE.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  if (match[2] === undefined) {
    return { start: dayNumber(year, 1, 1), end: dayNumber(year, 12, 31), precision: 'year' };
  }
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  if (match[3] === undefined) {
    return { start: dayNumber(year, month, 1), end: dayNumber(year, month, daysInMonth(year, month)), precision: 'month' };
  }
  const day = Number(match[3]);
  if (day < 1 || day > daysInMonth(year, month)) return null;
  const n = dayNumber(year, month, day);
  return { start: n, end: n, precision: 'day' };
}

/** Explains why `text` is not a valid partial date, or returns null when it is. */
export function describeDateProblem(text: string): string | null {
  if (parsePartialDate(text)) return null;
  if (!PARTIAL_DATE.test(text)) return `"${text}" is not a date; write YYYY, YYYY-MM or YYYY-MM-DD`;
  return `"${text}" is an impossible date`;
}

export function formatDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function todayDayNumber(now: Date = new Date()): number {
  return dayNumber(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate());
}

/**
 * The days a relation holds: from the start of `date` to the end of `endDate`.
 * Without an end date an event covers only its own date, and a standing
 * relation holds until `openEnd`: the last day its source attests it (the end
 * of the source's publication date), or today when it is carried forward.
 * A standing relation whose own date reaches past `openEnd` keeps its whole date.
 */
export function relationSpan(date: string, endDate: string, temporal: 'state' | 'event', openEnd: number): DaySpan | null {
  const start = parsePartialDate(date);
  if (!start) return null;
  if (endDate) {
    const end = parsePartialDate(endDate);
    return end ? { start: start.start, end: end.end } : null;
  }
  if (temporal === 'state') return { start: start.start, end: Math.max(start.end, openEnd) };
  return { start: start.start, end: start.end };
}

/** Inclusive overlap of a span with the window [from, to]. */
export function overlaps(span: DaySpan, from: number, to: number): boolean {
  return span.start <= to && span.end >= from;
}

/** The same day of the month `months` later (or earlier), clamped to the month's last day. */
export function addMonths(day: number, months: number): number {
  const date = new Date(day * MS_PER_DAY);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const targetYear = year + Math.floor(month / 12);
  const targetMonth = ((month % 12) + 12) % 12;
  return dayNumber(targetYear, targetMonth + 1, Math.min(date.getUTCDate(), daysInMonth(targetYear, targetMonth + 1)));
}

/** The union of spans as disjoint spans in order; spans that touch (one ends the day before the next starts) merge. */
export function unionOfSpans(spans: readonly DaySpan[]): DaySpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: DaySpan[] = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (last && span.start <= last.end + 1) last.end = Math.max(last.end, span.end);
    else out.push({ start: span.start, end: span.end });
  }
  return out;
}

/** "2022-11-23" for one day, "2020-10-01 – 2020-10-31" for longer spans. */
export function formatSpan(span: DaySpan): string {
  return span.start === span.end ? formatDay(span.start) : `${formatDay(span.start)} – ${formatDay(span.end)}`;
}
