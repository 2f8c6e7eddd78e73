/**
 * The IndexedDB side of the datasets a user keeps: one database, three stores
 * (descriptions, payloads, layouts), and the entry that describes a dataset in
 * the switcher. Kept apart from datasets.svelte.ts, which decides what is on
 * screen, so that what is stored, and how a refused write is explained, reads
 * in one place. The import worker opens the same database by name to read a
 * payload itself (workers/import.worker.ts).
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { DatasetFiles } from '../core/load';
import type { Dataset } from '../core/model';
import { summarizeDataset } from '../core/summary';
import { isQuotaError, storageFailureMessage } from '../core/storage-message';
import type { Review } from '../core/source-review';
import type { EncodedSnapshot } from '../core/dataset-snapshot';
import { createMissingStores, DATASET_DB, DATASET_DB_VERSION, newPayloadStamp, type PayloadStamp } from './dataset-db-schema';

export interface DatasetEntry {
  id: string;
  name: string;
  /** Format it was imported from, or "bundled". */
  format: string;
  importedAt: string | null;
  counts: { actors: number; relations: number; sources: number; types: number };
  dateRange: { from: string; to: string };
  /** Approximate stored size in bytes (UTF-16 text in IndexedDB). */
  size: number;
  hasTexts: boolean;
}

export interface StoredPayload {
  id: string;
  files: DatasetFiles;
  texts?: Record<string, string>;
  /** Sources added in the workbench and the decisions on their candidates; their texts are `texts/<id>.txt` in `files`. */
  reviews?: Review[];
}

/** Node positions a layout reached, per actor (x, y in actorIds order), so a reload does not lay out again. */
export interface SavedLayout {
  id: string;
  actorIds: string[];
  positions: Float32Array;
}

/** What the import worker answered for a payload it parsed (core/dataset-snapshot.ts), valid while `stamp` is the payload's. */
export interface StoredSnapshot extends EncodedSnapshot {
  id: string;
  stamp: string;
}

interface EntenteDb extends DBSchema {
  datasets: { key: string; value: DatasetEntry };
  payloads: { key: string; value: StoredPayload };
  layouts: { key: string; value: SavedLayout };
  snapshots: { key: string; value: StoredSnapshot };
  'payload-stamps': { key: string; value: PayloadStamp };
}

export type DatasetDb = IDBPDatabase<EntenteDb>;

export class StorageError extends Error {}

let db: Promise<DatasetDb> | null = null;

export function openDatasetDb(): Promise<DatasetDb> {
  db ??= openDB<EntenteDb>(DATASET_DB, DATASET_DB_VERSION, {
    upgrade(database) {
      createMissingStores(database as unknown as Parameters<typeof createMissingStores>[0]);
    },
  });
  return db;
}

/** The stores a write of a payload must take part in (putPayload), beside any other the caller needs. */
export const PAYLOAD_STORES = ['payloads', 'snapshots', 'payload-stamps'] as const;


/**
 * Writes a payload in `tx` (opened over PAYLOAD_STORES), and in the same transaction drops its snapshot and gives
 * it a new stamp: a worker still parsing the old payload then finds the stamp changed and stores nothing, so a
 * snapshot is never older than its payload.
 */
export function putPayload(tx: IDBPTransaction<EntenteDb, StoreNames<EntenteDb>[], 'readwrite'>, payload: StoredPayload): Promise<unknown> {
  return Promise.all([tx.objectStore('payloads').put(payload), tx.objectStore('snapshots').delete(payload.id), tx.objectStore('payload-stamps').put({ id: payload.id, stamp: newPayloadStamp() })]);
}

export const newDatasetId = () => `d-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

export function entryOf(id: string, name: string, format: string, dataset: Dataset, size: number, hasTexts: boolean, importedAt: string | null): DatasetEntry {
  const summary = summarizeDataset(dataset);
  return {
    id,
    name,
    format,
    importedAt,
    counts: { actors: summary.actorCount, relations: summary.relationCount, sources: summary.sourceCount, types: summary.typeCount },
    dateRange: summary.dateRange,
    size,
    hasTexts,
  };
}

/** A message a person can act on, for the ways a browser refuses to store data. */
export async function describeStorageFailure(error: unknown, size: number): Promise<string> {
  const failure = (error ?? {}) as { name?: string; message?: string };
  const estimate = isQuotaError(failure.name, failure.message) ? await navigator.storage?.estimate?.().catch(() => null) : null;
  return storageFailureMessage(failure, size, estimate ?? null);
}

/** The layout saved with a dataset, if its actors are still the ones given (same ids, same order). */
export async function loadLayout(id: string, actorIds: readonly string[]): Promise<Float32Array | null> {
  if (id === 'unsaved') return null;
  const saved = await (await openDatasetDb()).get('layouts', id).catch(() => undefined);
  if (!saved || saved.actorIds.length !== actorIds.length || saved.actorIds.some((a, i) => a !== actorIds[i])) return null;
  return saved.positions;
}

/** Saves the positions a layout reached with the dataset; a failed write only costs a re-run next time. */
export async function saveLayout(id: string, actorIds: readonly string[], positions: Float32Array): Promise<void> {
  if (id === 'unsaved') return;
  await (await openDatasetDb()).put('layouts', { id, actorIds: [...actorIds], positions }).catch(() => undefined);
}
