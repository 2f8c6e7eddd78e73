import { describe, expect, it } from 'vitest';
import { buildEngineLayout, createFilterEngine } from '../../src/lib/core/filter-engine';
import { buildRelationIndex } from '../../src/lib/core/relation-index';
import { withRollupEdges } from '../../src/lib/core/rollup';
import { BENCH_TODAY, generateDataset, randomFilters } from '../../bench/generate';

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
