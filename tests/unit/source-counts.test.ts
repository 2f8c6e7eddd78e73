/** SourceCounts against the full count, over a run of views on one index and then another index. */
import { describe, expect, it } from 'vitest';
import { SourceCounts } from '../../src/lib/core/source-counts';
import { countsBySource } from '../../src/lib/core/view-filters';
import type { RelationIndex } from '../../src/lib/core/relation-index';

/** An index with just the columns the counts read: `rows` rows over `sources` sources. */
function indexOf(rows: number, sources: number, seed: number): RelationIndex {
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const source = Int32Array.from({ length: rows }, () => Math.floor(next() * sources));
  return { columns: { source, sourceIds: Array.from({ length: sources }, (_, s) => `s${s}`) } } as unknown as RelationIndex;
}

describe('SourceCounts', () => {
  it('gives what counting every row gives, view after view, whatever changed and by how much', () => {
    const counter = new SourceCounts();
    let state = 7;
    const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    // 1,001 rows: not a whole number of words, so the tail rows are counted one by one.
    for (const index of [indexOf(1001, 13, 1), indexOf(1001, 5, 2), indexOf(37, 3, 3)]) {
      const rows = index.columns.source.length;
      for (let view = 0; view < 30; view++) {
        const share = view % 3 === 0 ? 0.02 : next();
        // Values other than 1 count as visible, as the masks' nonzero bytes do.
        const visible = Uint8Array.from({ length: rows }, () => (next() < share ? (view % 5 === 0 ? 3 : 1) : 0));
        expect(counter.count(index, visible)).toEqual(countsBySource(index, visible));
      }
    }
  });

  it('reads a visibility that does not start on a whole word', () => {
    const index = indexOf(50, 4, 9);
    const counter = new SourceCounts();
    const backing = new Uint8Array(51);
    for (let i = 1; i < 51; i += 3) backing[i] = 1;
    const visible = backing.subarray(1);
    expect(counter.count(index, visible)).toEqual(countsBySource(index, visible));
  });
});
