/** What the relation index and the engine layout share or leave out to hold less memory, and that results stay the same. */
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/lib/core/load';
import { relationAt, relationColumnsOf } from '../../src/lib/core/relation-columns';
import { columnBuffers, packDataset, unpackDataset } from '../../src/lib/core/relation-columns-pack';
import { buildRelationIndex } from '../../src/lib/core/relation-index';
import { indexBuffers, packRelationIndex, unpackRelationIndex } from '../../src/lib/core/relation-index-pack';
import { buildEngineLayout } from '../../src/lib/core/engine-layout';
import { headsBefore } from '../../src/lib/core/head-bits';
import { asOffsets } from '../../src/lib/core/span-layout';
import { packRollup, rolledEdgeRows, withRollupEdges, withRollupMembers } from '../../src/lib/core/rollup';
import { BENCH_TODAY, datasetToFiles, generateDataset } from '../../bench/generate';

function loaded() {
  const result = loadDataset(datasetToFiles(generateDataset(3000, 11)));
  if (!result.ok) throw new Error(result.issues[0].message);
  return result.dataset;
}

describe('relation index memory', () => {
  it('writes its ends into the columns once, and a second index of the same columns into an array of its own', () => {
    const dataset = loaded();
    const columns = relationColumnsOf(dataset);
    const rowsBefore = dataset.relations.map((_, i) => relationAt(columns, i));
    const first = buildRelationIndex(dataset, BENCH_TODAY);
    expect(first.ends.buffer).toBe(columns.endDateEnd.buffer);
    // Rows read back exactly as before: the slots written are those of rows without an end date.
    expect(dataset.relations.map((_, i) => relationAt(columns, i))).toEqual(rowsBefore);
    const firstEnds = Array.from(first.ends);
    // Other sources' publication dates end standing rows elsewhere: the first index must not see them.
    const later = { ...dataset, sources: dataset.sources.map((s) => ({ ...s, published: '2030-01-01' })) };
    const second = buildRelationIndex(later, BENCH_TODAY);
    expect(second.ends.buffer).not.toBe(columns.endDateEnd.buffer);
    expect(Array.from(second.ends)).not.toEqual(firstEnds);
    expect(Array.from(first.ends)).toEqual(firstEnds);
  });

  it('works out carriedEnds when first read, and neither posts them nor works them out to post', () => {
    const dataset = loaded();
    const index = buildRelationIndex(dataset, BENCH_TODAY);
    expect(Object.getOwnPropertyDescriptor(index, 'carriedEnds')?.get).toBeTypeOf('function');
    const packed = packRelationIndex(index);
    expect('carriedEnds' in packed).toBe(false);
    expect(Object.getOwnPropertyDescriptor(index, 'carriedEnds')?.get).toBeTypeOf('function');
    expect(indexBuffers(packed)).not.toContain(undefined);
    // The carried ends of a plain build (rows as objects, numbered afresh), for reference.
    const reference = Array.from(buildRelationIndex({ ...dataset, relations: dataset.relations.map((r) => ({ ...r })) }, BENCH_TODAY).carriedEnds);
    const message = { dataset: packDataset(dataset), index: packed };
    const arrived = structuredClone(message, { transfer: [...new Set([...columnBuffers(message.dataset.columns), ...indexBuffers(message.index)])] });
    const unpacked = unpackRelationIndex(arrived.index, unpackDataset(arrived.dataset));
    expect(unpacked.ends.buffer).toBe(relationColumnsOf(unpacked.dataset).endDateEnd.buffer);
    expect(Array.from(unpacked.carriedEnds)).toEqual(reference);
    expect(unpacked.carriedEnds).toBe(unpacked.carriedEnds);
    // Some rows are carried past their attested end, so the comparison above can fail.
    expect(reference.some((end, i) => end > unpacked.ends[i])).toBe(true);
  });

  it('keeps the actors of each row of the engine layout in 16 bits when they fit', () => {
    const index = buildRelationIndex(loaded(), BENCH_TODAY);
    const groups = buildEngineLayout(index).attested.kinds.flatMap((kind) => kind.groups);
    expect(groups.length).toBeGreaterThan(0);
    for (const group of groups) {
      expect(group.sources).toBeInstanceOf(Uint16Array);
      expect(Array.from(group.sources)).toEqual(Array.from(group.edges, (e) => index.edgeSourceIndex[e + group.edgeBase]));
      expect(Array.from(group.targets)).toEqual(Array.from(group.edges, (e) => index.edgeTargetIndex[e + group.edgeBase]));
    }
  });

  it('posts a roll-up without the edges rolled into each edge, and works them out the same on arrival', () => {
    const { index, rollup } = withRollupEdges(buildRelationIndex(loaded(), BENCH_TODAY));
    expect(rollup.changesAnything).toBe(true);
    const packed = packRollup(rollup);
    expect('memberStart' in packed || 'members' in packed).toBe(false);
    const arrived = withRollupMembers(structuredClone(packed));
    expect(Array.from(arrived.memberStart)).toEqual(Array.from(rollup.memberStart));
    expect(Array.from(arrived.members)).toEqual(Array.from(rollup.members));
    // Every own edge kept in the rolled-up view is a member of the edge it rolls into.
    expect(arrived.members.length).toBe(Array.from(rollup.rolledEdgeOf).filter((r) => r >= 0).length);
    const rolled = rollup.rolledEdgeOf.findIndex((r, e) => r >= 0 && r !== e);
    expect(rolled).toBeGreaterThanOrEqual(0);
    expect(rolledEdgeRows(index, arrived, rollup.rolledEdgeOf[rolled])).toEqual(rolledEdgeRows(index, rollup, rollup.rolledEdgeOf[rolled]));
    expect(rolledEdgeRows(index, arrived, rollup.rolledEdgeOf[rolled])).toContain(index.edgeRelations[rolled][0]);
  });

  it('keeps the statement heads of the engine layout in a quarter of a byte a row, and no statement column', () => {
    const index = buildRelationIndex(loaded(), BENCH_TODAY);
    const { kinds } = buildEngineLayout(index).attested;
    const groups = kinds.flatMap((kind) => kind.groups);
    expect(groups.length).toBeGreaterThan(0);
    for (const group of groups) {
      const n = group.rows.length;
      expect(group.heads.bits.byteLength + group.heads.before.byteLength).toBeLessThanOrEqual(n / 4 + 12);
      expect('statements' in group || 'roles' in group).toBe(false);
    }
    // Each statement has at most one head, in one group.
    const heads = groups.reduce((sum, g) => sum + headsBefore(g.heads, g.rows.length), 0);
    expect(heads).toBeGreaterThan(0);
    expect(heads).toBeLessThanOrEqual(index.statementCount);
    expect(kinds.reduce((sum, kind) => sum + kind.heads, 0)).toBe(heads);
  });

  it('keeps engine layout columns as 16-bit offsets from their least when they fit, 32-bit past 65,535, and none for no rows', () => {
    const seen: [number, ArrayLike<number>[]][] = [];
    const keep = (base: number, columns: ArrayLike<number>[]) => seen.push([base, columns]);
    asOffsets([Int32Array.of(70_000, 70_005), Int32Array.of(135_535)], keep);
    asOffsets([Int32Array.of(70_000, 135_536)], keep);
    asOffsets([new Int32Array(0)], keep);
    expect(seen[0][0]).toBe(70_000);
    expect(seen[0][1][0]).toBeInstanceOf(Uint16Array);
    expect(seen[0][1].map((c) => Array.from(c))).toEqual([[0, 5], [65_535]]);
    expect(seen[1][1][0]).toBeInstanceOf(Int32Array);
    expect(Array.from(seen[1][1][0])).toEqual([0, 65_536]);
    expect(seen[2][0]).toBe(0);
    expect(seen[2][1][0].length).toBe(0);
  });
});
