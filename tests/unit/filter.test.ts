import { describe, expect, it } from 'vitest';
import { aggregatedEdgeKey, buildRelationIndex } from '../../src/lib/core/relation-index';
import { createFilterResult, filterRelations, modalityMaskOf, typeMaskOf, visibleRelationIndices, type RelationFilter } from '../../src/lib/core/filter';
import { dataset, day, rel, source, type } from './helpers';

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
  [source('s', '2023-06')],
);
const index = buildRelationIndex(ds, TODAY);
const ALL = typeMaskOf(index, ['alliance', 'aid']);
const run = (from: string, to: string, mask = ALL, more: Partial<RelationFilter> = {}) => filterRelations(index, { from: day(from), to: day(to), typeMask: mask, ...more });
const visible = (from: string, to: string, mask = ALL, more: Partial<RelationFilter> = {}) => visibleRelationIndices(run(from, to, mask, more));
/** Edge counts by edge key, so the tests do not depend on how edges are numbered. */
const byKey = (counts: Int32Array) => Object.fromEntries(index.edges.map((e, i) => [e.key, counts[i]]));

describe('buildRelationIndex', () => {
  it('aggregates rows into edges by type and pair', () => {
    // Edges are numbered by type (in the dataset's type order), then by their first row in time.
    expect(index.edges.map((e) => e.key)).toEqual(['alliance:a>c', 'alliance:a>b', 'aid:a>b', 'aid:b>a']);
    expect(Array.from(index.edgeOf)).toEqual([1, 1, 2, 3, 2, 0]);
    expect(index.edgeRelations.map((r) => Array.from(r))).toEqual([[5], [0, 1], [2, 4], [3]]);
    expect(index.edges[0]).toEqual({ key: 'alliance:a>c', source: 'a', target: 'c', type: 'alliance', directed: false });
    expect(index.edges[3]).toEqual({ key: 'aid:b>a', source: 'b', target: 'a', type: 'aid', directed: true });
    expect(Array.from(index.edgeSourceIndex)).toEqual([0, 0, 0, 1]);
    expect(Array.from(index.edgeTargetIndex)).toEqual([2, 1, 1, 0]);
  });
  it('numbers edges by type first, so a later alliance still comes before an earlier aid', () => {
    const rows = [
      rel('a', 'b', 'aid', '2018-01'), // 0: the earliest row, but of the second type
      rel('b', 'c', 'alliance', '2020-01'), // 1
      rel('a', 'c', 'aid', '2019-01'), // 2
      rel('a', 'c', 'alliance', '2019-06'), // 3
      rel('a', 'b', 'aid', '2021-01'), // 4: same edge as 0
    ];
    const typed = buildRelationIndex(dataset(ds.types, ['a', 'b', 'c'], rows), TODAY);
    expect(typed.edges.map((e) => e.key)).toEqual(['alliance:a>c', 'alliance:b>c', 'aid:a>b', 'aid:a>c']);
    expect(Array.from(typed.edgeTypeOf)).toEqual([0, 0, 1, 1]);
    expect(Array.from(typed.edgeOf)).toEqual([2, 1, 3, 0, 2]);
    expect(typed.edgeRelations.map((r) => Array.from(r))).toEqual([[3], [1], [0, 4], [2]]);
  });
  it('computes spans and type indices', () => {
    expect(Array.from(index.typeOf)).toEqual([0, 0, 1, 1, 1, 0]);
    expect(Array.from(index.starts)).toEqual(['2020-01-15', '2021-06-01', '2022-03-01', '2022-05-10', '2022-07-01', '2019-01-01'].map(day));
    // The open-ended state is attested through the end of its source's publication month. Carried forward it
    // would run to today, but row 1 of the same relation ends in 2021, so it goes no further than attested.
    const rest = ['2021-12-31', '2022-03-31', '2022-05-10', '2022-07-01', '2019-06-30'].map(day);
    expect(Array.from(index.ends)).toEqual([day('2023-06-30'), ...rest]);
    expect(Array.from(index.carriedEnds)).toEqual([day('2023-06-30'), ...rest]);
  });
  it('a standing row without a known source holds over its own date only', () => {
    const lone = buildRelationIndex(dataset(ds.types, ['a', 'b'], [rel('a', 'b', 'alliance', '2020-01', { source: 'gone' })]), TODAY);
    expect([lone.starts[0], lone.ends[0], lone.carriedEnds[0]]).toEqual([day('2020-01-01'), day('2020-01-31'), TODAY]);
  });
  it('carried forward, a standing row stops at an end date another row of the same relation gives', () => {
    const rows = [
      rel('a', 'b', 'alliance', '2019-05'), // 0: attested through 2019-06-30, carried to the end 2020 row 1 gives
      rel('b', 'a', 'alliance', '2019-09..2020'), // 1: same undirected relation, ended in 2020
      rel('a', 'b', 'alliance', '2021-03'), // 2: starts after that end: carried to today
      rel('a', 'c', 'alliance', '2019-05'), // 3: another relation, not capped
    ];
    const capped = buildRelationIndex(dataset(ds.types, ['a', 'b', 'c'], rows, [source('s', '2019-06')]), TODAY);
    expect(Array.from(capped.ends)).toEqual(['2019-06-30', '2020-12-31', '2021-03-31', '2019-06-30'].map(day));
    expect(Array.from(capped.carriedEnds)).toEqual([day('2020-12-31'), day('2020-12-31'), TODAY, TODAY]);
  });
  it('extent runs to the last attested day, not to today', () => {
    expect(index.extent).toEqual({ start: day('2019-01-01'), end: day('2023-06-30') });
  });
  it('numbers statements: rows of one source sharing an id share one, other rows have their own', () => {
    const rows = [
      rel('a', 'b', 'aid', '2022', { statement: 'x' }),
      rel('a', 'c', 'aid', '2022', { statement: 'x' }),
      rel('a', 'b', 'aid', '2022', { statement: 'x', source: 't' }),
      rel('b', 'c', 'aid', '2022'),
      rel('c', 'b', 'aid', '2022', { statement: 'y' }),
    ];
    const grouped = buildRelationIndex(dataset(ds.types, ['a', 'b', 'c'], rows), TODAY);
    expect(Array.from(grouped.statementOf)).toEqual([0, 0, 1, 2, 3]);
    expect(grouped.statementCount).toBe(4);
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
  it('an open-ended state holds through its source, and until today only when carried forward', () => {
    const open = buildRelationIndex(dataset(ds.types, ['a', 'b'], [rel('a', 'b', 'alliance', '2020-01-15'), rel('a', 'b', 'aid', '2022-03')], [source('s', '2023-06')]), TODAY);
    const shown = (from: string, to: string, carryForward = false) =>
      visibleRelationIndices(filterRelations(open, { from: day(from), to: day(to), typeMask: typeMaskOf(open, ['alliance', 'aid']), carryForward }));
    expect(shown('2023-06-30', '2023-07-31')).toEqual([0]);
    expect(shown('2023-07-01', '2024-06-15')).toEqual([]);
    expect(shown('2023-07-01', '2024-06-15', true)).toEqual([0]);
    expect(shown('2024-06-16', '2025-01-01', true)).toEqual([]);
    // Carrying forward changes nothing for events.
    expect(shown('2022-01-01', '2022-12-31', true)).toEqual(shown('2022-01-01', '2022-12-31'));
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

describe('filterRelations with modalities and statements', () => {
  const rows = [
    rel('a', 'b', 'aid', '2022-01', { statement: 'call' }), // 0
    rel('a', 'c', 'aid', '2022-01', { statement: 'call' }), // 1: same statement as 0
    rel('b', 'c', 'aid', '2022-02', { modality: 'conditional' }), // 2
    rel('a', 'b', 'alliance', '2022-02', { modality: 'reported' }), // 3
  ];
  const mixed = buildRelationIndex(dataset(ds.types, ['a', 'b', 'c'], rows, [source('s', '2022-03-15')]), TODAY);
  const types = typeMaskOf(mixed, ['alliance', 'aid']);
  const window = { from: day('2022-01-01'), to: day('2022-12-31') };

  it('counts distinct statements among the visible rows', () => {
    const r = filterRelations(mixed, { ...window, typeMask: types });
    expect([r.visibleCount, r.visibleStatementCount]).toEqual([4, 3]);
    const januaryOnly = filterRelations(mixed, { from: day('2022-01-01'), to: day('2022-01-31'), typeMask: types });
    expect([januaryOnly.visibleCount, januaryOnly.visibleStatementCount]).toEqual([2, 1]);
  });
  it('hides rows of a hidden modality; each facet counts under the other', () => {
    const r = filterRelations(mixed, { ...window, typeMask: typeMaskOf(mixed, ['aid']), modalityMask: modalityMaskOf(['asserted', 'reported']) });
    expect(visibleRelationIndices(r)).toEqual([0, 1]);
    // Legend counts per type follow the modality filter; modality counts follow the type filter.
    expect(Array.from(r.typeCountsInWindow)).toEqual([1, 2]);
    expect(Array.from(r.modalityCountsInWindow)).toEqual([2, 1, 0, 0]);
  });
  it('modalityMaskOf follows MODALITIES order and ignores unknown names', () => {
    expect(Array.from(modalityMaskOf(['reported', 'nope', 'asserted']))).toEqual([1, 0, 0, 1]);
  });
});

describe('typeMaskOf', () => {
  it('marks shown types by index and ignores unknown ids', () => {
    expect(Array.from(typeMaskOf(index, ['aid', 'unknown']))).toEqual([0, 1]);
    expect(Array.from(typeMaskOf(index, new Set(['alliance'])))).toEqual([1, 0]);
  });
});
