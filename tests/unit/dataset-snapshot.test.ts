/**
 * The snapshot a saved dataset reloads from (core/dataset-snapshot.ts): through a structured clone, as IndexedDB
 * stores it, it gives back exactly what the import worker posted after parsing; one of another format version,
 * another day or with an array cut short is refused with a `dataset-snapshot:` error, so the worker parses again.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeSnapshot, encodeSnapshot, SNAPSHOT_FORMAT } from '../../src/lib/core/dataset-snapshot';
import { runLoad } from '../../src/lib/core/import-job';
import type { DatasetFiles } from '../../src/lib/core/load';
import { packAnswer } from '../../src/lib/workers/packed-answer';
import { readGraphDataFolder } from '../../scripts/read-graph-data';
import { BENCH_TODAY, datasetToFiles, generateDataset } from '../../bench/generate';

const here = (path: string) => resolve(dirname(fileURLToPath(import.meta.url)), path);

/** What the worker posts for a saved dataset's files: outcome without files or dataset, and the packed answer. */
function answerOf(files: DatasetFiles) {
  const outcome = runLoad(files, undefined, () => 0);
  expect(outcome.ok).toBe(true);
  const { packed } = packAnswer(outcome.dataset!, BENCH_TODAY);
  return { outcome: { ...outcome, dataset: null, files: {}, texts: undefined }, packed, stored: { texts: {}, reviews: [] } };
}

const bundled = answerOf(readGraphDataFolder(here('../../graph-data')) as DatasetFiles);
const generated = answerOf(datasetToFiles(generateDataset(5_000, 7)) as DatasetFiles);

describe('a dataset snapshot', () => {
  for (const [name, answer] of [['the bundled dataset', bundled], ['a generated dataset', generated]] as const) {
    it(`gives back what was posted for ${name}, through a structured clone`, () => {
      const stored = structuredClone(encodeSnapshot(answer, BENCH_TODAY));
      const decoded = decodeSnapshot<typeof answer>(stored, BENCH_TODAY);
      expect(decoded).toEqual(answer);
      expect(decoded.packed.dataset.columns.count).toBe(answer.packed.dataset.columns.count);
      expect(decoded.packed.index.edgeRows).toBeInstanceOf(Int32Array);
    });
  }

  it('keeps arrays that shared a buffer sharing one (the index ends written into the columns)', () => {
    const { packed } = generated;
    const shared = packed.index.ends.buffer === packed.dataset.columns.endDateEnd.buffer;
    const decoded = decodeSnapshot<typeof generated>(structuredClone(encodeSnapshot(generated, BENCH_TODAY)), BENCH_TODAY);
    expect(decoded.packed.index.ends.buffer === decoded.packed.dataset.columns.endDateEnd.buffer).toBe(shared);
  });

  it('is refused when written by another format version', () => {
    const stored = structuredClone(encodeSnapshot(bundled, BENCH_TODAY));
    stored.header.format = SNAPSHOT_FORMAT + 1;
    expect(() => decodeSnapshot(stored, BENCH_TODAY)).toThrow(/^dataset-snapshot: format/);
  });

  it('is refused on another day: the index carried standing relations forward to the day it was built', () => {
    expect(() => decodeSnapshot(structuredClone(encodeSnapshot(bundled, BENCH_TODAY)), BENCH_TODAY + 1)).toThrow(/^dataset-snapshot: indexed for day/);
  });

  it('is refused when an array was cut short, or is missing', () => {
    const stored = structuredClone(encodeSnapshot(generated, BENCH_TODAY));
    const longest = stored.arrays.reduce((best, a, i) => (a.length > stored.arrays[best].length ? i : best), 0);
    const cut = stored.arrays[longest] as Int32Array;
    stored.arrays[longest] = cut.subarray(0, cut.length - 1);
    expect(() => decodeSnapshot(stored, BENCH_TODAY)).toThrow(/^dataset-snapshot: array \d+ .* truncated/);
    stored.arrays.pop();
    expect(() => decodeSnapshot(stored, BENCH_TODAY)).toThrow(/^dataset-snapshot: /);
  });

  it('is refused when it is not a snapshot at all', () => {
    expect(() => decodeSnapshot(undefined, BENCH_TODAY)).toThrow('dataset-snapshot: not a dataset snapshot');
    expect(() => decodeSnapshot({ files: {} }, BENCH_TODAY)).toThrow('dataset-snapshot: not a dataset snapshot');
  });
});
