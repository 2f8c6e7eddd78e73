/** The kind, source, weight and compare parameters: what a link says is what it restores, and bad values are notices. */
import { describe, expect, it } from 'vitest';
import { parseViewQuery, serializeViewQuery } from '../../src/lib/core/view-query';
import { parsePeriod, type FilterVocabulary } from '../../src/lib/core/view-filters-query';
import { composeAnnotation } from '../../src/lib/core/export-caption';
import { comparePeriods } from '../../src/lib/core/compare';
import { buildRelationIndex } from '../../src/lib/core/relation-index';
import { typeMaskOf } from '../../src/lib/core/filter';
import { dataset as makeDataset, day, rel, source, type } from './helpers';

const sources = [source('s1', '2022-01-01', 'RT'), source('s2', '2022-02-01', 'RT'), source('s3', '2022-03-01', 'Wire, London'), source('s4', '2022-04-01', 'Other')];
const vocabulary: FilterVocabulary = { kinds: ['state', 'person', 'organisation'], sources };
const base = { typeIds: ['t'], actorIds: ['a', 'b'], filters: vocabulary };

function roundTrip(filters: { hiddenKinds: ('state' | 'person' | 'organisation')[]; hiddenSources: string[]; minWeight: number; compare: { from: number; to: number } | null }) {
  const query = serializeViewQuery({ types: ['t'], allTypes: ['t'], from: '', to: '', isFullExtent: true, focus: null, filters: { ...filters, vocabulary } });
  const parsed = parseViewQuery(query, base);
  return { query, parsed };
}

describe('view-filters-query', () => {
  it('round-trips an outlet left out, by name even with a comma in it', () => {
    const { query, parsed } = roundTrip({ hiddenKinds: ['person'], hiddenSources: ['s3'], minWeight: 3, compare: { from: day('2022-01-01'), to: day('2022-12-31') } });
    expect(query).toBe('?kinds=state,organisation&hide-outlet=Wire%2C%20London&min-relations=3&compare=2022');
    expect(parsed.notices).toEqual([]);
    expect(parsed.view.filters).toEqual({ hiddenKinds: ['person'], hiddenSources: ['s3'], minWeight: 3, compare: { from: day('2022-01-01'), to: day('2022-12-31') } });
  });

  it('says one article as the source kept, and part of an outlet as the sources left out', () => {
    expect(roundTrip({ hiddenKinds: [], hiddenSources: ['s1', 's2', 's3'], minWeight: 1, compare: null }).query).toBe('?sources=s4');
    const partial = roundTrip({ hiddenKinds: [], hiddenSources: ['s1'], minWeight: 1, compare: null });
    expect(partial.query).toBe('?hide-sources=s1');
    expect(partial.parsed.view.filters?.hiddenSources).toEqual(['s1']);
    expect(parseViewQuery('?sources=s4', base).view.filters?.hiddenSources).toEqual(['s1', 's2', 's3']);
  });

  it('reports what it cannot use and ignores it', () => {
    const { view, notices } = parseViewQuery('?kinds=robot&hide-outlet=Nowhere&hide-sources=zz&min-relations=0&compare=2022-13', base);
    expect(notices).toEqual([
      'Ignored unknown actor kind "robot".',
      'Ignored unknown outlet "Nowhere".',
      'Ignored unknown source "zz".',
      'Ignored "min-relations=0": use a whole number of relations, 1 or more.',
      'Ignored "compare=2022-13": give period B as a date or two joined by "..", for example compare=2022.',
    ]);
    expect(view.filters).toEqual({ hiddenSources: [] });
    expect(parsePeriod('2022-01-05..2022-02-10')).toEqual({ from: day('2022-01-05'), to: day('2022-02-10') });
    expect(parsePeriod('2023..2022')).toBeNull();
  });
});

describe('caption of a comparison and of the view filters', () => {
  it('names both periods, shows the three states in the legend and adds the filter lines', () => {
    const types = [type('t', 'event', false)];
    const data = makeDataset(types, ['a', 'b', 'c'], [rel('a', 'b', 't', '2020-05-01'), rel('a', 'b', 't', '2022-05-01'), rel('b', 'c', 't', '2022-06-01')]);
    const index = buildRelationIndex(data, day('2026-01-01'));
    const result = comparePeriods(index, { from: 0, to: 0, typeMask: typeMaskOf(index, ['t']) }, { from: day('2020-01-01'), to: day('2020-12-31') }, { from: day('2022-01-01'), to: day('2022-12-31') });
    expect(result.comparison.edgeTotals).toEqual({ a: 0, b: 1, both: 1 });
    const annotation = composeAnnotation({
      title: 'x', from: '2020-01-01', to: '2020-12-31', types, visibleByType: new Map([['t', 3]]), visibleKinds: new Set(['state']), sources: [], visibleCount: 3,
      comparison: result.comparison, filterLines: ['Leaving out RT'],
    });
    expect(annotation.captionLines[0]).toBe('A 2020 vs B 2022 · All 1 relation types');
    expect(annotation.captionLines).toContain('Leaving out RT');
    expect(annotation.types.map((t) => t.label)).toEqual(['Only in A (2020): 0 edges', 'Only in B (2022): 1 edge', 'In both: 1 edge']);
  });
});
