import { describe, expect, it } from 'vitest';
import { monthlyHistogram } from '../../src/lib/core/histogram';
import { monthIndexAt, monthSummary } from '../../src/lib/core/month-summary';
import { buildRelationIndex } from '../../src/lib/core/relation-index';
import { dataset, day, rel, type } from './helpers';

const TYPES = [type('alliance', 'state', false), type('aid', 'event', true)];
const h = monthlyHistogram(
  buildRelationIndex(
    dataset(TYPES, ['a', 'b'], [rel('a', 'b', 'alliance', '2022-01-10'), rel('a', 'b', 'aid', '2022-03-02'), rel('b', 'a', 'aid', '2022-03-05'), rel('a', 'b', 'alliance', '2022-03-15..2022-05')]),
    day('2024-06-15'),
  ),
);

describe('month summary of a histogram bar', () => {
  it('finds the month of a day, and none outside the histogram', () => {
    expect(monthIndexAt(h, day('2022-03-31'))).toBe(2);
    expect(monthIndexAt(h, day('2022-01-01'))).toBe(0);
    expect(monthIndexAt(h, day('2021-12-31'))).toBe(-1);
    expect(monthIndexAt(h, day('2022-06-01'))).toBe(-1);
  });

  it('names the month and counts shown types, busiest first, and hidden ones apart', () => {
    expect(monthSummary(h, 2, Uint8Array.of(1, 1))).toEqual({
      month: 2,
      label: 'March 2022',
      types: [
        { typeIndex: 1, count: 2 },
        { typeIndex: 0, count: 1 },
      ],
      shownTotal: 3,
      hiddenTotal: 0,
    });
    expect(monthSummary(h, 2, Uint8Array.of(0, 1))).toMatchObject({ shownTotal: 2, hiddenTotal: 1 });
    expect(monthSummary(h, 1, Uint8Array.of(1, 1))).toMatchObject({ label: 'February 2022', types: [], shownTotal: 0 });
  });
});
