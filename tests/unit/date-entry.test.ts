import { describe, expect, it } from 'vitest';
import { readDateEntry } from '../../src/lib/core/date-entry';
import { day } from './helpers';

const current = { from: day('2020-01-01'), to: day('2023-01-05') };
const prefixes = (text: string) => Array.from({ length: text.length }, (_, i) => text.slice(0, i + 1));

describe('readDateEntry while typing', () => {
  it('applies nothing until the last digit of YYYY-MM-DD, then exactly that date', () => {
    for (const prefix of prefixes('2021-12-3')) expect(readDateEntry(prefix, 'to', current, false)).toEqual({ kind: 'incomplete' });
    expect(readDateEntry('2021-12-31', 'to', current, false)).toEqual({ kind: 'window', window: { from: current.from, to: day('2021-12-31') } });
    expect(readDateEntry('2022-09-01', 'from', current, false)).toEqual({ kind: 'window', window: { from: day('2022-09-01'), to: current.to } });
  });

  it('never applies the years a US-style date passes through', () => {
    for (const prefix of prefixes('12/31/2021')) expect(readDateEntry(prefix, 'to', current, false).kind).toBe('incomplete');
  });

  it('refuses a complete date with a year outside 1000–2200 or that is not in the calendar', () => {
    expect(readDateEntry('0202-12-31', 'to', current, false)).toMatchObject({ kind: 'error', message: expect.stringContaining('1000 to 2200') });
    expect(readDateEntry('2300-01-01', 'from', current, false)).toMatchObject({ kind: 'error', message: expect.stringContaining('2300') });
    expect(readDateEntry('2022-02-30', 'from', current, false)).toMatchObject({ kind: 'error', message: expect.stringContaining('not a date') });
    expect(readDateEntry('2022-13-01', 'from', current, false).kind).toBe('error');
  });

  it('says so when From would come after To, instead of swapping', () => {
    const narrow = { from: day('2021-01-01'), to: day('2021-12-31') };
    expect(readDateEntry('2022-09-01', 'from', narrow, false)).toMatchObject({ kind: 'error', message: expect.stringMatching(/^From 2022-09-01 is after To 2021-12-31/) });
    expect(readDateEntry('2020-06-30', 'to', narrow, false)).toMatchObject({ kind: 'error', message: expect.stringMatching(/^To 2020-06-30 is before From 2021-01-01/) });
  });
});

describe('readDateEntry on Enter or blur', () => {
  it('names the format for anything that is not a date', () => {
    for (const text of ['12/31/2021', '2021-12-3', '2022-9', '202', '', 'soon']) {
      expect(readDateEntry(text, 'to', current, true)).toMatchObject({ kind: 'error', message: expect.stringContaining('YYYY-MM-DD') });
    }
  });

  it('reads a year or month as its first day for From and its last day for To, and other separators', () => {
    expect(readDateEntry('2022', 'from', current, true)).toEqual({ kind: 'window', window: { from: day('2022-01-01'), to: current.to } });
    expect(readDateEntry('2022-02', 'to', current, true)).toEqual({ kind: 'window', window: { from: current.from, to: day('2022-02-28') } });
    expect(readDateEntry(' 2022/09/01 ', 'from', current, true)).toEqual({ kind: 'window', window: { from: day('2022-09-01'), to: current.to } });
    expect(readDateEntry('0999', 'from', current, true).kind).toBe('error');
  });
});
