/** Dates as other tools write them, read into graph-data's partial dates (YYYY, YYYY-MM, YYYY-MM-DD). */
import { parsePartialDate } from '../dates';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function month(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

const pad = (n: number | string) => String(n).padStart(2, '0');

/**
 * `2022-09-14`, `2022-09-14T10:00:00Z`, `20220914`, `14 September 2022`, `September 14, 2022`,
 * `2022/09/14`, `2022-09`, `2022` -> a partial date; null when it is none of these or impossible.
 * Day-first and month-first numeric dates (`09/10/2022`) are ambiguous and refused.
 */
export function readDate(text: string): string | null {
  const t = text.trim();
  let m: RegExpExecArray | null;
  let iso: string | null = null;
  if ((m = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(t))) iso = m[3] ? `${m[1]}-${m[2]}-${m[3]}` : `${m[1]}-${m[2]}`;
  else if ((m = /^(\d{4})$/.exec(t))) iso = m[1];
  else if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(t))) iso = `${m[1]}-${m[2]}-${m[3]}`;
  else if ((m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(t))) iso = `${m[1]}-${pad(m[2])}-${pad(m[3])}`;
  else if ((m = /^(\d{1,2})[\s-]+([A-Za-z]{3,})\.?[\s-]+(\d{4})$/.exec(t)) && month(m[2])) iso = `${m[3]}-${pad(month(m[2]))}-${pad(m[1])}`;
  else if ((m = /^([A-Za-z]{3,})\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(t)) && month(m[1])) iso = `${m[3]}-${pad(month(m[1]))}-${pad(m[2])}`;
  else if ((m = /^([A-Za-z]{3,})\s+(\d{4})$/.exec(t)) && month(m[1])) iso = `${m[2]}-${pad(month(m[1]))}`;
  return iso && parsePartialDate(iso) ? iso : null;
}

/** The later of two partial dates by their end, for a source's publication date. */
export function laterDate(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  return parsePartialDate(b)!.end > parsePartialDate(a)!.end ? b : a;
}

/** True when `end` finishes before `start` begins (the loader's end-before-start rule). */
export function endsBefore(start: string, end: string): boolean {
  const a = parsePartialDate(start);
  const b = parsePartialDate(end);
  return !!a && !!b && b.end < a.start;
}

export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
