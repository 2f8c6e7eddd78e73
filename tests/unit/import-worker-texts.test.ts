import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadDataset } from '../../src/lib/core/load';
import { packDataset } from '../../src/lib/core/relation-columns-pack';
import { relationColumnsOf } from '../../src/lib/core/relation-columns';
import { buildRelationIndex } from '../../src/lib/core/relation-index';
import { packRelationIndex } from '../../src/lib/core/relation-index-pack';
import { packRollup, withRollupEdges } from '../../src/lib/core/rollup';
import { buildEngineLayout } from '../../src/lib/core/filter-engine';
import { deflatedChunksOf } from '../../src/lib/core/string-store';
import { packedParallelGroups } from '../../src/lib/render/parallel-edges';
import { ImportWorker } from '../../src/lib/state/import-worker';
import type { ImportReply } from '../../src/lib/workers/import-messages';
import { datasetToFiles, generateDataset } from '../../bench/generate';

/** Stands in for the import worker: records what the page asks, answers what a test posts. */
class FakeWorker {
  static last: FakeWorker | null = null;
  onmessage: ((event: MessageEvent<ImportReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  requests: unknown[] = [];
  constructor() {
    FakeWorker.last = this;
  }
  postMessage(request: unknown): void {
    this.requests.push(request);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(reply: ImportReply): void {
    this.onmessage?.({ data: structuredClone(reply) } as MessageEvent<ImportReply>);
  }
}

/** A dataset as the worker's `done` posts it, plain, and the deflated texts it posts after. */
async function posted(textsId: number) {
  const loaded = loadDataset(datasetToFiles(generateDataset(2500)));
  if (!loaded.ok) throw new Error(loaded.issues[0].message);
  const expected = loaded.dataset.relations.map((r) => ({ ...r }));
  const built = buildRelationIndex(loaded.dataset, 20000);
  const { index, rollup } = withRollupEdges(built);
  const packed = { dataset: packDataset(loaded.dataset), index: packRelationIndex(index), rollup: packRollup(rollup), engine: buildEngineLayout(index), parallel: packedParallelGroups(index) };
  const own = relationColumnsOf(loaded.dataset);
  const texts: ImportReply = { kind: 'texts-deflated', id: textsId, quote: await deflatedChunksOf(own.quote), note: await deflatedChunksOf(own.note), at: Date.now() };
  const done: ImportReply = { kind: 'done', outcome: { ok: true, dataset: null, issues: [], files: {}, storedChars: 0 } as never, packed, stages: [], textsId };
  return { done, texts, expected };
}

afterEach(() => vi.unstubAllGlobals());

describe('import worker: deflated texts after the dataset', () => {
  it('is not ended by release() before the deflated texts came, which are swapped into the dataset shown', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const importer = new ImportWorker(() => {});
    const answer = importer.send({ kind: 'load-stored', id: 'x' });
    const worker = FakeWorker.last!;
    const { done, texts, expected } = await posted(1);
    worker.reply(done);
    const reply = await answer;
    if (reply.kind !== 'done') throw new Error('not done');
    const rows = reply.outcome.dataset!.relations;
    const columns = relationColumnsOf(reply.outcome.dataset!);
    expect(columns.quote.deflated).toBeUndefined();
    expect(performance.getEntriesByName('import:texts-awaited').length).toBeGreaterThan(0);
    // Reads before the texts came.
    expect({ ...rows[7] }).toEqual(expected[7]);
    importer.release();
    expect(worker.terminated).toBe(false);
    worker.reply(texts);
    expect(columns.quote.deflated).toBe(true);
    expect(columns.note.deflated).toBe(true);
    expect(worker.terminated).toBe(true);
    expect(performance.getEntriesByName('import:texts-deflated-applied').length).toBeGreaterThan(0);
    expect(rows.map((r) => ({ ...r }))).toEqual(expected);
  });

  it('swaps nothing into a dataset the texts are not of, and ends at once when nothing is to come', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const importer = new ImportWorker(() => {});
    const answer = importer.send({ kind: 'load-stored', id: 'x' });
    const worker = FakeWorker.last!;
    const { done, texts } = await posted(2);
    worker.reply(done);
    const reply = await answer;
    if (reply.kind !== 'done') throw new Error('not done');
    const columns = relationColumnsOf(reply.outcome.dataset!);
    worker.reply({ ...texts, id: 1 } as ImportReply);
    expect(columns.quote.deflated).toBeUndefined();
    worker.reply(texts);
    expect(columns.quote.deflated).toBe(true);
    importer.release();
    expect(worker.terminated).toBe(true);
  });
});
