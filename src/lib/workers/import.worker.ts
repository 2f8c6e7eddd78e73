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
import { columnBuffers, packDataset } from '../core/relation-columns';
import { buildRelationIndex, indexBuffers, packRelationIndex } from '../core/relation-index';
import { withRollupEdges } from '../core/rollup';
import { buildEngineLayout, engineLayoutBuffers } from '../core/filter-engine';
import type { ImportReply, ImportRequest, PickedFile } from './import-messages';

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
function done(outcome: ImportOutcome): void {
  const dataset = outcome.dataset;
  if (!dataset) return post({ kind: 'done', outcome });
  const { index, rollup } = withRollupEdges(buildRelationIndex(dataset, todayDayNumber()));
  const packed = { dataset: packDataset(dataset), index: packRelationIndex(index), rollup, engine: buildEngineLayout(index) };
  const rollupBuffers = [rollup.topOf, rollup.rolledEdgeOf, rollup.memberStart, rollup.members, rollup.keep].map((a) => a.buffer as ArrayBuffer);
  const transfer = [...new Set([...columnBuffers(packed.dataset.columns), ...indexBuffers(packed.index), ...rollupBuffers, ...engineLayoutBuffers(packed.engine)])];
  (self as unknown as Worker).postMessage({ kind: 'done', outcome: { ...outcome, dataset: null }, packed } satisfies ImportReply, transfer);
}

function convert(options: Parameters<typeof runImport>[1]): void {
  done(runImport(opened, { vocabulary, ...options }, (p) => progress(p)));
}

self.onmessage = async (event: MessageEvent<ImportRequest>) => {
  const request = event.data;
  try {
    if (request.kind === 'open') {
      opened = await readAll(request.inputs);
      const needed = mappingNeeded(opened, { vocabulary, ...request.options });
      if (needed) post({ kind: 'mapping', needed });
      else convert(request.options);
    } else if (request.kind === 'convert') {
      convert(request.options);
    } else {
      done(runLoad(request.files, request.texts, undefined, (p) => progress(p)));
    }
  } catch (error) {
    post({ kind: 'failed', message: `import: ${(error as Error).message}` });
  }
};
