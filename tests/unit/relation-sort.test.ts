import { describe, expect, it } from 'vitest';
import { sortRelations, type RelationLabels } from '../../src/lib/core/relation-sort';
import { rel } from './helpers';

const labels: RelationLabels = {
  actor: (id) => ({ a: 'Zeta', b: 'Alpha', c: 'Mu' })[id] ?? id,
  type: (id) => id.toUpperCase(),
  source: (id) => id,
};

describe('sortRelations', () => {
  const early = rel('a', 'b', 'accusation', '2021-05');
  const late = rel('b', 'c', 'mediation', '2022-01-03');
  const sameDay = rel('c', 'a', 'accusation', '2021-05-01');
  const rows = [late, sameDay, early];

  it('orders by the start of each partial date, ties by row id', () => {
    expect(sortRelations(rows, 'date', true, labels)).toEqual([early, sameDay, late]);
    // Ties keep row order in both directions, so flipping the sort does not shuffle same-day rows.
    expect(sortRelations(rows, 'date', false, labels)).toEqual([late, early, sameDay]);
  });

  it('orders by the labels users read, not by ids', () => {
    expect(sortRelations(rows, 'subject', true, labels).map((r) => r.subject)).toEqual(['b', 'c', 'a']);
    expect(sortRelations(rows, 'type', false, labels).map((r) => r.type)).toEqual(['mediation', 'accusation', 'accusation']);
  });

  it('does not reorder the input array', () => {
    sortRelations(rows, 'date', true, labels);
    expect(rows).toEqual([late, sameDay, early]);
  });
});

describe('sortRelations ties', () => {
  it('keeps same-date rows in numeric line order, not text order of their ids', () => {
    const row9 = { ...rel('a', 'b', 'accusation', '2021'), line: 9, id: 's:9' };
    const row12 = { ...rel('a', 'b', 'accusation', '2021'), line: 12, id: 's:12' };
    expect(sortRelations([row12, row9], 'date', true, labels)).toEqual([row9, row12]);
  });
});
