import { describe, expect, it } from 'vitest';
import { createFilterEngine } from '../../src/lib/core/filter-engine';
import { createFilterResult, filterRelations, type RelationFilter } from '../../src/lib/core/filter';
import { buildRelationIndex } from '../../src/lib/core/relation-index';
import { dayNumber, formatDay } from '../../src/lib/core/dates';
import { MODALITIES, type Dataset, type Relation } from '../../src/lib/core/model';

/** Seeded rows of every span length, from a day to open-ended states, so every length group has rows. */
function dataset(count: number, seed: number): Dataset {
  let state = seed;
  const random = () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const types = ['alliance', 'meeting', 'accusation'].map((id, i) => ({ id, label: id, color: '#000000', directed: i === 2, temporal: (i === 0 ? 'state' : 'event') as 'state' | 'event', cameo: '', description: '' }));
  const actors = Array.from({ length: 10 }, (_, i) => ({ id: `a${i}`, label: `A${i}`, kind: 'state' as const, affiliation: null, aliases: [] }));
  const base = dayNumber(2010, 1, 1);
  const sources = [{ id: 's', title: 'S', outlet: 'o', published: '2024-06-01', url: '' }];
  const relations: Relation[] = Array.from({ length: count }, (_, i) => {
    const start = base + Math.floor(random() * 4000);
    const spans = [0, 10, 60, 300, 900, 2500];
    const span = spans[Math.floor(random() * spans.length)];
    const s = Math.floor(random() * 10);
    const date = formatDay(start);
    const endDate = random() < 0.15 ? '' : formatDay(start + span);
    const modality = MODALITIES[Math.floor(random() * random() * MODALITIES.length)];
    return { id: `s:${i}`, source: 's', line: i + 2, subject: `a${s}`, object: `a${(s + 1 + Math.floor(random() * 9)) % 10}`, type: types[i % 3].id, date, endDate, quote: 'q', note: '', statement: '', modality };
  });
  return { types, actors, sources, relations };
}

describe('visible rows of a moving window', () => {
  const index = buildRelationIndex(dataset(4000, 11), dayNumber(2026, 11, 23));
  const reference = createFilterResult(index);

  it('mark exactly the reference rows as the window slides, grows, shrinks and jumps, and when types or masks change between moves', () => {
    const engine = createFilterEngine(index);
    let state = 5;
    const random = () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    let from = index.extent.start + 300;
    let to = from + 365;
    let typeMask = new Uint8Array([1, 1, 1]);
    let moved = 0;
    for (let i = 0; i < 300; i++) {
      const step = Math.floor((random() - 0.5) * 120);
      if (i % 40 === 39) [from, to] = [index.extent.start + Math.floor(random() * 3000), 0];
      else if (i % 3 === 0) from += step;
      else if (i % 3 === 1) to += step;
      else (from += step), (to += step);
      if (to < from) to = from + Math.floor(random() * 700);
      if (i % 50 === 25) typeMask = Uint8Array.from(typeMask, () => (random() < 0.7 ? 1 : 0));
      const filter: RelationFilter = { from, to, typeMask, carryForward: i % 60 >= 55 };
      if (i % 70 === 69) filter.rowMask = Uint8Array.from({ length: index.relationCount }, () => (random() < 0.5 ? 1 : 0));
      const ours = engine.update(filter).visible;
      const expected = filterRelations(index, filter, reference).visible;
      let same = true;
      for (let r = 0; r < expected.length; r++) if ((ours[r] !== 0) !== (expected[r] !== 0)) same = false;
      expect(same, `move ${i}: ${formatDay(from)} to ${formatDay(to)}`).toBe(true);
      if (expected.some((v) => v !== 0)) moved++;
    }
    expect(moved).toBeGreaterThan(200);
  });
});

describe('visible rows when the filter may hold every row', () => {
  const index = buildRelationIndex(dataset(3000, 23), dayNumber(2026, 11, 23));
  const reference = createFilterResult(index);
  const all = new Uint8Array([1, 1, 1]);
  const { start, end } = index.extent;

  it('mark the reference rows over the whole period and just short of it, carried forward or not, with a type or modality left out', () => {
    const filters: RelationFilter[] = [
      { from: start, to: end, typeMask: all },
      { from: start - 100, to: end + 10_000, typeMask: all, carryForward: true },
      { from: start, to: end, typeMask: all, carryForward: true },
      { from: start + 1, to: end, typeMask: all },
      { from: start, to: end - 1, typeMask: all },
      { from: start, to: end, typeMask: new Uint8Array([1, 0, 1]) },
      { from: start, to: end, typeMask: all, modalityMask: Uint8Array.from(MODALITIES, (_, m) => (m === 0 ? 0 : 1)) },
      { from: start, to: end, typeMask: all, rowMask: Uint8Array.from({ length: index.relationCount }, (_, i) => (i % 7 ? 1 : 0)) },
    ];
    let everything = 0;
    for (const filter of filters) {
      const engine = createFilterEngine(index);
      const visible = engine.update(filter).visible;
      const expected = filterRelations(index, filter, reference).visible;
      expect(Array.from(visible)).toEqual(Array.from(expected));
      if (expected.every((v) => v === 1)) everything++;
    }
    expect(everything).toBeGreaterThanOrEqual(2);
  });
});
