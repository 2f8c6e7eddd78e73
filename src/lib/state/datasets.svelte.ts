/**
 * The datasets a user keeps: the bundled one (always there) and every import
 * saved in IndexedDB. A saved dataset is its graph-data files (and texts),
 * written with its description in one transaction, so a failed or full write
 * leaves nothing behind. Switching validates the files again in the worker,
 * like every other input.
 */
import { loadDataset, type DatasetFiles } from '../core/load';
import type { ImportOutcome, Progress } from '../core/import-job';
import type { Dataset } from '../core/model';
import { graphDataZipEntries } from '../core/write-graph-data';
import { zipFiles } from '../core/zip';
import { textsInFiles, type Review } from '../core/source-review';
import { readBundledFiles } from './bundled-data';
import { downloadBlob } from './download';
import { explorer } from './explorer.svelte';
import { ImportWorker } from './import-worker';
import { BUNDLED_ID, CURRENT_DATASET_KEY, takeSavedLoad } from './early-load';
import { StorageError, describeStorageFailure, entryOf, loadLayout, newDatasetId, openDatasetDb, PAYLOAD_STORES, putPayload, saveLayout, type DatasetEntry } from './dataset-store';

export { StorageError, type DatasetEntry } from './dataset-store';

export { BUNDLED_ID } from './early-load';

const bundledEntry = (dataset: Dataset) => entryOf(BUNDLED_ID, 'Armenia, Azerbaijan, Russia and the CSTO (bundled)', 'bundled', dataset, 0, false, null);

export class Datasets {
  entries = $state.raw<DatasetEntry[]>([]);
  currentId = $state<string>(BUNDLED_ID);
  busy = $state(false);
  message = $state<string | null>(null);
  /** The current dataset's workbench reviews, as stored with it. */
  reviews = $state.raw<Review[]>([]);
  /** Texts of the current dataset, so "Download dataset" writes them too. */
  private currentTexts: Record<string, string> | undefined;
  private bundled: DatasetEntry | null = null;
  /** How far the worker is with validating and indexing a saved dataset, while it opens. */
  progress = $state.raw<Progress | null>(null);
  private worker: ImportWorker | null = null;

  readonly current: DatasetEntry | null = $derived(this.entries.find((e) => e.id === this.currentId) ?? null);

  private importWorker(): ImportWorker {
    return (this.worker ??= new ImportWorker((p) => (this.progress = p)));
  }

  private open() {
    return openDatasetDb();
  }

  /** Loads the dataset chosen last time (or the bundled one) and lists what is saved. */
  async start(): Promise<void> {
    const chosen = localStorage.getItem(CURRENT_DATASET_KEY);
    const wanted = chosen && chosen !== BUNDLED_ID ? chosen : null;
    // The worker starts reading and validating the saved dataset at once, while the list of datasets and the
    // bundled one's entry are read here: at a million rows, waiting for those first put off the graph by 0.2 s.
    // main.ts has usually sent it before the app's code was even fetched (early-load.ts).
    const taken = wanted ? takeSavedLoad(wanted, (p) => (this.progress = p)) : null;
    if (taken) this.worker = taken.worker;
    const early = wanted ? (taken?.answer ?? this.importWorker().send({ kind: 'load-stored', id: wanted })) : undefined;
    early?.catch(() => undefined);
    await this.refresh().catch(() => undefined);
    if (wanted) await this.describeBundled();
    if (wanted && this.entries.some((e) => e.id === wanted)) {
      if (await this.switchTo(wanted, early)) return;
      explorer.addNotices([`The saved dataset "${this.entries.find((e) => e.id === wanted)?.name}" could not be opened; showing the bundled one.`]);
    }
    if (!(await this.switchTo(BUNDLED_ID)) && explorer.status === 'loading') explorer.failLoading(this.message ?? 'The bundled dataset could not be read.');
  }

  /** The bundled dataset's entry in the list, when another dataset is the first one shown. */
  private async describeBundled(): Promise<void> {
    const loaded = loadDataset(await readBundledFiles().catch(() => ({})));
    if (!loaded.ok) return;
    this.bundled = bundledEntry(loaded.dataset);
    await this.refresh();
  }

  async refresh(): Promise<void> {
    const saved = await this.open()
      .then((db) => db.getAll('datasets'))
      .catch(() => [] as DatasetEntry[]);
    saved.sort((a, b) => (b.importedAt ?? '').localeCompare(a.importedAt ?? ''));
    const unsaved = this.entries.filter((e) => e.id === 'unsaved' && this.currentId === 'unsaved');
    this.entries = [...(this.bundled ? [this.bundled] : []), ...saved, ...unsaved];
  }

  /** Saves an import: description and files in one transaction; throws StorageError with a clear message. */
  async save(outcome: ImportOutcome, name: string): Promise<DatasetEntry> {
    const id = newDatasetId();
    const size = outcome.storedChars * 2;
    const entry = entryOf(id, name, outcome.format ?? 'graph-data', outcome.dataset!, size, !!outcome.texts, new Date().toISOString());
    try {
      const db = await this.open();
      const tx = db.transaction(['datasets', ...PAYLOAD_STORES], 'readwrite');
      await Promise.all([putPayload(tx, { id, files: outcome.files, texts: outcome.texts }), tx.objectStore('datasets').put(entry), tx.done]);
    } catch (error) {
      throw new StorageError(await describeStorageFailure(error, size));
    }
    await this.refresh();
    return entry;
  }

  /** Shows an import that is valid; `entry` null when it is shown without being saved. */
  show(outcome: ImportOutcome, entry: DatasetEntry | null): void {
    explorer.installDataset(outcome.dataset!);
    this.currentTexts = outcome.texts;
    this.reviews = [];
    if (entry) this.select(entry.id);
    else {
      const unsaved = entryOf('unsaved', 'Unsaved import', outcome.format ?? 'graph-data', outcome.dataset!, outcome.storedChars * 2, !!outcome.texts, new Date().toISOString());
      this.entries = [...this.entries.filter((e) => e.id !== 'unsaved'), unsaved];
      this.currentId = 'unsaved';
    }
  }

  /** Replaces the view with a saved dataset (or the bundled one); the current one stays if that fails. `asked`: the worker's answer for `id`, already requested. */
  async switchTo(id: string, asked?: ReturnType<ImportWorker['send']>): Promise<boolean> {
    this.busy = true;
    this.message = null;
    try {
      if (id === BUNDLED_ID) {
        const files = await readBundledFiles();
        if (!explorer.install(files)) return false;
        this.bundled ??= bundledEntry(explorer.dataset!);
        if (!this.entries.some((e) => e.id === BUNDLED_ID)) this.entries = [this.bundled, ...this.entries];
        this.currentTexts = undefined;
        this.reviews = [];
        this.select(BUNDLED_ID);
        return true;
      }
      // The worker reads the payload itself: at a million rows, reading it here blocked the page for a second.
      const answer = await (asked ?? this.open().then(() => this.importWorker().send({ kind: 'load-stored', id })));
      this.worker?.release();
      if (answer.kind === 'failed' && answer.missing) {
        this.message = 'That dataset is no longer stored in this browser.';
        return false;
      }
      if (answer.kind !== 'done' || !answer.outcome.ok) {
        this.message = `The saved dataset did not pass validation: ${answer.kind === 'done' ? answer.outcome.issues.length + ' problems' : answer.kind === 'failed' ? answer.message : ''}`;
        return false;
      }
      explorer.installDataset(answer.outcome.dataset!);
      this.currentTexts = answer.stored?.texts ?? {};
      this.reviews = answer.stored?.reviews ?? [];
      this.select(id);
      return true;
    } catch (error) {
      this.message = `Could not open the dataset: ${(error as Error).message}`;
      return false;
    } finally {
      this.busy = false;
      this.progress = null;
    }
  }

  async rename(id: string, name: string): Promise<void> {
    const trimmed = name.trim();
    if (!trimmed || id === BUNDLED_ID) return;
    if (id === 'unsaved') {
      this.entries = this.entries.map((e) => (e.id === id ? { ...e, name: trimmed } : e));
      return;
    }
    const db = await this.open();
    const tx = db.transaction('datasets', 'readwrite');
    const entry = await tx.store.get(id);
    if (entry) await tx.store.put({ ...entry, name: trimmed });
    await tx.done;
    await this.refresh();
  }

  /** Deletes a saved dataset; deleting the one on screen switches back to the bundled one first. */
  async remove(id: string): Promise<void> {
    if (id === BUNDLED_ID) return;
    if (id === this.currentId && !(await this.switchTo(BUNDLED_ID))) return;
    if (id === 'unsaved') {
      this.entries = this.entries.filter((e) => e.id !== id);
      return;
    }
    const db = await this.open();
    const tx = db.transaction(['datasets', 'layouts', ...PAYLOAD_STORES], 'readwrite');
    await Promise.all([tx.objectStore('datasets').delete(id), tx.objectStore('payloads').delete(id), tx.objectStore('snapshots').delete(id), tx.objectStore('payload-stamps').delete(id), tx.objectStore('layouts').delete(id), tx.done]);
    await this.refresh();
  }

  /**
   * Stores the current dataset with its workbench reviews applied, files and reviews in one
   * transaction, then shows it. The bundled dataset and an unsaved import are never changed:
   * the first added source makes a saved copy of them, which becomes the current dataset.
   */
  async storeReviewed(files: DatasetFiles, dataset: Dataset, reviews: Review[], changed = true): Promise<void> {
    const copying = this.currentId === BUNDLED_ID || this.currentId === 'unsaved' || !this.current;
    const id = copying ? newDatasetId() : this.currentId;
    let size = 0;
    for (const text of Object.values(files)) size += text.length * 2;
    try {
      const db = await this.open();
      const tx = db.transaction(['datasets', ...PAYLOAD_STORES], 'readwrite');
      const payloads = tx.objectStore('payloads');
      const texts = copying ? this.currentTexts : (await payloads.get(id))?.texts;
      for (const text of Object.values(texts ?? {})) size += text.length * 2;
      const base = copying ? null : await tx.objectStore('datasets').get(id);
      const name = base?.name ?? `${(this.current?.name ?? 'Dataset').replace(/ \(bundled\)$/, '')} + added sources`;
      const entry = entryOf(id, name, base?.format ?? (this.current?.format === 'bundled' ? 'graph-data' : this.current?.format ?? 'graph-data'), dataset, size, true, base?.importedAt ?? new Date().toISOString());
      await Promise.all([putPayload(tx, { id, files, texts, reviews }), tx.objectStore('datasets').put(entry), tx.done]);
      if (copying) this.currentTexts = { ...texts };
    } catch (error) {
      throw new StorageError(await describeStorageFailure(error, size));
    }
    await this.refresh();
    // A decision that changes no row (a rejection of an open candidate) leaves the view, filters and layout as they are.
    if (changed || copying) explorer.installDataset(dataset);
    this.currentTexts = { ...this.currentTexts, ...textsInFiles(files) };
    this.reviews = reviews;
    this.select(id);
  }

  /** "Download dataset": the dataset on screen as a graph-data zip, with its source texts when it has them. */
  download(): void {
    const dataset = explorer.dataset;
    if (!dataset) return;
    const zip = zipFiles(graphDataZipEntries(dataset, this.currentTexts));
    const name = (this.current?.id === BUNDLED_ID ? 'entente-bundled' : this.current?.name ?? 'dataset').replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || 'dataset';
    downloadBlob(new Blob([zip as BlobPart], { type: 'application/zip' }), `${name}.zip`);
  }

  /** The layout saved with a dataset, if its actors are still the ones given. */
  loadLayout(id: string, actorIds: readonly string[]): Promise<Float32Array | null> {
    return loadLayout(id, actorIds);
  }

  saveLayout(id: string, actorIds: readonly string[], positions: Float32Array): Promise<void> {
    return saveLayout(id, actorIds, positions);
  }

  private select(id: string): void {
    this.currentId = id;
    if (id !== 'unsaved') localStorage.setItem(CURRENT_DATASET_KEY, id);
    if (id !== 'unsaved') this.entries = this.entries.filter((e) => e.id !== 'unsaved');
  }
}

export const datasets = new Datasets();
