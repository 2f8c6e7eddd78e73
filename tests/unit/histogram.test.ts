import { describe, expect, it } from 'vitest';
import { monthlyHistogram, pathOfBars, stackedBars, stackedPaths } from '../../src/lib/core/histogram';
import { buildRelationIndex } from '../../src/lib/core/relation-index';
import { modalityMaskOf } from '../../src/lib/core/filter';
import { dataset, day, rel, source, type } from './helpers';

const TODAY = day('2024-06-15');
const TYPES = [type('alliance', 'state', false), type('aid', 'event', true)];
const histogramOf = (relations: ReturnType<typeof rel>[]) => monthlyHistogram(buildRelationIndex(dataset(TYPES, ['a', 'b'], relations), TODAY));
const counts = (h: ReturnType<typeof monthlyHistogram>) => h.counts.map((c) => Array.from(c));

describe('monthlyHistogram', () => {
  const h = histogramOf([
    rel('a', 'b', 'alliance', '2022-01-10'), // standing: counted once, in January
    rel('a', 'b', 'aid', '2022-01-20'),
    rel('a', 'b', 'aid', '2022-03'),
    rel('b', 'a', 'aid', '2022-03-05'),
    rel('a', 'b', 'alliance', '2022-03-15..2022-05'),
  ]);
  it('has one bucket per month of the extent plus the end boundary', () => {
    expect(h.monthStarts).toEqual(['2022-01-01', '2022-02-01', '2022-03-01', '2022-04-01', '2022-05-01', '2022-06-01'].map(day));
    expect(h.counts).toHaveLength(5);
  });
  it('stacks counts per type index, with empty months present', () => {
    expect(counts(h)).toEqual([
      [1, 1],
      [0, 0],
      [1, 2],
      [0, 0],
      [0, 0],
    ]);
  });
  it('maxTotal is the largest monthly total', () => {
    expect(h.maxTotal).toBe(3);
  });
  it('spans years', () => {
    const g = histogramOf([rel('a', 'b', 'aid', '2021-11-30'), rel('a', 'b', 'aid', '2022-02-01')]);
    expect(g.monthStarts).toEqual(['2021-11-01', '2021-12-01', '2022-01-01', '2022-02-01', '2022-03-01'].map(day));
    expect(counts(g)).toEqual([[0, 1], [0, 0], [0, 0], [0, 1]]);
    expect(g.maxTotal).toBe(1);
  });
  it('keeps a relation in the last month when the extent ends in December', () => {
    const g = histogramOf([rel('a', 'b', 'aid', '2022-11-05'), rel('a', 'b', 'aid', '2022-12-10')]);
    expect(g.monthStarts).toEqual(['2022-11-01', '2022-12-01', '2023-01-01'].map(day));
    expect(counts(g)).toEqual([[0, 1], [0, 1]]);
  });
  it('counts a standing relation once, in its first month, however far its source attests it', () => {
    const g = monthlyHistogram(buildRelationIndex(dataset(TYPES, ['a', 'b'], [rel('a', 'b', 'alliance', '2022-01-10'), rel('a', 'b', 'aid', '2022-02-01')], [source('s', '2022-04-20')]), TODAY));
    // The extent runs to the source's publication, so April has a bucket, but the alliance is counted only in January.
    expect(g.monthStarts).toEqual(['2022-01-01', '2022-02-01', '2022-03-01', '2022-04-01', '2022-05-01'].map(day));
    expect(counts(g)).toEqual([[1, 0], [0, 1], [0, 0], [0, 0]]);
  });
  it('leaves out rows of hidden modalities', () => {
    const index = buildRelationIndex(
      dataset(TYPES, ['a', 'b'], [rel('a', 'b', 'aid', '2022-01-20'), rel('a', 'b', 'aid', '2022-01-21', { modality: 'conditional' }), rel('a', 'b', 'aid', '2022-02-01', { modality: 'reported' })]),
      TODAY,
    );
    expect(counts(monthlyHistogram(index))).toEqual([[0, 2], [0, 1]]);
    const g = monthlyHistogram(index, modalityMaskOf(['asserted']));
    expect(counts(g)).toEqual([[0, 1], [0, 0]]);
    expect(g.maxTotal).toBe(1);
  });
  it('an empty dataset gives one empty bucket', () => {
    const g = histogramOf([]);
    expect(g.monthStarts).toEqual([day('2024-06-01'), day('2024-07-01')]);
    expect(counts(g)).toEqual([[0, 0]]);
    expect(g.maxTotal).toBe(0);
  });
});

describe('stackedBars', () => {
  const histogram = { monthStarts: [0, 31, 59, 90], counts: [Int32Array.from([2, 2]), Int32Array.from([0, 0]), Int32Array.from([1, 0])], maxTotal: 4 };
  const x = (day: number) => day;

  it('stacks shown types in legend order, with heights by the square root of the month total', () => {
    const bars = stackedBars(histogram, ['#111111', '#222222'], Uint8Array.from([1, 1]), 44, x);
    expect(bars.map((b) => [b.key, b.color])).toEqual([['0:0', '#111111'], ['0:1', '#222222'], ['2:0', '#111111']]);
    expect(bars[0].height + bars[1].height).toBeCloseTo(40);
    expect(bars[2].height).toBeCloseTo(20);
    expect(bars[1].y + bars[1].height).toBeCloseTo(bars[0].y);
    expect(bars[0].width).toBe(31);
  });

  it('leaves out hidden types and empty months', () => {
    const bars = stackedBars(histogram, ['#111111', '#222222'], Uint8Array.from([0, 1]), 44, x);
    expect(bars.map((b) => b.key)).toEqual(['0:1']);
    expect(bars[0].height).toBeCloseTo(40 * Math.sqrt(2) / 2);
  });
});

describe('monthlyHistogram against a per-row month count', () => {
  it('puts each of many rows, month edges and masks included, in the month of its start', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const months = ['2021-01', '2021-02', '2021-12', '2022-02', '2023-07'];
    const relations = Array.from({ length: 400 }, (_, i) => {
      const month = months[Math.floor(random() * months.length)];
      const dayOfMonth = [1, 2, 15, 28][Math.floor(random() * 4)];
      return rel(i % 3 ? 'a' : 'b', i % 3 ? 'b' : 'a', random() < 0.5 ? 'aid' : 'alliance', `${month}-${String(dayOfMonth).padStart(2, '0')}`, { modality: random() < 0.3 ? 'reported' : 'asserted' });
    });
    const index = buildRelationIndex(dataset(TYPES, ['a', 'b'], relations), TODAY);
    const modalities = modalityMaskOf(['asserted']);
    const edgeMask = Uint8Array.from({ length: index.edges.length }, (_, e) => (e % 2 ? 1 : 0));
    const h = monthlyHistogram(index, modalities, edgeMask);
    const expected = h.counts.map(() => new Array(TYPES.length).fill(0));
    for (let i = 0; i < index.relationCount; i++) {
      if (!modalities[index.modalityOf[i]] || !edgeMask[index.edgeOf[i]]) continue;
      let b = 0;
      while (h.monthStarts[b + 1] <= index.starts[i]) b++;
      expected[b][index.typeOf[i]]++;
    }
    expect(counts(h)).toEqual(expected);
    expect(expected.flat().reduce((a, b) => a + b, 0)).toBeGreaterThan(50);
    expect(h.maxTotal).toBe(Math.max(...expected.map((row) => row.reduce((a, b) => a + b, 0))));
  });
});

describe('stackedPaths', () => {
  it('draws, per shown type, the bars stackedBars gives, as one path', () => {
    const histogram = {
      monthStarts: [0, 31, 59, 90, 120],
      counts: [Int32Array.from([2, 2, 5]), Int32Array.from([0, 0, 0]), Int32Array.from([1, 0, 3]), Int32Array.from([0, 7, 1])],
      maxTotal: 9,
    };
    const colors = ['#111111', '#222222', '#333333'];
    const x = (day: number) => day * 1.37 + 0.25;
    for (const mask of [[1, 1, 1], [0, 1, 1], [1, 0, 0], [0, 0, 0]]) {
      const typeMask = Uint8Array.from(mask);
      const bars = stackedBars(histogram, colors, typeMask, 44, x, 0.5);
      const expected = colors
        .map((color, t) => ({ type: t, color, d: pathOfBars(bars.filter((b) => b.key.endsWith(`:${t}`))) }))
        .filter((p) => p.d !== '');
      expect(stackedPaths(histogram, colors, typeMask, 44, x, 0.5)).toEqual(expected);
    }
    expect(stackedPaths(histogram, colors, Uint8Array.from([1, 1, 1]), 44, x)[1].d.match(/M/g)).toHaveLength(2);
  });
});
