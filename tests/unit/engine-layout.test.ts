import { describe, expect, it } from 'vitest';
import { buildEngineLayout, createFilterEngine } from '../../src/lib/core/filter-engine';
import { buildRelationIndex } from '../../src/lib/core/relation-index';
import { withRollupEdges } from '../../src/lib/core/rollup';
import { BENCH_TODAY, generateDataset, randomFilters } from '../../bench/generate';
import { createFilterResult, filterRelations } from '../../src/lib/core/filter';
import { edgeTotalsOf } from '../../src/lib/core/edge-totals';

/** What the import worker posts: a layout built elsewhere and copied by structured clone, as postMessage does. */
describe('engine layout built in the worker', () => {
  const { index } = withRollupEdges(buildRelationIndex(generateDataset(4000, 3), BENCH_TODAY));
  const layout = structuredClone(buildEngineLayout(index));

  it('gives the same counts as an engine that builds its own, carried forward or not', () => {
    const own = createFilterEngine(index);
    const posted = createFilterEngine(index, layout);
    const filters = randomFilters(index.typeIds.length, index.extent, 12);
    expect(filters.length).toBeGreaterThan(0);
    for (const filter of [...filters, ...filters.map((f) => ({ ...f, carryForward: true }))]) {
      const a = own.update(filter);
      const b = posted.update(filter);
      expect(Array.from(b.edgeCounts)).toEqual(Array.from(a.edgeCounts));
      expect(b.visibleCount).toBe(a.visibleCount);
      expect(b.visibleStatementCount).toBe(a.visibleStatementCount);
      expect(Array.from(b.typeCountsInWindow)).toEqual(Array.from(a.typeCountsInWindow));
    }
    const whole = { from: index.extent.start, to: index.extent.end, typeMask: new Uint8Array(index.typeIds.length).fill(1), carryForward: false };
    expect(posted.update(whole).visibleCount).toBe(index.relationCount);
  });
});

describe('engine layout days as 16-bit offsets', () => {
  // A few rows from 1750 that last to 2020, longer than 65,535 days: their group keeps 32-bit offsets, the others 16 bits.
  const dataset = generateDataset(4000, 5);
  for (let i = 0; i < 40; i++) dataset.relations[i * 97] = { ...dataset.relations[i * 97], date: `17${50 + (i % 40)}-03-01`, endDate: '2020-06-30' };
  const index = buildRelationIndex(dataset, BENCH_TODAY);
  const { kinds } = buildEngineLayout(index).attested;

  it('keeps each group in 16 bits when its days fit, and in 32 bits when they do not', () => {
    const groups = kinds.flatMap((kind) => kind.groups);
    const wide = groups.filter((g) => g.ends instanceof Int32Array);
    expect(wide.length).toBeGreaterThan(0);
    expect(groups.filter((g) => g.starts instanceof Uint16Array).length).toBeGreaterThan(wide.length);
    for (const group of groups) {
      // Offsets from the group's base give back each row's own days.
      for (let k = 0; k < group.rows.length; k += 7) {
        expect(group.starts[k] + group.dayBase).toBe(index.starts[group.rows[k]]);
        expect(group.ends[k] + group.dayBase).toBe(index.ends[group.rows[k]]);
      }
    }
  });

  it('counts as the full scan does, over windows in either era, carried forward or not', () => {
    const engine = createFilterEngine(index);
    const reference = createFilterResult(index);
    const all = new Uint8Array(index.typeIds.length).fill(1);
    const old = index.extent.start;
    const filters = [
      ...randomFilters(index.typeIds.length, index.extent, 30),
      { from: old, to: old + 400, typeMask: all },
      { from: old + 20_000, to: old + 90_000, typeMask: all, carryForward: true },
      { from: old, to: BENCH_TODAY, typeMask: all },
    ];
    for (const filter of filters) {
      const ours = engine.update(filter);
      const expected = filterRelations(index, filter, reference);
      expect(ours.visibleCount).toBe(expected.visibleCount);
      expect(ours.visibleStatementCount).toBe(expected.visibleStatementCount);
      expect(Array.from(ours.edgeCounts)).toEqual(Array.from(expected.edgeCounts));
      expect(Array.from(ours.nodeCounts)).toEqual(Array.from(expected.nodeCounts));
      expect(Array.from(ours.typeCountsInWindow)).toEqual(Array.from(expected.typeCountsInWindow));
    }
    expect(engine.update({ from: old, to: old + 400, typeMask: all }).visibleCount).toBeGreaterThan(0);
  });
});

describe('full counts built in the worker', () => {
  const { index } = withRollupEdges(buildRelationIndex(generateDataset(3000, 7), BENCH_TODAY));

  it('posts the same edge and actor totals the engine would count itself', () => {
    const posted = structuredClone(buildEngineLayout(index)).totals;
    const own = edgeTotalsOf(index);
    expect(Array.from(posted.fullCounts)).toEqual(Array.from(own.fullCounts));
    expect(Array.from(posted.fullNodeCounts)).toEqual(Array.from(own.fullNodeCounts));
    expect(Array.from(posted.typeEdgeCounts)).toEqual(Array.from(own.typeEdgeCounts));
    expect(posted.typeRanges && Array.from(posted.typeRanges)).toEqual(own.typeRanges && Array.from(own.typeRanges));
    expect(posted.fullCounts.reduce((a, b) => a + b, 0)).toBe(index.relationCount);
  });
});
