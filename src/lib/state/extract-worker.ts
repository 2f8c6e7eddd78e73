/** The app's side of the extraction worker: requests by id, only the actors and types of the dataset sent along. */
import type { Dataset } from '../core/model';
import type { ExtractMessage, ExtractReply } from '../workers/extract-messages';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Only what the extractor reads: a large dataset's rows never cross to the worker. */
function namesOf(dataset: Dataset) {
  return { actors: dataset.actors.map((a) => ({ ...a, aliases: [...a.aliases] })), types: dataset.types.map((t) => ({ ...t })) };
}

export type ExtractDone = Extract<ExtractReply, { kind: 'done' }>;
type Reply = ExtractDone | Extract<ExtractReply, { kind: 'warmed' }>;

/** A worker that that dies fails its requests and is started again next time. */
export class ExtractClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending = new Map<number, { resolve: (reply: Reply) => void; reject: (error: Error) => void }>();

  run(text: string, published: string, dataset: Dataset): Promise<ExtractDone> {
    return this.send({ kind: 'extract', text, published, ...namesOf(dataset) }) as Promise<ExtractDone>;
  }

  /** Loads the model and builds this dataset's names ahead of the first article; resolves when the assistant is ready. */
  async warm(dataset: Dataset): Promise<void> {
    await this.send({ kind: 'warm', ...namesOf(dataset) });
  }

  private send(message: DistributiveOmit<ExtractMessage, 'id'>): Promise<Reply> {
    const worker = (this.worker ??= this.spawn());
    const id = this.nextId++;
    return new Promise<Reply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...message, id });
    });
  }

  private spawn(): Worker {
    const worker = new Worker(new URL('../workers/extract.worker.ts', import.meta.url), { type: 'module', name: 'entente-extract' });
    worker.onmessage = (event: MessageEvent<ExtractReply>) => {
      const reply = event.data;
      const pending = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (reply.kind !== 'failed') pending?.resolve(reply);
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

