/**
 * Two periods compared, checked against the edge sets of each period computed on its own through the
 * reference full scan (filterRelations with that period's window): the bundled data, 2020 against 2022.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadDataset } from '../../src/lib/core/load';
import { buildRelationIndex } from '../../src/lib/core/relation-index';
import { filterRelations, typeMaskOf, type RelationFilter } from '../../src/lib/core/filter';
import { parsePartialDate } from '../../src/lib/core/dates';
import { comparePeriods, comparisonSwatches, comparisonText, periodText, rowInState, stateOfEdge, type Period } from '../../src/lib/core/compare';
import { kindEdgeMask, sourceRowMask, withViewMasks } from '../../src/lib/core/view-filters';
import { readGraphDataFolder } from '../../scripts/read-graph-data';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const loaded = loadDataset(readGraphDataFolder(here('../../graph-data')));
if (!loaded.ok) throw new Error('graph-data does not load');
const dataset = loaded.dataset;
const index = buildRelationIndex(dataset, parsePartialDate('2026-12-01')!.start);
const year = (y: string): Period => ({ from: parsePartialDate(y)!.start, to: parsePartialDate(y)!.end });
const A = year('2020');
const B = year('2022');

/** Edge keys drawn in one window with at least `least` relations, by the reference scan alone. */
function drawnIn(filter: RelationFilter, period: Period, least = 1): Map<string, number> {
  const result = filterRelations(index, { ...filter, from: period.from, to: period.to });
  return new Map(index.edges.flatMap((e, i) => (result.edgeCounts[i] >= least ? [[e.key, result.edgeCounts[i]] as const] : [])));
}

function expectedStates(filter: RelationFilter, least = 1) {
  const a = drawnIn(filter, A, least);
  const b = drawnIn(filter, B, least);
  return {
    a: [...a.keys()].filter((k) => !b.has(k)).sort(),
    b: [...b.keys()].filter((k) => !a.has(k)).sort(),
    both: [...a.keys()].filter((k) => b.has(k)).sort(),
  };
}

function statesOf(result: ReturnType<typeof comparePeriods>) {
  const out = { a: [] as string[], b: [] as string[], both: [] as string[] };
  index.edges.forEach((e, i) => {
    const state = stateOfEdge(result.comparison, i);
    if (state) out[state].push(e.key);
  });
  return { a: out.a.sort(), b: out.b.sort(), both: out.both.sort() };
}

const all: RelationFilter = { from: 0, to: 0, typeMask: typeMaskOf(index, index.typeIds) };

describe('compare: 2020 against 2022 on the bundled data', () => {
  it('marks exactly the edges of each period computed on its own', () => {
    const result = comparePeriods(index, all, A, B);
    const expected = expectedStates(all);
    expect(statesOf(result)).toEqual(expected);
    // The bundled data has all three states; a test that found none would prove little.
    expect(expected.a.length).toBeGreaterThan(0);
    expect(expected.b.length).toBeGreaterThan(0);
    expect(expected.both.length).toBeGreaterThan(0);
    expect(result.comparison.edgeTotals).toEqual({ a: expected.a.length, b: expected.b.length, both: expected.both.length });
  });

  it('shows the rows of either period once, and the table filter keeps one state', () => {
    const result = comparePeriods(index, all, A, B);
    const inA = filterRelations(index, { ...all, from: A.from, to: A.to }).visible.slice();
    const inB = filterRelations(index, { ...all, from: B.from, to: B.to }).visible;
    const union = dataset.relations.filter((_, i) => inA[i] || inB[i]).map((r) => r.id);
    expect(dataset.relations.filter((_, i) => result.visible[i]).map((r) => r.id)).toEqual(union);
    expect(result.visibleCount).toBe(union.length);
    const onlyB = new Set(expectedStates(all).b);
    const rowsB = dataset.relations.filter((_, i) => result.visible[i] && rowInState(index, result.comparison, i, 'b'));
    expect(rowsB.length).toBeGreaterThan(0);
    const rowOf = (r: (typeof rowsB)[number]) => dataset.relations.indexOf(r);
    expect(rowsB.every((r) => onlyB.has(index.edges[index.edgeOf[rowOf(r)]].key))).toBe(true);
    // An edge only in B has no row in A.
    expect(rowsB.every((r) => inB[rowOf(r)] && !inA[rowOf(r)])).toBe(true);
  });

  it('follows the other filters: types, source and kind masks, minimum weight', () => {
    const someTypes = { ...all, typeMask: typeMaskOf(index, index.typeIds.slice(0, Math.ceil(index.typeIds.length / 2))) };
    expect(statesOf(comparePeriods(index, someTypes, A, B))).toEqual(expectedStates(someTypes));
    const rt = dataset.sources.filter((s) => s.outlet === 'RT').map((s) => s.id);
    const masked = withViewMasks(all, { rowMask: sourceRowMask(index, rt), edgeMask: kindEdgeMask(index, ['person']) });
    expect(statesOf(comparePeriods(index, masked, A, B))).toEqual(expectedStates(masked));
    expect(statesOf(comparePeriods(index, all, A, B, 2))).toEqual(expectedStates(all, 2));
  });

  it('names the periods and the states for caption and legend', () => {
    expect(periodText(A)).toBe('2020');
    expect(periodText(year('2022-03'))).toBe('2022-03');
    expect(periodText({ from: A.from + 4, to: B.to })).toBe('2020-01-05 to 2022-12-31');
    const result = comparePeriods(index, all, A, B);
    expect(comparisonText(result.comparison)).toBe('A 2020 vs B 2022');
    expect(comparisonSwatches(result.comparison).map((s) => s.label)).toEqual([
      `Only in A (2020): ${result.comparison.edgeTotals.a} edges`,
      `Only in B (2022): ${result.comparison.edgeTotals.b} edges`,
      `In both: ${result.comparison.edgeTotals.both} edges`,
    ]);
  });
});
