import { describe, expect, it } from 'vitest';
import { createFilterEngine } from '../../src/lib/core/filter-engine';
import { createFilterResult, filterRelations } from '../../src/lib/core/filter';
import { buildRelationIndex } from '../../src/lib/core/relation-index';
import { dayNumber, formatDay } from '../../src/lib/core/dates';
import type { Dataset, Relation } from '../../src/lib/core/model';

/** A seeded dataset with every kind of span: days, months, years, explicit ends and open-ended states. */
function randomDataset(count: number, seed: number): Dataset {
  let state = seed;
  const random = () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const types = ['alliance', 'accusation', 'membership', 'meeting'].map((id, i) => ({
    id, label: id, color: '#000000', directed: i % 2 === 1, temporal: (i < 3 && i !== 1 ? 'state' : 'event') as 'state' | 'event', cameo: '', description: '',
  }));
  const actors = Array.from({ length: 12 }, (_, i) => ({ id: `a${i}`, label: `A${i}`, kind: 'state' as const, affiliation: null, aliases: [] }));
  const base = dayNumber(2015, 1, 1);
  const relations: Relation[] = Array.from({ length: count }, (_, i) => {
    const start = formatDay(base + Math.floor(random() * 3000));
    const precision = random();
    const date = precision < 0.6 ? start : precision < 0.85 ? start.slice(0, 7) : start.slice(0, 4);
    const endDate = random() < 0.2 ? formatDay(base + 3000 + Math.floor(random() * 400)) : '';
    const s = Math.floor(random() * 12);
    const o = (s + 1 + Math.floor(random() * 11)) % 12;
    return { id: `r:${i}`, source: 'r', line: i + 2, subject: `a${s}`, object: `a${o}`, type: types[Math.floor(random() * 4)].id, date, endDate, quote: 'q', note: '' };
  });
  return { types, actors, sources: [], relations };
}

describe('createFilterEngine', () => {
  const index = buildRelationIndex(randomDataset(3000, 7), dayNumber(2026, 11, 23));
  const engine = createFilterEngine(index);
  const reference = createFilterResult(index);
  let state = 99;
  const random = () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);

  it('agrees with the full-scan reference on 300 random windows and type masks in a row', () => {
    const { start, end } = index.extent;
    for (let i = 0; i < 300; i++) {
      const a = start - 30 + Math.floor(random() * (end - start + 400));
      const b = i % 10 === 0 ? a : start - 30 + Math.floor(random() * (end - start + 400));
      const filter = { from: Math.min(a, b), to: Math.max(a, b), typeMask: Uint8Array.from({ length: 4 }, () => (random() < 0.7 ? 1 : 0)) };
      const ours = engine.update(filter);
      const expected = filterRelations(index, filter, reference);
      expect(ours.visibleCount).toBe(expected.visibleCount);
      expect(Array.from(ours.typeCountsInWindow)).toEqual(Array.from(expected.typeCountsInWindow));
      expect(Buffer.from(ours.visible).equals(Buffer.from(expected.visible))).toBe(true);
      expect(Array.from(ours.edgeCounts)).toEqual(Array.from(expected.edgeCounts));
      expect(Array.from(ours.nodeCounts)).toEqual(Array.from(expected.nodeCounts));
    }
  });

  it('shows nothing for an empty type mask but still counts every type in the window', () => {
    const ours = engine.update({ from: index.extent.start, to: index.extent.end, typeMask: new Uint8Array(4) });
    expect(ours.visibleCount).toBe(0);
    expect(Array.from(ours.typeCountsInWindow).reduce((a, b) => a + b, 0)).toBe(3000);
    expect(ours.nodeCounts.every((n) => n === 0)).toBe(true);
  });
});
