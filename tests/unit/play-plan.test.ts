import { describe, expect, it } from 'vitest';
import { playPlan, sortedSpans, wholeMonthsOf, type SortedSpans } from '../../src/lib/core/play-plan';
import { bulkRange } from '../../src/lib/core/time-axis';
import { loadDataset } from '../../src/lib/core/load';
import { buildRelationIndex, type RelationIndex } from '../../src/lib/core/relation-index';
import { filterRelations, typeMaskOf } from '../../src/lib/core/filter';
import type { DayWindow } from '../../src/lib/core/window-edit';
import { readGraphDataFolder } from '../../scripts/read-graph-data';
import { day } from './helpers';

const spansOf = (pairs: Array<[string, string]>): SortedSpans =>
  sortedSpans(
    pairs.map(([a]) => day(a)),
    pairs.map(([, b]) => day(b)),
  );

/** Rows whose span meets the range but which no frame shows. */
function unseenRows(index: RelationIndex, range: DayWindow, frames: DayWindow[]): number[] {
  const mask = typeMaskOf(index, index.typeIds);
  const seen = new Uint8Array(index.relationCount);
  for (const frame of frames) filterRelations(index, { ...frame, typeMask: mask }).visible.forEach((v, i) => (seen[i] ||= v));
  const unseen: number[] = [];
  for (let i = 0; i < index.relationCount; i++) if (index.starts[i] <= range.to && index.ends[i] >= range.from && !seen[i]) unseen.push(i);
  return unseen;
}

describe('wholeMonthsOf', () => {
  it('counts calendar months of a window from a 1st to a month end, else 0', () => {
    expect(wholeMonthsOf({ from: day('2022-01-01'), to: day('2022-03-31') })).toBe(3);
    expect(wholeMonthsOf({ from: day('2022-02-01'), to: day('2022-02-28') })).toBe(1);
    expect(wholeMonthsOf({ from: day('2022-01-01'), to: day('2022-03-30') })).toBe(0);
    expect(wholeMonthsOf({ from: day('2022-01-02'), to: day('2022-03-31') })).toBe(0);
  });
});

describe('playPlan', () => {
  const range = { from: day('2020-01-01'), to: day('2020-12-31') };

  it('opens on the first three months and steps a month at a time, ending on the range end', () => {
    const spans = spansOf(Array.from({ length: 12 }, (_, m) => [`2020-${String(m + 1).padStart(2, '0')}-10`, `2020-${String(m + 1).padStart(2, '0')}-10`]));
    const { frames, at } = playPlan(spans, range, range);
    expect(at).toBe(-1);
    expect(frames[0]).toEqual({ from: day('2020-01-01'), to: day('2020-03-31') });
    expect(frames[1]).toEqual({ from: day('2020-02-01'), to: day('2020-04-30') });
    expect(frames.at(-1)!.to).toBe(range.to);
    expect(frames).toHaveLength(10);
  });

  it('slides a window the user chose on its own lattice, and finds it among the frames', () => {
    const spans = spansOf([['2020-03-05', '2020-03-05']]);
    const current = { from: day('2020-06-01'), to: day('2020-06-30') };
    const { frames, at } = playPlan(spans, range, current);
    expect(frames[at]).toEqual(current);
    // A one-month window steps by one month: consecutive frames touch.
    expect(frames[at - 1]?.to).toBe(current.from - 1);
  });

  it('a window that is not whole months steps by a third of its length, so frames overlap', () => {
    const spans = spansOf(Array.from({ length: 60 }, (_, i) => [String(i), String(i)]).map(([a]) => {
      const d = new Date(Date.UTC(2020, 0, 1 + Number(a) * 6)).toISOString().slice(0, 10);
      return [d, d] as [string, string];
    }));
    const current = { from: day('2020-03-10'), to: day('2020-03-19') };
    const { frames, at } = playPlan(spans, range, current);
    expect(frames[at]).toEqual(current);
    expect(frames[at + 1]).toEqual({ from: day('2020-03-14'), to: day('2020-03-23') });
    expect(frames[0].from).toBe(range.from);
  });

  it('skips a quiet stretch after one unchanged frame, and still ends on the range end', () => {
    const spans = spansOf([
      ['2020-01-15', '2020-01-15'],
      ['2020-11-15', '2020-11-15'],
    ]);
    const { frames } = playPlan(spans, range, range);
    const froms = frames.map((f) => f.from);
    // Jan–Mar shows the January event, Feb–Apr drops it, Mar–May is the one quiet frame kept;
    // Apr–Aug are skipped until Sep–Nov brings the November event.
    expect(froms.slice(0, 4)).toEqual(['2020-01-01', '2020-02-01', '2020-03-01', '2020-09-01'].map(day));
    expect(frames.at(-1)!.to).toBe(range.to);
  });

  it('plays a range shorter than the default window as a single frame', () => {
    const short = { from: day('2020-01-01'), to: day('2020-02-15') };
    expect(playPlan(spansOf([['2020-01-10', '2020-01-10']]), short, short).frames).toEqual([short]);
  });
});

describe('playPlan on the bundled dataset', () => {
  const loaded = loadDataset(readGraphDataFolder('graph-data'));
  const index = buildRelationIndex(loaded.dataset!, day('2026-12-01'));
  const extent = { from: index.extent.start, to: index.extent.end };
  const spans = sortedSpans(index.starts, index.ends);

  it('the default Play over the range the timeline opens on shows every relation of that range', () => {
    const range = bulkRange(index.starts, extent);
    const { frames } = playPlan(spans, range, extent);
    const inRange = Array.from({ length: index.relationCount }, (_, i) => i).filter((i) => index.starts[i] <= range.to && index.ends[i] >= range.from);
    expect(inRange.length).toBeGreaterThan(0.9 * index.relationCount);
    expect(unseenRows(index, range, frames)).toEqual([]);
    // A full Play is short: far fewer frames than a day-by-day or month-by-month slide would take.
    expect(frames.length).toBeLessThan(40);
  });

  it('a Play over all years shows every relation, crossing the empty decades in a few frames', () => {
    const { frames } = playPlan(spans, extent, extent);
    expect(unseenRows(index, extent, frames)).toEqual([]);
    expect(frames.length).toBeLessThan(60);
  });

  it('a Play resumed from any chosen window shows every relation from there to the end', () => {
    const range = bulkRange(index.starts, extent);
    for (const current of [
      { from: day('2020-09-01'), to: day('2020-09-30') },
      { from: day('2021-02-10'), to: day('2021-02-24') },
      { from: day('2022-01-01'), to: day('2022-12-31') },
    ]) {
      const { frames, at } = playPlan(spans, range, current);
      expect(frames[at]).toEqual(current);
      const rest = { from: current.from, to: range.to };
      expect(unseenRows(index, rest, frames.slice(at))).toEqual([]);
    }
  });
});
