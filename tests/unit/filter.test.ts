import { describe, expect, it } from 'vitest';
import { aggregatedEdgeKey, buildRelationIndex } from '../../src/lib/core/relation-index';
import { createFilterResult, filterRelations, typeMaskOf, visibleRelationIndices } from '../../src/lib/core/filter';
import { dataset, day, rel, type } from './helpers';

const TODAY = day('2024-06-15');
const ds = dataset(
  [type('alliance', 'state', false), type('aid', 'event', true)],
  ['a', 'b', 'c'],
  [
    rel('a', 'b', 'alliance', '2020-01-15'), // 0: open-ended state
    rel('b', 'a', 'alliance', '2021-06..2021-12'), // 1: same undirected edge as 0
    rel('a', 'b', 'aid', '2022-03'), // 2: month-precision event
    rel('b', 'a', 'aid', '2022-05-10'), // 3: directed, other way: its own edge
    rel('a', 'b', 'aid', '2022-07-01'), // 4: same edge as 2
    rel('c', 'a', 'alliance', '2019..2019-06'), // 5
  ],
);
const index = buildRelationIndex(ds, TODAY);
const ALL = typeMaskOf(index, ['alliance', 'aid']);
const run = (from: string, to: string, mask = ALL) => filterRelations(index, { from: day(from), to: day(to), typeMask: mask });
const visible = (from: string, to: string, mask = ALL) => visibleRelationIndices(run(from, to, mask));
/** Edge counts by edge key, so the tests do not depend on how edges are numbered. */
const byKey = (counts: Int32Array) => Object.fromEntries(index.edges.map((e, i) => [e.key, counts[i]]));

describe('buildRelationIndex', () => {
  it('aggregates rows into edges by type and pair', () => {
    // Edges are numbered by their first row in time.
    expect(index.edges.map((e) => e.key)).toEqual(['alliance:a>c', 'alliance:a>b', 'aid:a>b', 'aid:b>a']);
    expect(Array.from(index.edgeOf)).toEqual([1, 1, 2, 3, 2, 0]);
    expect(index.edgeRelations.map((r) => Array.from(r))).toEqual([[5], [0, 1], [2, 4], [3]]);
    expect(index.edges[0]).toEqual({ key: 'alliance:a>c', source: 'a', target: 'c', type: 'alliance', directed: false });
    expect(index.edges[3]).toEqual({ key: 'aid:b>a', source: 'b', target: 'a', type: 'aid', directed: true });
    expect(Array.from(index.edgeSourceIndex)).toEqual([0, 0, 0, 1]);
    expect(Array.from(index.edgeTargetIndex)).toEqual([2, 1, 1, 0]);
  });
  it('computes spans and type indices', () => {
    expect(Array.from(index.typeOf)).toEqual([0, 0, 1, 1, 1, 0]);
    expect(Array.from(index.starts)).toEqual(['2020-01-15', '2021-06-01', '2022-03-01', '2022-05-10', '2022-07-01', '2019-01-01'].map(day));
    expect(Array.from(index.ends)).toEqual([TODAY, ...['2021-12-31', '2022-03-31', '2022-05-10', '2022-07-01', '2019-06-30'].map(day)]);
  });
  it('extent does not stretch to today for open-ended states', () => {
    expect(index.extent).toEqual({ start: day('2019-01-01'), end: day('2022-07-01') });
  });
  it('extent of an empty dataset is today', () => {
    expect(buildRelationIndex(dataset([], [], []), TODAY).extent).toEqual({ start: TODAY, end: TODAY });
  });
  it('aggregatedEdgeKey orders undirected pairs only', () => {
    expect(aggregatedEdgeKey('z', 'a', 't', false)).toBe('t:a>z');
    expect(aggregatedEdgeKey('z', 'a', 't', true)).toBe('t:z>a');
  });
  it('throws on an unknown type', () => {
    expect(() => buildRelationIndex(dataset([], ['a', 'b'], [rel('a', 'b', 'nope', '2020')]), TODAY)).toThrow(/unknown relation type "nope"/);
  });
});

describe('filterRelations', () => {
  it('window edges are inclusive', () => {
    expect(visible('2022-05-10', '2022-05-10')).toEqual([0, 3]);
    expect(visible('2022-04-01', '2022-05-09')).toEqual([0]);
    expect(visible('2022-07-01', '2022-08-01')).toEqual([0, 4]);
    expect(visible('2022-07-02', '2022-08-01')).toEqual([0]);
    expect(visible('2021-12-31', '2021-12-31')).toEqual([0, 1]);
    expect(visible('2022-01-01', '2022-01-01')).toEqual([0]);
  });
  it('open-ended states stay visible long after their start', () => {
    expect(visible('2024-01-01', '2024-06-15')).toEqual([0]);
    expect(visible('2024-06-16', '2025-01-01')).toEqual([]);
  });
  it('a month-precision event is visible from a window touching only the last day of the month', () => {
    expect(visible('2022-03-31', '2022-04-30')).toEqual([0, 2]);
    expect(visible('2022-01-01', '2022-03-01')).toEqual([0, 2]);
    expect(visible('2022-04-01', '2022-04-30')).toEqual([0]);
  });
  it('counts everything with all types shown', () => {
    const r = run('2019-01-01', '2024-06-15');
    expect(r.visibleCount).toBe(6);
    expect(Array.from(r.typeCountsInWindow)).toEqual([3, 3]);
    expect(byKey(r.edgeCounts)).toEqual({ 'alliance:a>b': 2, 'aid:a>b': 2, 'aid:b>a': 1, 'alliance:a>c': 1 });
    expect(Array.from(r.nodeCounts)).toEqual([6, 5, 1]);
  });
  it('counts types in the window even when masked out', () => {
    const r = run('2022-01-01', '2022-12-31', typeMaskOf(index, ['aid']));
    expect(visibleRelationIndices(r)).toEqual([2, 3, 4]);
    expect(r.visibleCount).toBe(3);
    expect(Array.from(r.typeCountsInWindow)).toEqual([1, 3]);
    expect(byKey(r.edgeCounts)).toEqual({ 'alliance:a>b': 0, 'aid:a>b': 2, 'aid:b>a': 1, 'alliance:a>c': 0 });
    expect(Array.from(r.nodeCounts)).toEqual([3, 3, 0]);
  });
  it('with no types shown nothing is visible but the legend still counts', () => {
    const r = run('2019-01-01', '2024-06-15', typeMaskOf(index, []));
    expect(r.visibleCount).toBe(0);
    expect(Array.from(r.typeCountsInWindow)).toEqual([3, 3]);
    expect(Array.from(r.nodeCounts)).toEqual([0, 0, 0]);
  });
  it('reusing a FilterResult resets every count', () => {
    const into = createFilterResult(index);
    filterRelations(index, { from: day('2019-01-01'), to: day('2024-06-15'), typeMask: ALL }, into);
    const again = filterRelations(index, { from: day('2019-03-01'), to: day('2019-03-01'), typeMask: ALL }, into);
    expect(again).toBe(into);
    expect(into.visibleCount).toBe(1);
    expect(Array.from(into.visible)).toEqual([0, 0, 0, 0, 0, 1]);
    expect(Array.from(into.typeCountsInWindow)).toEqual([1, 0]);
    expect(byKey(into.edgeCounts)).toEqual({ 'alliance:a>b': 0, 'aid:a>b': 0, 'aid:b>a': 0, 'alliance:a>c': 1 });
    expect(Array.from(into.nodeCounts)).toEqual([1, 0, 1]);
  });
});

describe('typeMaskOf', () => {
  it('marks shown types by index and ignores unknown ids', () => {
    expect(Array.from(typeMaskOf(index, ['aid', 'unknown']))).toEqual([0, 1]);
    expect(Array.from(typeMaskOf(index, new Set(['alliance'])))).toEqual([1, 0]);
  });
});
