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
import { relationColumnsOf } from '../core/relation-columns';
import { deflatedChunksOf, type StringStore } from '../core/string-store';
import { textsInFiles } from '../core/source-review';
import { decodeSnapshot, encodeSnapshot, snapshotBuffers, SnapshotError } from '../core/dataset-snapshot';
import type { StoredSnapshot } from '../state/dataset-store';
import type { ImportReply, ImportRequest, PackedAnswer, PickedFile, StoredExtras } from './import-messages';
import { packAnswer } from './packed-answer';
import { openStoredDb, readPayload, readSnapshot, writeSnapshot } from './stored-dataset';

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

/** What a valid dataset's `done` carries, and so what its snapshot holds. */
interface Answer {
  outcome: ImportOutcome;
  packed: PackedAnswer;
  stored?: StoredExtras;
}

/**
 * Posts a finished outcome. A valid dataset goes as columns with its relation index, built
 * here, so that the main thread neither copies a million row objects nor indexes them.
 * `beforePost` sees the answer before its buffers are transferred (to store it as a snapshot); the deflated texts
 * wait for what it returns, since the page ends the worker once they are in.
 */
async function done(outcome: ImportOutcome, stored?: StoredExtras, beforePost?: (answer: Answer, today: number) => Promise<unknown>): Promise<void> {
  const dataset = outcome.dataset;
  // A saved dataset's files stay in IndexedDB: the app has no use for a copy of them.
  if (stored) outcome = { ...outcome, files: {}, texts: undefined };
  if (!dataset) return post({ kind: 'done', outcome, stored });
  stageDone('parsed');
  const today = todayDayNumber();
  const { packed, transfer } = packAnswer(dataset, today, stageDone);
  const answer = { outcome: { ...outcome, dataset: null }, packed, stored };
  const kept = beforePost?.(answer, today);
  stageDone('posting');
  const textsId = ++postedDatasets;
  (self as unknown as Worker).postMessage({ kind: 'done', ...answer, stages, textsId } satisfies ImportReply, transfer);
  const columns = relationColumnsOf(dataset);
  await postDeflatedTexts(columns.quote, columns.note, textsId, kept);
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
async function postDeflatedTexts(quoteStore: StringStore, noteStore: StringStore, id: number, after?: Promise<unknown>): Promise<void> {
  let quote: (Uint8Array | null)[] = [];
  let note: (Uint8Array | null)[] = [];
  try {
    [quote, note] = await Promise.all([deflatedChunksOf(quoteStore), deflatedChunksOf(noteStore)]);
  } catch {
    quote = note = [];
  }
  await after;
  const transfer = [...new Set([...quote, ...note].filter((c): c is Uint8Array => c !== null).map((c) => c.buffer as ArrayBuffer))];
  (self as unknown as Worker).postMessage({ kind: 'texts-deflated', id, quote, note, at: performance.timeOrigin + performance.now() } satisfies ImportReply, transfer);
}

/** A store's chunks copied, to deflate after the store itself has been transferred. */
const chunksCopied = (store: StringStore): StringStore => ({ count: store.count, offsets: null, chunks: store.chunks.map((c) => (typeof c === 'string' ? c : c.slice())) });

/**
 * Answers `load-stored` from the dataset's snapshot: what was posted the last time its payload was parsed and
 * validated. False, with nothing posted, when the snapshot cannot be read back (another format version, another
 * day, cut short): the caller parses then.
 */
async function answerFromSnapshot(snapshot: StoredSnapshot): Promise<boolean> {
  let answer: Answer;
  let texts: [StringStore, StringStore];
  try {
    answer = decodeSnapshot<Answer>(snapshot, todayDayNumber());
    const columns = answer.packed?.dataset?.columns;
    if (answer.outcome?.ok !== true || !columns?.quote || !columns.note) throw new SnapshotError('no valid dataset in it');
    texts = [chunksCopied(columns.quote), chunksCopied(columns.note)];
  } catch (error) {
    stageDone('snapshot-rejected');
    console.info(`import: parsing the saved dataset again (${(error as Error).message})`);
    return false;
  }
  stageDone('from-snapshot');
  const textsId = ++postedDatasets;
  (self as unknown as Worker).postMessage({ kind: 'done', ...answer, stages, textsId } satisfies ImportReply, snapshotBuffers(snapshot));
  await postDeflatedTexts(...texts, textsId);
  return true;
}

/**
 * Opens a saved dataset: from its snapshot when there is a current one, else by parsing and validating its payload
 * (the source of truth), after which what is posted is stored as its snapshot for the next load.
 */
async function loadStored(id: string): Promise<void> {
  const db = await openStoredDb();
  try {
    const snapshot = await readSnapshot(db, id).catch(() => undefined);
    if (snapshot) {
      stageDone('snapshot-read');
      if (await answerFromSnapshot(snapshot)) return;
    }
    const { payload, stamp } = await readPayload(db, id);
    stageDone('read');
    if (!payload) return post({ kind: 'failed', message: `import: no saved dataset ${id}`, missing: true });
    const stored = { texts: { ...payload.texts, ...textsInFiles(payload.files) }, reviews: payload.reviews ?? [] };
    // Cloned into the write at once, before the post transfers the buffers; a snapshot that cannot be stored (the quota)
    // only means parsing again next time, so its outcome is not reported.
    const keep = (answer: Answer, today: number) => {
      const written = writeSnapshot(db, id, stamp, encodeSnapshot(answer, today));
      stageDone('snapshot-queued');
      return written;
    };
    await done(runLoad(payload.files, payload.texts, undefined, (p) => progress(p)), stored, keep);
  } finally {
    // Waits for the snapshot's write: close lets running transactions finish.
    db.close();
  }
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
