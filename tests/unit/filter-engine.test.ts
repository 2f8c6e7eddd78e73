import { describe, expect, it } from 'vitest';
import { createFilterEngine } from '../../src/lib/core/filter-engine';
import { createFilterResult, filterRelations, type FilterResult } from '../../src/lib/core/filter';
import { buildRelationIndex } from '../../src/lib/core/relation-index';
import { dayNumber, formatDay } from '../../src/lib/core/dates';
import { MODALITIES, type Dataset, type Relation, type Source } from '../../src/lib/core/model';
import { withRollupEdges } from '../../src/lib/core/rollup';

/**
 * A seeded dataset with every kind of span: days, months, years, explicit ends and open-ended states,
 * from sources published on days, months and years (some before a row's own date), with every modality,
 * and rows that share statements.
 */
function randomDataset(count: number, seed: number): Dataset {
  let state = seed;
  const random = () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const types = ['alliance', 'accusation', 'membership', 'meeting'].map((id, i) => ({
    id, label: id, color: '#000000', directed: i % 2 === 1, temporal: (i < 3 && i !== 1 ? 'state' : 'event') as 'state' | 'event', cameo: '', description: '',
  }));
  const actors = Array.from({ length: 12 }, (_, i) => ({ id: `a${i}`, label: `A${i}`, kind: 'state' as const, affiliation: null, aliases: [] }));
  const base = dayNumber(2015, 1, 1);
  const sources: Source[] = Array.from({ length: 9 }, (_, i) => {
    const published = formatDay(base + 200 + i * 370);
    return { id: `src${i}`, title: `S${i}`, outlet: 'o', published: i % 3 === 0 ? published : i % 3 === 1 ? published.slice(0, 7) : published.slice(0, 4), url: '' };
  });
  const freshRow = (i: number): Relation => {
    const start = formatDay(base + Math.floor(random() * 3000));
    const precision = random();
    const date = precision < 0.6 ? start : precision < 0.85 ? start.slice(0, 7) : start.slice(0, 4);
    const endDate = random() < 0.2 ? formatDay(base + 3000 + Math.floor(random() * 400)) : '';
    const s = Math.floor(random() * 12);
    const o = (s + 1 + Math.floor(random() * 11)) % 12;
    const source = sources[Math.floor(random() * sources.length)].id;
    const modality = MODALITIES[Math.floor(random() * random() * MODALITIES.length)];
    const statement = random() < 0.3 ? `st${Math.floor(random() * 200)}` : '';
    return { id: `${source}:${i}`, source, line: i + 2, subject: `a${s}`, object: `a${o}`, type: types[Math.floor(random() * 4)].id, date, endDate, quote: 'q', note: '', statement, modality };
  };
  const relations: Relation[] = [];
  for (let i = 0; i < count; i++) {
    // One row in five continues the previous row's statement with the same type, dates and modality,
    // as a list of members does: the engine counts those without stamps.
    const previous = relations[i - 1];
    if (previous && random() < 0.2) {
      const s = Math.floor(random() * 12);
      previous.statement ||= `run${i}`;
      const object = `a${(s + 1 + Math.floor(random() * 11)) % 12}`;
      relations.push({ ...previous, id: `${previous.source}:${i}`, line: i + 2, subject: `a${s}`, object });
    } else relations.push(freshRow(i));
  }
  return { types, actors, sources, relations };
}

/** The engine's result equals the reference scan's in every count and mask. */
function expectSameResult(ours: FilterResult, expected: FilterResult): void {
  expect(ours.visibleCount).toBe(expected.visibleCount);
  expect(ours.visibleStatementCount).toBe(expected.visibleStatementCount);
  expect(Array.from(ours.typeCountsInWindow)).toEqual(Array.from(expected.typeCountsInWindow));
  expect(Array.from(ours.modalityCountsInWindow)).toEqual(Array.from(expected.modalityCountsInWindow));
  expect(Buffer.from(ours.visible).equals(Buffer.from(expected.visible))).toBe(true);
  expect(Array.from(ours.edgeCounts)).toEqual(Array.from(expected.edgeCounts));
  expect(Array.from(ours.nodeCounts)).toEqual(Array.from(expected.nodeCounts));
}

describe('createFilterEngine', () => {
  const index = buildRelationIndex(randomDataset(3000, 7), dayNumber(2026, 11, 23));
  const engine = createFilterEngine(index);
  const reference = createFilterResult(index);
  let state = 99;
  const random = () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);

  it('the data has what the engine must handle: shared statements, every modality, standing rows that end with their sources', () => {
    expect(index.statementCount).toBeLessThan(index.relationCount);
    expect(new Set(index.modalityOf).size).toBe(MODALITIES.length);
    let attestedShort = 0;
    for (let i = 0; i < index.relationCount; i++) if (index.ends[i] < index.carriedEnds[i]) attestedShort++;
    expect(attestedShort).toBeGreaterThan(100);
  });

  it('agrees with the full-scan reference on 400 random windows, type and modality masks, carried forward or not', () => {
    const { start, end } = index.extent;
    const today = index.today;
    for (let i = 0; i < 400; i++) {
      const a = start - 30 + Math.floor(random() * (today - start + 400));
      const b = i % 10 === 0 ? a : start - 30 + Math.floor(random() * (end - start + 400));
      const filter = {
        from: Math.min(a, b),
        to: Math.max(a, b),
        typeMask: Uint8Array.from({ length: 4 }, () => (random() < 0.7 ? 1 : 0)),
        modalityMask: i % 3 === 0 ? undefined : Uint8Array.from(MODALITIES, () => (random() < 0.7 ? 1 : 0)),
        carryForward: random() < 0.5,
      };
      const ours = engine.update(filter);
      const expected = filterRelations(index, filter, reference);
      expectSameResult(ours, expected);
    }
  });

  it('agrees with the reference under row and edge masks: masked rows count nowhere, not even in the legend', () => {
    const { start, end } = index.extent;
    for (let i = 0; i < 200; i++) {
      const a = start - 30 + Math.floor(random() * (end - start + 400));
      const b = start - 30 + Math.floor(random() * (end - start + 400));
      const filter = {
        from: Math.min(a, b),
        to: Math.max(a, b),
        typeMask: Uint8Array.from({ length: 4 }, () => (random() < 0.8 ? 1 : 0)),
        modalityMask: i % 2 === 0 ? undefined : Uint8Array.from(MODALITIES, () => (random() < 0.8 ? 1 : 0)),
        carryForward: random() < 0.5,
        rowMask: i % 3 === 1 ? undefined : Uint8Array.from({ length: index.relationCount }, () => (random() < 0.6 ? 1 : 0)),
        edgeMask: i % 3 === 2 ? undefined : Uint8Array.from(index.edges, () => (random() < 0.6 ? 1 : 0)),
      };
      const ours = engine.update(filter);
      const expected = filterRelations(index, filter, reference);
      expectSameResult(ours, expected);
    }
    const none = engine.update({ from: start, to: end, typeMask: new Uint8Array(4).fill(1), rowMask: new Uint8Array(index.relationCount) });
    expect(none.visibleCount).toBe(0);
    expect(Array.from(none.typeCountsInWindow).every((n) => n === 0)).toBe(true);
  });

  it('agrees with the reference over the whole period and near it, where it counts from the outside, with types and modalities toggled', () => {
    const { start, end } = index.extent;
    for (let i = 0; i < 120; i++) {
      const whole = i % 4 === 0;
      const filter = {
        from: whole ? start : start + Math.floor(random() * 200),
        to: whole ? index.today : end - Math.floor(random() * 200),
        typeMask: i % 4 === 0 ? new Uint8Array(4).fill(1) : Uint8Array.from({ length: 4 }, () => (random() < 0.8 ? 1 : 0)),
        modalityMask: i % 3 === 0 ? Uint8Array.from(MODALITIES, (_, m) => (m === 1 + (i % 3) ? 0 : 1)) : undefined,
        carryForward: i % 2 === 0,
      };
      const ours = engine.update(filter);
      const expected = filterRelations(index, filter, reference);
      expect(ours.visibleCount).toBe(expected.visibleCount);
      expect(ours.visibleStatementCount).toBe(expected.visibleStatementCount);
      expect(Buffer.from(ours.visible).equals(Buffer.from(expected.visible))).toBe(true);
      expect(Array.from(ours.edgeCounts)).toEqual(Array.from(expected.edgeCounts));
      expect(Array.from(ours.nodeCounts)).toEqual(Array.from(expected.nodeCounts));
    }
  });

  it('lists every edge whose count changed since it was last asked, across several updates, each once', () => {
    const own = createFilterEngine(index);
    const { start, end } = index.extent;
    let drawn = new Int32Array(index.edges.length);
    own.takeChangedEdges();
    for (let i = 0; i < 60; i++) {
      // One to three updates between two asks, as when a slider moves faster than frames are drawn.
      for (let j = 0; j <= i % 3; j++) {
        const a = start + Math.floor(random() * (end - start));
        const b = start + Math.floor(random() * (end - start));
        own.update({ from: Math.min(a, b), to: i % 5 === 0 ? index.today : Math.max(a, b), typeMask: Uint8Array.from({ length: 4 }, () => (random() < 0.7 ? 1 : 0)), carryForward: j % 2 === 0 });
      }
      const changed = own.takeChangedEdges();
      expect(new Set(changed).size).toBe(changed.length);
      const listed = new Set(changed);
      const counts = own.result.edgeCounts;
      for (let e = 0; e < counts.length; e++) if (counts[e] !== drawn[e]) expect(listed.has(e)).toBe(true);
      drawn = counts.slice();
    }
  });

  it('agrees with the reference while a window is dragged, widened and narrowed, and after jumps to the whole period, listing every changed edge', () => {
    const own = createFilterEngine(index);
    const { start, end } = index.extent;
    let drawn = new Int32Array(index.edges.length);
    // A recount lists every edge counted before or now; only a move from the previous counts lists fewer.
    let movesSeen = 0;
    own.takeChangedEdges();
    for (let run = 0; run < 12; run++) {
      // Masks are reused and edited in place between runs, as a caller may: the engine must not trust their identity.
      const typeMask = Uint8Array.from({ length: 4 }, () => (random() < 0.8 ? 1 : 0));
      const modalityMask = run % 3 === 0 ? Uint8Array.from(MODALITIES, (_, m) => (m === 2 ? 0 : 1)) : undefined;
      const carryForward = run % 2 === 1;
      let from = start + Math.floor(random() * (end - start));
      let to = from + 30 + Math.floor(random() * 700);
      for (let step = 0; step < 25; step++) {
        const whole = step % 11 === 10;
        const filter = whole ? { from: start, to: index.today, typeMask: new Uint8Array(4).fill(1) } : { from, to, typeMask, modalityMask, carryForward };
        const ours = own.update(filter);
        expectSameResult(ours, filterRelations(index, filter, reference));
        if (step % 2 === 0) {
          const changed = own.takeChangedEdges();
          expect(new Set(changed).size).toBe(changed.length);
          const listed = new Set(changed);
          for (let e = 0; e < drawn.length; e++) if (ours.edgeCounts[e] !== drawn[e]) expect(listed.has(e)).toBe(true);
          drawn = ours.edgeCounts.slice();
          if (changed.length < ours.edgeCounts.filter((c) => c > 0).length) movesSeen++;
        }
        // Moves of a few days to a few months, either bound, either way.
        from += Math.floor(random() * 120) - 50;
        to += Math.floor(random() * 120) - 50;
        if (to < from) to = from;
      }
      typeMask[run % 4] ^= 1;
    }
    expect(movesSeen).toBeGreaterThan(20);
  });

  it('carrying forward shows more of the same rows, never fewer', () => {
    const filter = { from: index.extent.end + 1, to: index.today, typeMask: new Uint8Array(4).fill(1) };
    const attested = engine.update(filter).visibleCount;
    const carried = engine.update({ ...filter, carryForward: true }).visibleCount;
    expect(attested).toBe(0);
    expect(carried).toBeGreaterThan(20);
  });

  it('shows nothing for an empty type mask but still counts every type in the window', () => {
    const ours = engine.update({ from: index.extent.start, to: index.extent.end, typeMask: new Uint8Array(4) });
    expect(ours.visibleCount).toBe(0);
    expect(Array.from(ours.typeCountsInWindow).reduce((a, b) => a + b, 0)).toBe(3000);
    expect(ours.nodeCounts.every((n) => n === 0)).toBe(true);
  });

  it('agrees with the reference on an index with roll-up edges appended, whose edges of one type are not one run of numbers', () => {
    const dataset = randomDataset(3000, 11);
    // Every pair of actors has rows, so the actors are put into two blocs with none: the rolled-up edges between blocs and actors are appended.
    const blocs = ['bloc0', 'bloc1'].map((id) => ({ ...dataset.actors[0], id, label: id }));
    dataset.actors = [...dataset.actors.map((a, i) => (i < 4 ? { ...a, affiliation: `bloc${i % 2}` } : a)), ...blocs];
    const rolled = withRollupEdges(buildRelationIndex(dataset, dayNumber(2026, 11, 23))).index;
    expect(rolled.edgeTypeOf.length).toBeGreaterThan(buildRelationIndex(dataset, dayNumber(2026, 11, 23)).edgeTypeOf.length);
    const rolledEngine = createFilterEngine(rolled);
    const rolledReference = createFilterResult(rolled);
    const { start, end } = rolled.extent;
    for (let i = 0; i < 200; i++) {
      // Wide windows (most rows inside: counted from outside) and narrow ones (from inside), mixed per type.
      const wide = i % 2 === 0;
      const a = wide ? start + Math.floor(random() * 300) : start + Math.floor(random() * (end - start));
      const b = wide ? end - Math.floor(random() * 300) : a + Math.floor(random() * 200);
      const filter = {
        from: a,
        to: b,
        typeMask: Uint8Array.from({ length: 4 }, () => (random() < 0.7 ? 1 : 0)),
        modalityMask: i % 3 === 0 ? Uint8Array.from(MODALITIES, () => (random() < 0.7 ? 1 : 0)) : undefined,
        carryForward: random() < 0.5,
      };
      expectSameResult(rolledEngine.update(filter), filterRelations(rolled, filter, rolledReference));
    }
  });
});
