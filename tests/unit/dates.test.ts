import { describe, expect, it } from 'vitest';
import { describeDateProblem, formatDay, formatSpan, overlaps, parsePartialDate, relationSpan, unionOfSpans } from '../../src/lib/core/dates';
import { day } from './helpers';

describe('parsePartialDate', () => {
  it('parses a year as the whole year', () => {
    expect(parsePartialDate('2022')).toEqual({ start: day('2022-01-01'), end: day('2022-12-31'), precision: 'year' });
  });
  it('parses a month as the whole month', () => {
    expect(parsePartialDate('2022-09')).toEqual({ start: day('2022-09-01'), end: day('2022-09-30'), precision: 'month' });
    expect(parsePartialDate('2022-12')).toEqual({ start: day('2022-12-01'), end: day('2022-12-31'), precision: 'month' });
  });
  it('parses a day as a single day', () => {
    expect(parsePartialDate('2022-03-15')).toEqual({ start: day('2022-03-15'), end: day('2022-03-15'), precision: 'day' });
    expect(parsePartialDate('1970-01-01')).toEqual({ start: 0, end: 0, precision: 'day' });
  });
  it('knows leap years', () => {
    expect(parsePartialDate('2020-02')!.end).toBe(day('2020-02-29'));
    expect(parsePartialDate('2021-02')!.end).toBe(day('2021-02-28'));
    expect(parsePartialDate('2020-02-29')!.start).toBe(day('2020-02-29'));
    expect(parsePartialDate('2000-02-29')).not.toBeNull();
    expect(parsePartialDate('1900-02-29')).toBeNull();
  });
  it.each(['2021-02-29', '2022-13', '2022-00', '2022-01-00', '2022-04-31', '2022-1-5', '22-01-01', '', ' 2022', '2022-01-01T00', '2022/01/01'])(
    'rejects %j',
    (text) => {
      expect(parsePartialDate(text)).toBeNull();
    },
  );
  it('keeps four-digit years below 100 as written', () => {
    expect(formatDay(parsePartialDate('0099-01-01')!.start)).toBe('0099-01-01');
  });
});

describe('describeDateProblem', () => {
  it('returns null for valid dates', () => {
    expect(describeDateProblem('2022')).toBeNull();
    expect(describeDateProblem('2020-02-29')).toBeNull();
  });
  it('calls malformed text not a date', () => {
    expect(describeDateProblem('2022-1-5')).toBe('"2022-1-5" is not a date; write YYYY, YYYY-MM or YYYY-MM-DD');
    expect(describeDateProblem('22-01-01')).toMatch(/is not a date/);
  });
  it('calls well-formed but impossible dates impossible', () => {
    expect(describeDateProblem('2021-02-29')).toBe('"2021-02-29" is an impossible date');
    expect(describeDateProblem('2022-13')).toBe('"2022-13" is an impossible date');
    expect(describeDateProblem('2022-00')).toMatch(/impossible/);
  });
});

describe('formatDay', () => {
  it('formats day numbers as ISO dates', () => {
    expect(formatDay(0)).toBe('1970-01-01');
    expect(formatDay(day('2024-02-29'))).toBe('2024-02-29');
  });
});

describe('relationSpan', () => {
  const today = day('2024-06-15');
  it('a day-precision event covers its own day', () => {
    expect(relationSpan('2022-03-15', '', 'event', today)).toEqual({ start: day('2022-03-15'), end: day('2022-03-15') });
  });
  it('a month-precision event covers the whole month', () => {
    expect(relationSpan('2022-02', '', 'event', today)).toEqual({ start: day('2022-02-01'), end: day('2022-02-28') });
  });
  it('a year-precision event covers the whole year', () => {
    expect(relationSpan('2021', '', 'event', today)).toEqual({ start: day('2021-01-01'), end: day('2021-12-31') });
  });
  it("a state without end date runs to the open end: its source's last day, or today when carried forward", () => {
    const published = parsePartialDate('2022-11-23')!.end;
    expect(relationSpan('2022-03', '', 'state', published)).toEqual({ start: day('2022-03-01'), end: day('2022-11-23') });
    expect(relationSpan('2022-03', '', 'state', parsePartialDate('2022-11')!.end)).toEqual({ start: day('2022-03-01'), end: day('2022-11-30') });
    expect(relationSpan('2022-03', '', 'state', today)).toEqual({ start: day('2022-03-01'), end: today });
  });
  it('a state whose partial date reaches past the open end still covers its whole date', () => {
    expect(relationSpan('2024', '', 'state', today)).toEqual({ start: day('2024-01-01'), end: day('2024-12-31') });
    expect(relationSpan('2022-11', '', 'state', day('2022-11-05'))).toEqual({ start: day('2022-11-01'), end: day('2022-11-30') });
  });
  it('an end date wins over the open end, before or after it', () => {
    expect(relationSpan('2022-03', '2022-12-31', 'state', day('2022-11-23'))).toEqual({ start: day('2022-03-01'), end: day('2022-12-31') });
    expect(relationSpan('2022-03', '2022-05', 'state', today)).toEqual({ start: day('2022-03-01'), end: day('2022-05-31') });
  });
  it('with an end date the span runs to the end of the end date', () => {
    expect(relationSpan('2022-03-15', '2022-09', 'state', today)).toEqual({ start: day('2022-03-15'), end: day('2022-09-30') });
    expect(relationSpan('2022-03', '2023', 'event', today)).toEqual({ start: day('2022-03-01'), end: day('2023-12-31') });
    expect(relationSpan('2022-03-15', '2022-04-02', 'state', today)).toEqual({ start: day('2022-03-15'), end: day('2022-04-02') });
  });
  it('returns null for invalid dates', () => {
    expect(relationSpan('2021-02-29', '', 'event', today)).toBeNull();
    expect(relationSpan('2021-02-01', '2021-13', 'state', today)).toBeNull();
  });
});

describe('overlaps', () => {
  const span = { start: day('2022-03-10'), end: day('2022-03-20') };
  it('is inclusive at the window start', () => {
    expect(overlaps(span, day('2022-03-20'), day('2022-04-30'))).toBe(true);
    expect(overlaps(span, day('2022-03-21'), day('2022-04-30'))).toBe(false);
  });
  it('is inclusive at the window end', () => {
    expect(overlaps(span, day('2022-01-01'), day('2022-03-10'))).toBe(true);
    expect(overlaps(span, day('2022-01-01'), day('2022-03-09'))).toBe(false);
  });
  it('covers windows inside and around the span', () => {
    expect(overlaps(span, day('2022-03-12'), day('2022-03-13'))).toBe(true);
    expect(overlaps(span, day('2021-01-01'), day('2023-01-01'))).toBe(true);
  });
});

describe('unionOfSpans', () => {
  const span = (a: string, b: string) => ({ start: day(a), end: day(b) });
  it('merges overlapping and touching spans and keeps gaps', () => {
    expect(unionOfSpans([span('2022-11-23', '2023-01-05'), span('2020-10-01', '2020-10-31'), span('2022-11-23', '2022-11-23'), span('2020-11-01', '2020-11-02')])).toEqual([
      span('2020-10-01', '2020-11-02'),
      span('2022-11-23', '2023-01-05'),
    ]);
  });
  it('keeps spans one day apart separate', () => {
    expect(unionOfSpans([span('2021-05-13', '2021-05-13'), span('2021-05-15', '2021-05-20')])).toHaveLength(2);
  });
  it('returns nothing for nothing and does not change its input', () => {
    expect(unionOfSpans([])).toEqual([]);
    const input = [span('2022-01-01', '2022-01-05'), span('2022-01-03', '2022-01-09')];
    unionOfSpans(input);
    expect(input[0]).toEqual(span('2022-01-01', '2022-01-05'));
  });
  it('formatSpan writes one day as a date and longer spans as a range', () => {
    expect(formatSpan(span('2022-11-23', '2022-11-23'))).toBe('2022-11-23');
    expect(formatSpan(span('2020-10-01', '2020-10-31'))).toBe('2020-10-01 – 2020-10-31');
  });
});
