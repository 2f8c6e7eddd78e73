/**
 * Parses imports off the main thread, so the page keeps answering while a
 * 50 MB file is read. Cancel terminates the worker: a synchronous parse cannot
 * be interrupted any other way.
 */
import vocabulary from '../../../graph-data/relation-types.csv?raw';
import { mappingNeeded, runImport, runLoad, type Progress } from '../core/import-job';
import type { InputFile } from '../core/formats/types';
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

function convert(options: Parameters<typeof runImport>[1]): void {
  const outcome = runImport(opened, { vocabulary, ...options }, (p) => progress(p));
  post({ kind: 'done', outcome });
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
      post({ kind: 'done', outcome: runLoad(request.files, request.texts) });
    }
  } catch (error) {
    post({ kind: 'failed', message: `import: ${(error as Error).message}` });
  }
};
