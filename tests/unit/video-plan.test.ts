import { describe, expect, it } from 'vitest';
import { sortedSpans } from '../../src/lib/core/play-plan';
import { defaultStepMonths, defaultWindowMonths, videoPlan, videoPlanProblem, withVideoLegend } from '../../src/lib/core/video-plan';
import { formatDay } from '../../src/lib/core/dates';
import { KIND_STYLES } from '../../src/lib/core/kind-styles';
import type { ExportAnnotation } from '../../src/lib/core/export-caption';
import { day } from './helpers';

const spansOf = (pairs: Array<[string, string]>) => sortedSpans(pairs.map(([a]) => day(a)), pairs.map(([, b]) => day(b)));
const show = (frames: Array<{ from: number; to: number }>) => frames.map((f) => `${formatDay(f.from)}..${formatDay(f.to)}`);

describe('videoPlan', () => {
  const monthly = spansOf(Array.from({ length: 12 }, (_, m) => [`2020-${String(m + 1).padStart(2, '0')}-10`, `2020-${String(m + 1).padStart(2, '0')}-10`]));

  it('slides windows of whole months by the step, cut to the range, the last ending on its end', () => {
    const frames = videoPlan(monthly, { range: { from: day('2020-07-15'), to: day('2020-11-20') }, windowMonths: 2, stepMonths: 1, skipQuiet: true });
    expect(show(frames)).toEqual(['2020-07-15..2020-08-31', '2020-08-01..2020-09-30', '2020-09-01..2020-10-31', '2020-10-01..2020-11-20']);
  });

  it('keeps one frame of a quiet stretch unless asked for every step', () => {
    const sparse = spansOf([['2020-01-10', '2020-01-10'], ['2020-12-10', '2020-12-10']]);
    const options = { range: { from: day('2020-01-01'), to: day('2020-12-31') }, windowMonths: 1, stepMonths: 1 };
    const skipping = videoPlan(sparse, { ...options, skipQuiet: true });
    // January shows a relation, February drops it (a change), March is the one quiet frame kept, then December.
    expect(show(skipping)).toEqual(['2020-01-01..2020-01-31', '2020-02-01..2020-02-29', '2020-03-01..2020-03-31', '2020-12-01..2020-12-31']);
    expect(videoPlan(sparse, { ...options, skipQuiet: false }).length).toBe(12);
  });

  it('names what is wrong with the options', () => {
    const range = { from: day('2020-01-01'), to: day('2020-12-31') };
    expect(videoPlanProblem({ range, windowMonths: 0, stepMonths: 1, skipQuiet: true })).toMatch(/window/);
    expect(videoPlanProblem({ range, windowMonths: 2, stepMonths: 3, skipQuiet: true })).toMatch(/step must not be longer/);
    expect(videoPlanProblem({ range: { from: range.to, to: range.from }, windowMonths: 1, stepMonths: 1, skipQuiet: true })).toMatch(/range/);
    expect(() => videoPlan(monthly, { range, windowMonths: 1.5, stepMonths: 1, skipQuiet: true })).toThrow(/^video-plan:/);
  });

  it('opens on the current window’s months and Play’s step', () => {
    const range = { from: day('2020-01-01'), to: day('2022-12-31') };
    expect(defaultWindowMonths({ from: day('2020-03-01'), to: day('2020-08-31') }, range)).toBe(6);
    expect(defaultWindowMonths(range, range)).toBe(3);
    expect(defaultStepMonths(6)).toBe(2);
    expect(defaultStepMonths(2)).toBe(1);
  });
});

describe('withVideoLegend', () => {
  it('gives every frame the legend of everything any frame shows, in legend order', () => {
    const a: ExportAnnotation = { title: 'a', kinds: [{ label: 'Person', style: KIND_STYLES.person }], types: [{ label: 'Support', color: '#1', directed: true }], captionLines: ['a'] };
    const b: ExportAnnotation = { title: 'b', kinds: [{ label: 'State', style: KIND_STYLES.state }], types: [{ label: 'Alliance', color: '#2', directed: false }], captionLines: ['b'] };
    const [first, second] = withVideoLegend([a, b], ['Alliance', 'Support']);
    expect(first.kinds.map((k) => k.label)).toEqual(['State', 'Person']);
    expect(first.types.map((t) => t.label)).toEqual(['Alliance', 'Support']);
    expect(second.types).toEqual(first.types);
    expect([first.captionLines, second.captionLines]).toEqual([['a'], ['b']]);
  });
});
