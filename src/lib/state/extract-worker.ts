/** The app's side of the extraction worker: requests by id, only the actors and types of the dataset sent along. */
import type { Dataset } from '../core/model';
import type { ExtractReply } from '../workers/extract-messages';

export type ExtractDone = Extract<ExtractReply, { kind: 'done' }>;

/** A worker that that dies fails its requests and is started again next time. */
export class ExtractClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending = new Map<number, { resolve: (done: ExtractDone) => void; reject: (error: Error) => void }>();

  run(text: string, published: string, dataset: Dataset): Promise<ExtractDone> {
    const worker = (this.worker ??= this.spawn());
    const id = this.nextId++;
    // only what the extractor reads: a large dataset's rows never cross to the worker
    const actors = dataset.actors.map((a) => ({ ...a, aliases: [...a.aliases] }));
    const types = dataset.types.map((t) => ({ ...t }));
    return new Promise<ExtractDone>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ kind: 'extract', id, text, published, actors, types });
    });
  }

  private spawn(): Worker {
    const worker = new Worker(new URL('../workers/extract.worker.ts', import.meta.url), { type: 'module', name: 'entente-extract' });
    worker.onmessage = (event: MessageEvent<ExtractReply>) => {
      const reply = event.data;
      const pending = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (reply.kind === 'done') pending?.resolve(reply);
      else pending?.reject(new Error(reply.message));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      for (const p of this.pending.values()) p.reject(new Error(`extract: the assistant stopped (${event.message || 'out of memory?'})`));
      this.pending.clear();
      worker.terminate();
      this.worker = null;
    };
    return worker;
  }
}

