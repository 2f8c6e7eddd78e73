/**
 * Parses imports off the main thread, so the page keeps answering while a
 * 50 MB file is read. Cancel terminates the worker: a synchronous parse cannot
 * be interrupted any other way.
 */
import vocabulary from '../../../graph-data/relation-types.csv?raw';
import { mappingNeeded, runImport, runLoad, type Progress } from '../core/import-job';
import type { InputFile } from '../core/formats/types';
import type { ImportOutcome } from '../core/import-job';
import { todayDayNumber } from '../core/dates';
import { columnBuffers, packDataset } from '../core/relation-columns-pack';
import { relationColumnsOf } from '../core/relation-columns';
import { deflatedChunksOf } from '../core/string-store';
import type { Dataset } from '../core/model';
import { buildRelationIndex } from '../core/relation-index';
import { indexBuffers, packRelationIndex } from '../core/relation-index-pack';
import { packRollup, withRollupEdges } from '../core/rollup';
import { buildEngineLayout, engineLayoutBuffers } from '../core/filter-engine';
import { textsInFiles, type Review } from '../core/source-review';
import { packedParallelGroups } from '../render/parallel-edges';
import type { DatasetFiles } from '../core/load';
import type { ImportReply, ImportRequest, PickedFile, StoredExtras } from './import-messages';

/** When each stage of the current request ended, in ms since the epoch: posted with the result, so the page can mark them on its own clock. */
let stages: Array<[string, number]> = [];
const stageDone = (label: string) => stages.push([label, performance.timeOrigin + performance.now()]);
const post = (reply: ImportReply) => (self as unknown as Worker).postMessage(reply);

let lastProgress = 0;
function progress(p: Progress, force = false): void {
  const now = performance.now();
  if (!force && now - lastProgress < 50) return;
  lastProgress = now;
  post({ kind: 'progress', progress: p });
}

let opened: InputFile[] = [];

/** Reads the picked files chunk by chunk, reporting the bytes read. */
async function readAll(inputs: PickedFile[]): Promise<InputFile[]> {
  const totalBytes = inputs.reduce((sum, i) => sum + i.blob.size, 0);
  let bytes = 0;
  const files: InputFile[] = [];
  for (const input of inputs) {
    const out = new Uint8Array(input.blob.size);
    let offset = 0;
    const reader = input.blob.stream().getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      out.set(value, offset);
      offset += value.length;
      bytes += value.length;
      progress({ stage: 'reading', bytes, totalBytes, rows: 0 });
    }
    files.push({ path: input.path, bytes: out });
  }
  progress({ stage: 'reading', bytes, totalBytes, rows: 0 }, true);
  return files;
}

/**
 * Posts a finished outcome. A valid dataset goes as columns with its relation index, built
 * here, so that the main thread neither copies a million row objects nor indexes them.
 */
async function done(outcome: ImportOutcome, stored?: StoredExtras): Promise<void> {
  const dataset = outcome.dataset;
  // A saved dataset's files stay in IndexedDB: the app has no use for a copy of them.
  if (stored) outcome = { ...outcome, files: {}, texts: undefined };
  if (!dataset) return post({ kind: 'done', outcome, stored });
  stageDone('parsed');
  const built = buildRelationIndex(dataset, todayDayNumber());
  stageDone('indexed');
  const { index, rollup } = withRollupEdges(built);
  stageDone('rolled-up');
  const engine = buildEngineLayout(index);
  stageDone('engine-laid-out');
  const parallel = packedParallelGroups(index);
  stageDone('parallel-grouped');
  const packedDataset = packDataset(dataset);
  const packed = { dataset: packedDataset, index: packRelationIndex(index), rollup: packRollup(rollup), engine, parallel };
  const rollupBuffers = [rollup.topOf, rollup.rolledEdgeOf, rollup.keep].map((a) => a.buffer as ArrayBuffer);
  const transfer = [...new Set([...columnBuffers(packed.dataset.columns), ...indexBuffers(packed.index), ...rollupBuffers, ...engineLayoutBuffers(packed.engine), parallel.members.buffer, parallel.starts.buffer])];
  stageDone('posting');
  const textsId = ++postedDatasets;
  (self as unknown as Worker).postMessage({ kind: 'done', outcome: { ...outcome, dataset: null }, packed, stored, stages, textsId } satisfies ImportReply, transfer);
  await postDeflatedTexts(dataset, textsId);
}

/** Datasets posted so far: the id that ties a `texts-deflated` to its `done`. */
let postedDatasets = 0;

/**
 * Deflates the quotes and notes of a dataset already posted as plain bytes, and posts them for the page to swap in
 * (34 MB of UTF-8 at 10^6 generated quotes, about 5 MB deflated). After the post, not before: deflating took 1.6 s
 * of the worker at 10^6 quotes, which delayed the first frame as much. Statement ids stay plain: they are read with
 * every row object, so scans over rows would inflate chunk after chunk. Posted even when it fails, empty, so the
 * page does not keep the worker waiting for it (state/import-worker.ts ends the worker then).
 */
async function postDeflatedTexts(dataset: Dataset, id: number): Promise<void> {
  const columns = relationColumnsOf(dataset);
  let quote: (Uint8Array | null)[] = [];
  let note: (Uint8Array | null)[] = [];
  try {
    [quote, note] = await Promise.all([deflatedChunksOf(columns.quote), deflatedChunksOf(columns.note)]);
  } catch {
    quote = note = [];
  }
  const transfer = [...new Set([...quote, ...note].filter((c): c is Uint8Array => c !== null).map((c) => c.buffer as ArrayBuffer))];
  (self as unknown as Worker).postMessage({ kind: 'texts-deflated', id, quote, note, at: performance.timeOrigin + performance.now() } satisfies ImportReply, transfer);
}

interface StoredPayload {
  files: DatasetFiles;
  texts?: Record<string, string>;
  reviews?: Review[];
}

/** A saved dataset's payload, read from the app's database (state/datasets.svelte.ts writes it). */
function readStored(id: string): Promise<StoredPayload | undefined> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open('entente');
    request.onerror = () => reject(new Error(`cannot open the saved datasets (${request.error?.message})`));
    request.onsuccess = () => {
      const db = request.result;
      // Closed at once: an open connection would block the page's upgrade of a database this open has just created.
      if (!db.objectStoreNames.contains('payloads')) {
        db.close();
        return resolve(undefined);
      }
      const get = db.transaction('payloads').objectStore('payloads').get(id);
      get.onsuccess = () => {
        db.close();
        resolve(get.result as StoredPayload | undefined);
      };
      get.onerror = () => reject(new Error(`cannot read the saved dataset (${get.error?.message})`));
    };
  });
}

async function loadStored(id: string): Promise<void> {
  const payload = await readStored(id);
  stageDone('read');
  if (!payload) return post({ kind: 'failed', message: `import: no saved dataset ${id}`, missing: true });
  const stored = { texts: { ...payload.texts, ...textsInFiles(payload.files) }, reviews: payload.reviews ?? [] };
  await done(runLoad(payload.files, payload.texts, undefined, (p) => progress(p)), stored);
}

function convert(options: Parameters<typeof runImport>[1]): Promise<void> {
  return done(runImport(opened, { vocabulary, ...options }, (p) => progress(p)));
}

self.onmessage = async (event: MessageEvent<ImportRequest>) => {
  const request = event.data;
  stages = [];
  stageDone('started');
  try {
    if (request.kind === 'open') {
      opened = await readAll(request.inputs);
      const needed = mappingNeeded(opened, { vocabulary, ...request.options });
      if (needed) post({ kind: 'mapping', needed });
      else await convert(request.options);
    } else if (request.kind === 'convert') {
      await convert(request.options);
    } else if (request.kind === 'load-stored') {
      await loadStored(request.id);
    } else {
      await done(runLoad(request.files, request.texts, undefined, (p) => progress(p)));
    }
  } catch (error) {
    post({ kind: 'failed', message: `import: ${(error as Error).message}` });
  }
};
