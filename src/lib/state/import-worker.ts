/** The app's side of the import worker: one request at a time, progress as it comes, Cancel by terminating. */
import type { Progress } from '../core/import-job';
import { unpackDataset } from '../core/relation-columns-pack';
import type { RelationIndex } from '../core/relation-index';
import { unpackRelationIndex } from '../core/relation-index-pack';
import type { Dataset } from '../core/model';
import { withRollupMembers, type Rollup } from '../core/rollup';
import type { EngineLayout } from '../core/filter-engine';
import type { ImportReply, ImportRequest } from '../workers/import-messages';
import type { PackedDataset } from '../core/relation-columns-pack';
import { swapInDeflated } from '../core/string-store';
import { rememberParallelGroups } from '../render/parallel-edges';

type Answer = Exclude<ImportReply, { kind: 'progress' } | { kind: 'texts-deflated' }>;
type DeflatedTexts = Extract<ImportReply, { kind: 'texts-deflated' }>;

/** Index, roll-up and engine layout the worker built for a dataset it posted, for the explorer when it installs the dataset (as often as it does). */
export interface PreparedIndex {
  index: RelationIndex;
  rollup: Rollup;
  engine: EngineLayout;
}

const prepared = new WeakMap<Dataset, PreparedIndex>();

export function preparedIndexOf(dataset: Dataset): PreparedIndex | null {
  return prepared.get(dataset) ?? null;
}

export class ImportWorker {
  private worker: Worker | null = null;
  private pending: { resolve: (answer: Answer) => void; reject: (error: Error) => void } | null = null;
  /** The last dataset posted whose deflated texts are still to come, by the id they will come with. */
  private awaitingTexts: { id: number; columns: PackedDataset['columns'] } | null = null;
  /** release() was called while texts were still to come: the worker ends once they have. */
  private releaseAfterTexts = false;

  constructor(private onProgress: (p: Progress) => void) {}

  /** Sends a request and resolves with the worker's answer (mapping needed, done, or failed). */
  send(request: ImportRequest): Promise<Answer> {
    this.releaseAfterTexts = false;
    this.pending?.reject(new Error('import: superseded by a newer request'));
    const worker = (this.worker ??= this.spawn());
    return new Promise<Answer>((resolve, reject) => {
      this.pending = { resolve, reject };
      worker.postMessage(request);
    });
  }

  /** Stops whatever the worker is doing; the pending request rejects with "cancelled". */
  cancel(): void {
    this.awaitingTexts = null;
    this.worker?.terminate();
    this.worker = null;
    const pending = this.pending;
    this.pending = null;
    pending?.reject(new CancelledError());
  }

  /**
   * Ends the worker when it has nothing to do: a saved dataset's load leaves nothing the next request needs, and the
   * worker's heap still held what it parsed and indexed (a million rows' worth). The next request spawns a new one.
   */
  release(): void {
    if (this.pending) return;
    // Ending it now would lose the deflated texts on their way (the dataset stays as plain bytes, 30 MB more at 10^6 quotes).
    if (this.awaitingTexts) {
      this.releaseAfterTexts = true;
      return;
    }
    this.worker?.terminate();
    this.worker = null;
  }

  /** Swaps the deflated quote and note chunks into the dataset they belong to, if it is still the last one posted. */
  private takeTexts(reply: DeflatedTexts): void {
    const awaiting = this.awaitingTexts;
    if (awaiting?.id !== reply.id) return;
    this.awaitingTexts = null;
    swapInDeflated(awaiting.columns.quote, reply.quote);
    swapInDeflated(awaiting.columns.note, reply.note);
    performance.mark('import:texts-deflated', { startTime: Math.max(0, reply.at - performance.timeOrigin) });
    performance.mark('import:texts-deflated-applied');
    if (this.releaseAfterTexts) {
      this.releaseAfterTexts = false;
      this.release();
    }
  }

  private spawn(): Worker {
    const worker = new Worker(new URL('../workers/import.worker.ts', import.meta.url), { type: 'module', name: 'entente-import' });
    worker.onmessage = (event: MessageEvent<ImportReply>) => {
      const reply = event.data;
      if (reply.kind === 'progress') return this.onProgress(reply.progress);
      if (reply.kind === 'texts-deflated') return this.takeTexts(reply);
      if (reply.kind === 'done') {
        markStages(reply.stages ?? []);
        this.awaitingTexts = reply.packed && reply.textsId !== undefined ? { id: reply.textsId, columns: reply.packed.dataset.columns } : null;
        // For the load bench: this build's heap is to be read once texts-deflated-applied follows.
        if (this.awaitingTexts) performance.mark('import:texts-awaited');
      }
      // Taken up in a task of its own: this one has just deserialized a million rows' buffers and strings (60-80
      // ms), and installing the dataset (whole-period counts, the panels' first effects) made it a long one.
      const pending = this.pending;
      this.pending = null;
      setTimeout(() => pending?.resolve(unpacked(reply)), 0);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      const pending = this.pending;
      this.pending = null;
      this.awaitingTexts = null;
      this.worker?.terminate();
      this.worker = null;
      pending?.resolve({ kind: 'failed', message: `import: the parser stopped (${event.message || 'out of memory?'})` });
    };
    return worker;
  }
}

/** The reply with its dataset unpacked, and the index, roll-up and engine layout the worker built kept for it: installing it does none again. */
function unpacked(reply: Answer): Answer {
  if (reply.kind === 'done' && reply.packed) {
    const dataset = unpackDataset(reply.packed.dataset);
    const index = unpackRelationIndex(reply.packed.index, dataset);
    rememberParallelGroups(index, reply.packed.parallel);
    prepared.set(dataset, { index, rollup: withRollupMembers(reply.packed.rollup), engine: reply.packed.engine });
    reply.outcome.dataset = dataset;
    performance.mark('import:unpacked');
  }
  return reply;
}

export class CancelledError extends Error {
  constructor() {
    super('import: cancelled');
  }
}

/** The worker's stages as marks on the page's timeline (performance.getEntriesByType('mark')), for the load bench and the devtools. */
function markStages(stages: Array<[string, number]>): void {
  for (const [label, at] of stages) performance.mark(`import:${label}`, { startTime: Math.max(0, at - performance.timeOrigin) });
  performance.mark('import:received');
}
