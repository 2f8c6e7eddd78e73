import { describe, expect, it } from 'vitest';
import { createFilterEngine } from '../../src/lib/core/filter-engine';
import { createFilterResult, filterRelations } from '../../src/lib/core/filter';
import { edgesByType, inLocalOrder, localNumbers } from '../../src/lib/core/edge-numbering';
import { buildRelationIndex } from '../../src/lib/core/relation-index';
import { MODALITIES } from '../../src/lib/core/model';
import { BENCH_TODAY, generateDataset } from '../../bench/generate';

/** The engine counts under edges numbered by type and hands out counts and changed edges under the index's numbers. */
describe('filter engine edge numbering', () => {
  const index = buildRelationIndex(generateDataset(5000, 11), BENCH_TODAY);
  const typeCount = index.typeIds.length;
  const originalOf = edgesByType(index.edgeTypeOf, typeCount);

  it('the index interleaves types, so a result in the wrong numbering would show', () => {
    let switches = 0;
    for (let e = 1; e < index.edgeTypeOf.length; e++) if (index.edgeTypeOf[e] !== index.edgeTypeOf[e - 1]) switches++;
    expect(switches).toBeGreaterThan(4 * typeCount);
  });

  it('numbers every edge once, by type, in the index order within a type', () => {
    expect(Array.from(originalOf).sort((a, b) => a - b)).toEqual(Array.from(index.edgeTypeOf.keys()));
    for (let l = 1; l < originalOf.length; l++) {
      const [a, b] = [originalOf[l - 1], originalOf[l]];
      const order = index.edgeTypeOf[a] - index.edgeTypeOf[b] || a - b;
      expect(order).toBeLessThan(0);
    }
    const localOf = localNumbers(originalOf);
    for (let e = 0; e < originalOf.length; e++) expect(originalOf[localOf[e]]).toBe(e);
    expect(Array.from(inLocalOrder(index.edgeSourceIndex, originalOf))).toEqual(Array.from(originalOf, (e) => index.edgeSourceIndex[e]));
  });

  it('one type shown at a time: counts, actors and changed edges are of that type, under the index numbers', () => {
    const engine = createFilterEngine(index);
    const reference = createFilterResult(index);
    const { start, end } = index.extent;
    engine.takeChangedEdges();
    let previous = new Set<number>();
    for (let t = 0; t < typeCount; t++) {
      const typeMask = new Uint8Array(typeCount);
      typeMask[t] = 1;
      const filter = { from: start + 200 * t, to: end - 100 * t, typeMask, carryForward: t % 2 === 1 };
      const ours = engine.update(filter);
      const expected = filterRelations(index, filter, reference);
      expect(Array.from(ours.edgeCounts)).toEqual(Array.from(expected.edgeCounts));
      expect(Array.from(ours.nodeCounts)).toEqual(Array.from(expected.nodeCounts));
      const counted = new Set(Array.from(ours.edgeCounts.keys()).filter((e) => ours.edgeCounts[e] > 0));
      expect(counted.size).toBeGreaterThan(0);
      for (const e of counted) expect(index.edgeTypeOf[e]).toBe(t);
      const changed = new Set(engine.takeChangedEdges());
      // What changed: the edges counted now and those counted before, when they were other types.
      for (const e of counted) expect(changed.has(e)).toBe(true);
      for (const e of previous) expect(changed.has(e)).toBe(true);
      previous = counted;
    }
  });

  it('an edge mask in the index numbering hides those edges, masked legend and visible rows included', () => {
    const engine = createFilterEngine(index);
    const reference = createFilterResult(index);
    const { start, end } = index.extent;
    const edgeMask = Uint8Array.from(index.edgeTypeOf, (_, e) => (e % 3 === 0 ? 0 : 1));
    for (const carryForward of [false, true]) {
      const modalityMask = Uint8Array.from(MODALITIES, (_, m) => (m === 1 ? 0 : 1));
      const filter = { from: start + 300, to: end - 300, typeMask: new Uint8Array(typeCount).fill(1), modalityMask, carryForward, edgeMask };
      const ours = engine.update(filter);
      const expected = filterRelations(index, filter, reference);
      expect(Array.from(ours.edgeCounts)).toEqual(Array.from(expected.edgeCounts));
      expect(Array.from(ours.typeCountsInWindow)).toEqual(Array.from(expected.typeCountsInWindow));
      expect(Buffer.from(ours.visible).equals(Buffer.from(expected.visible))).toBe(true);
      expect(ours.edgeCounts.some((c, e) => e % 3 === 0 && c > 0)).toBe(false);
    }
  });
});
