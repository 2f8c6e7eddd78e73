/**
 * The "Open data…" flow: files in, a worker parses them (with progress and
 * Cancel), a mapping step for flat tables, a preview of what was recognised
 * and every problem, and only on the user's confirmation does the new dataset
 * replace the view. Until then the current dataset stays as it was.
 */
import type { ImportOutcome, MappingNeeded, Progress } from '../core/import-job';
import type { EdgeListMapping } from '../core/formats/types';
import type { PickedFile } from '../workers/import-messages';
import { datasets, StorageError } from './datasets.svelte';
import { CancelledError, ImportWorker } from './import-worker';

export type ImportPhase = 'closed' | 'choose' | 'reading' | 'mapping' | 'parsing' | 'preview' | 'saving';

export class Importer {
  phase = $state<ImportPhase>('closed');
  progress = $state.raw<Progress | null>(null);
  mappingNeeded = $state.raw<MappingNeeded | null>(null);
  outcome = $state.raw<ImportOutcome | null>(null);
  /** What the user opened, for the dialog title and the default dataset name. */
  inputLabel = $state('');
  name = $state('');
  error = $state<string | null>(null);
  /** A save refused for storage reasons; the user may still open the dataset unsaved. */
  saveError = $state<string | null>(null);
  private lastMapping: EdgeListMapping | null = null;

  private worker = new ImportWorker((p) => (this.progress = p));

  readonly busy = $derived(this.phase === 'reading' || this.phase === 'parsing' || this.phase === 'saving');

  open(): void {
    this.reset();
    this.phase = 'choose';
  }

  close(): void {
    if (this.busy) this.worker.cancel();
    this.reset();
    this.phase = 'closed';
  }

  /** Starts reading files the user picked or dropped. */
  async start(inputs: PickedFile[]): Promise<void> {
    if (inputs.length === 0) return;
    this.reset();
    this.inputLabel = labelOf(inputs);
    this.name = defaultName(inputs);
    this.phase = 'reading';
    this.progress = { stage: 'reading', bytes: 0, totalBytes: inputs.reduce((s, i) => s + i.blob.size, 0), rows: 0 };
    await this.answer(() => this.worker.send({ kind: 'open', inputs: inputs.map(({ path, blob }) => ({ path, blob })), options: {} }));
  }

  /** Converts the opened table with the mapping the user set. */
  async applyMapping(mapping: EdgeListMapping): Promise<void> {
    this.lastMapping = mapping;
    this.phase = 'parsing';
    this.outcome = null;
    this.progress = { stage: 'parsing', bytes: 0, totalBytes: this.progress?.totalBytes ?? 0, rows: 0 };
    await this.answer(() => this.worker.send({ kind: 'convert', options: { mapping, format: this.mappingNeeded?.format } }));
  }

  /** Back from the preview to the mapping, to fix a column choice. */
  backToMapping(): void {
    if (this.mappingNeeded) {
      this.outcome = null;
      this.phase = 'mapping';
    }
  }

  get mappingInUse(): EdgeListMapping | null {
    return this.lastMapping;
  }

  cancel(): void {
    this.worker.cancel();
  }

  /** Saves the previewed dataset and shows it; on a storage failure, nothing changes and the reason is shown. */
  async confirm(save = true): Promise<void> {
    const outcome = this.outcome;
    if (!outcome?.ok || !outcome.dataset) return;
    this.phase = 'saving';
    this.saveError = null;
    try {
      const entry = save ? await datasets.save(outcome, this.name.trim() || 'Imported dataset') : null;
      datasets.show(outcome, entry);
      this.close();
    } catch (error) {
      this.phase = 'preview';
      this.saveError = error instanceof StorageError ? error.message : `Not saved: ${(error as Error).message}`;
    }
  }

  private async answer(send: () => ReturnType<ImportWorker['send']>): Promise<void> {
    try {
      const answer = await send();
      if (answer.kind === 'failed') {
        this.error = answer.message;
        this.phase = 'choose';
      } else if (answer.kind === 'mapping') {
        this.mappingNeeded = answer.needed;
        this.phase = 'mapping';
      } else {
        this.outcome = answer.outcome;
        this.phase = 'preview';
      }
    } catch (error) {
      if (!(error instanceof CancelledError)) this.error = (error as Error).message;
      else this.error = 'Cancelled. Nothing was loaded; the current dataset is unchanged.';
      this.phase = this.phase === 'closed' ? 'closed' : 'choose';
      this.progress = null;
    }
  }

  private reset(): void {
    this.progress = null;
    this.mappingNeeded = null;
    this.outcome = null;
    this.error = null;
    this.saveError = null;
    this.lastMapping = null;
  }
}

function labelOf(inputs: PickedFile[]): string {
  const roots = new Set(inputs.map((i) => i.path.split('/')[0]));
  if (roots.size === 1 && inputs.length > 1) return `${[...roots][0]}/ (${inputs.length} files)`;
  return inputs.length === 1 ? inputs[0].path : `${inputs.length} files`;
}

function defaultName(inputs: PickedFile[]): string {
  const first = inputs[0].path.split('/')[0];
  return first.replace(/\.(zip|csv|tsv|txt|gexf|graphml|json|jsonl)$/i, '').replace(/\.export$/i, '') || 'Imported dataset';
}

export const importer = new Importer();
